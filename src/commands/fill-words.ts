// "{name}" placeholders in the commands' own sentences, filled from params; unknown ones stay visible.

export function fillWords(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
