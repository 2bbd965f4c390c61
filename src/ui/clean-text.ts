// Device names, banners and evidence come from the network: nothing in them may steer the terminal.

// CSI/OSC/other escape sequences, then any remaining C0/C1 control character or lone ESC.
const ESCAPE_SEQUENCES = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi overrides can make a name read differently from what it is.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** One-line, printable text: escape sequences and control characters removed, whitespace collapsed. */
export function cleanText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .replace(ESCAPE_SEQUENCES, '')
    .replace(CONTROL_CHARS, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(/\s+/g, ' ')
    .trim();
}
