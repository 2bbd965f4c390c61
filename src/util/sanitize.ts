// Text from devices (names, banners, titles) is untrusted: it must not move the cursor, recolour the
// terminal, reorder what is shown (bidi overrides) or flood a screen. Every stage that shows or
// stores device text passes it through sanitizeText.

/** ESC sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC (… ST), and two-byte escapes. */
const ESCAPE_SEQUENCE =
  /\u001B(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[ -/]*[0-~]?)/g;
/** The 8-bit forms: CSI (0x9B) and OSC/DCS/… (0x90, 0x9D-0x9F) up to their terminator. */
const C1_SEQUENCE = /\u009B[0-?]*[ -/]*[@-~]?|[\u0090\u0098\u009D-\u009F][^\u0007\u009C]*[\u0007\u009C]?/g;
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;
/** Bidi overrides/isolates and zero-width characters: they can make one name look like another. */
const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const DEFAULT_MAX_TEXT_LENGTH = 200;

/**
 * Makes device-supplied text safe to print and store: escape sequences and control characters
 * removed, whitespace collapsed, trimmed, and cut to maxLength characters (with "…").
 * With keepNewlines, line breaks survive as single "\n" (multi-line banners, page excerpts).
 */
export function sanitizeText(text: string, maxLength: number = DEFAULT_MAX_TEXT_LENGTH, keepNewlines = false): string {
  const withoutSequences = String(text).replace(ESCAPE_SEQUENCE, '').replace(C1_SEQUENCE, '');
  const lines = keepNewlines ? withoutSequences.split(/\r\n?|\n/) : [withoutSequences];
  const cleaned = lines
    .map((line) =>
      line
        .replace(LINE_BREAKS_AND_TABS, ' ')
        .replace(CONTROL_CHARACTERS, '')
        .replace(INVISIBLE_FORMATTING, '')
        .replace(LONE_SURROGATE, '\uFFFD')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n')
    .trim();
  const characters = Array.from(cleaned);
  if (characters.length <= maxLength) return cleaned;
  return `${characters.slice(0, Math.max(0, maxLength - 1)).join('').trimEnd()}…`;
}

/** Decodes device bytes as UTF-8 (invalid bytes become U+FFFD) and cleans them. */
export function sanitizeBytes(bytes: Buffer, maxLength: number = DEFAULT_MAX_TEXT_LENGTH, keepNewlines = false): string {
  return sanitizeText(bytes.toString('utf8'), maxLength, keepNewlines);
}
