// Device names, banners and vendor strings come from the network: untrusted. Before they reach a
// sentence, a terminal or a page, control characters and escape sequences go and the length is capped.

// CSI/OSC/other ESC sequences first, so their parameters do not survive as visible text.
const ESCAPE_SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2066-\u2069\uFEFF]/g;

/** Removes escape sequences, control and bidi characters, folds whitespace, caps the length. */
export function cleanText(value: string, maxLength = 80): string {
  const cleaned = value.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}
