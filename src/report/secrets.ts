// The last guard before anything is written: details that name a secret keep only a masked form,
// and text from devices loses its control characters.

import { maskSecret } from '../checks/finding.js';
import { sanitizeText } from '../util/sanitize.js';

const SECRET_KEY = /(pass(word)?|secret|token|community|psk|key)$/i;

/** Copies the details, masking any value whose name says it is a secret (…Masked values pass as they are). */
export function scrubDetails(details: Record<string, string | number | boolean>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEY.test(key) && typeof value === 'string') out[key] = maskSecret(value);
    else out[key] = typeof value === 'string' ? sanitizeText(value, 500) : value;
  }
  return out;
}

/** Device-sent or device-derived text, safe for any output. */
export const safe = (value: string, maxLength = 300): string => sanitizeText(value, maxLength);
