// Device-sent text is untrusted: no terminal escape sequences, control or bidi characters, bounded length.

// CSI, OSC (BEL or ST terminated), and two-byte ESC sequences, in both 7-bit and 8-bit forms.
const ESCAPES = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Cleans one piece of device text; keeps line breaks only when asked. */
export function sanitizeText(input: string, maxLength = 256, keepNewlines = false): string {
  let text = input.replace(ESCAPES, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '');
  text = keepNewlines ? text.replace(/\n{2,}/g, '\n') : text.replace(/\n+/g, ' ');
  text = text.replace(/ {2,}/g, ' ').trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Decodes bytes as UTF-8 (invalid bytes become U+FFFD) and cleans them. */
export function sanitizeBytes(bytes: Buffer, maxLength = 256, keepNewlines = false): string {
  return sanitizeText(bytes.toString('utf8'), maxLength, keepNewlines);
}
