// The last guard before anything is written: details that name a secret keep only a masked form,
// and text from devices loses its control characters.

import { maskSecret } from '../util/mask-secret.js';
import { sanitizeText } from '../util/sanitize.js';

const SECRET_KEY = /(pass(word)?|secret|token|community|psk|key)$/i;

/**
 * Copies the details; a value whose name says it is a secret is kept only masked, under the name
 * with "Masked" added (community → communityMasked), so a reader can tell it is not the real one.
 */
export function scrubDetails(details: Record<string, string | number | boolean>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEY.test(key)) {
      if (!(`${key}Masked` in details)) out[`${key}Masked`] = maskSecret(String(value));
    } else {
      out[key] = typeof value === 'string' ? sanitizeText(value, 500) : value;
    }
  }
  return out;
}

/** Device-sent or device-derived text, safe for any output. */
export const safe = (value: string, maxLength = 300): string => sanitizeText(value, maxLength);
