// Models are shown after the vendor ("HP OfficeJet Pro 9010 series"): a model that starts with the
// maker's own name ("HP OfficeJet…", "Google Nest Mini", "Philips hue bridge") would print it twice.

import type { CompiledAlias } from './types.js';
import { normaliseVendor } from './vendor-names.js';

/** Words a maker's name may take at the start of a model ("Home Assistant"); longer prefixes are not names. */
const MAX_VENDOR_WORDS = 3;

/**
 * The model without a leading name of its vendor (the vendor itself or an alias spelling of it).
 * The shortest such prefix is removed, so "Google Nest Mini" keeps "Nest Mini". A model that is
 * nothing but the vendor's name says nothing: null; a one-word model code that only starts like it ("AppleTV11,1") stays.
 */
export function modelWithoutVendor(model: string, vendor: string | null, aliases: readonly CompiledAlias[]): string | null {
  if (!vendor) return model;
  const words = model.split(/\s+/).filter(Boolean);
  const wanted = vendor.toLowerCase();
  for (let count = 1; count <= Math.min(MAX_VENDOR_WORDS, words.length); count += 1) {
    const prefix = words.slice(0, count).join(' ');
    // A word with digits that an alias matches only by its start ("AppleTV11,1" under '^Apple') is a model code.
    const isName = prefix.toLowerCase() === wanted || (!/\d/.test(prefix) && normaliseVendor(prefix, aliases).toLowerCase() === wanted);
    if (!isName) continue;
    const rest = words.slice(count).join(' ').replace(/^[\s\-–:,/]+/, '');
    return rest === '' ? null : rest;
  }
  return model;
}
