// Device names, banners and evidence come from the network: nothing in them may steer the terminal.

import { sanitizeText } from '../util/sanitize.js';

/** The dashboard wraps and truncates to the screen itself; this only guards against absurd lengths. */
const MAX_SHOWN_LENGTH = 2000;

/** One-line, printable text: escape sequences, control and invisible characters removed, whitespace collapsed. */
export function cleanText(value: string | null | undefined): string {
  return value ? sanitizeText(value, MAX_SHOWN_LENGTH) : '';
}
