// Fills {placeholders} in a template text. A [[segment]] is dropped when a placeholder in it has no
// value; a placeholder outside a segment with no value becomes the language's word for "unknown".

export type Values = Record<string, string | undefined>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;
const PLACEHOLDER_AND_STOP = /\{([A-Za-z][A-Za-z0-9]*)\}(\.?)/g;

export function fillTemplate(template: string, values: Values, unknown: string): string {
  const has = (name: string) => values[name] !== undefined && values[name] !== '';
  const withOptionals = template.replace(OPTIONAL, (_whole, inner: string) => {
    const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
    return names.every(has) ? inner : '';
  });
  // One pass over the template only, so braces inside a value are never read as placeholders.
  // A value that ends its own sentence ("…and scan the QR code.") takes the template's full stop.
  return withOptionals.replace(PLACEHOLDER_AND_STOP, (_whole, name: string, stop: string) => {
    const value = has(name) ? (values[name] as string) : unknown;
    return /[.!?…]$/.test(value) ? value : `${value}${stop}`;
  });
}
