// Escaping for each output format. Text is cleaned of control characters before it gets here
// (advice/sanitize.ts); these make sure nothing from a device is read as markup.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Backslash-escapes the characters that would start Markdown or inline HTML (CommonMark). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`);
}
