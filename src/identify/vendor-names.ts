// One name per maker: the IEEE registry says "Hangzhou Hikvision Digital Technology Co.,Ltd.", a UPnP
// description "HIKVISION", a rule "Hikvision". The alias table (knowledge/fingerprints/vendor-aliases.yaml)
// maps the spellings onto one name, so OUI, descriptions and rules agree and combine.

import { sanitizeText } from '../util/sanitize.js';
import type { CompiledAlias } from './types.js';

/** Legal-form suffixes that say nothing about the maker: stripped when no alias knows the name. */
const LEGAL_SUFFIX =
  /[\s,.]+(?:co\.?,?\s*ltd|company|corp(?:oration)?|inc(?:orporated)?|gmbh(?:\s*&\s*co\.?\s*kg)?|kg|llc|l\.?l\.?c|ltd|limited|b\.?\s?v|n\.?\s?v|s\.?a\.?s?|s\.?r\.?l|ag|ab|a\/s|aps|oy|plc|pte|pty|sarl|spa|co)\.?$/i;

export function normaliseVendor(raw: string, aliases: readonly CompiledAlias[]): string {
  const name = sanitizeText(raw.split('\n')[0] ?? '', 120);
  for (const alias of aliases) {
    if (alias.patterns.some((pattern) => pattern.test(name))) return alias.vendor;
  }
  let stripped = name;
  for (let previous = ''; previous !== stripped; ) {
    previous = stripped;
    stripped = stripped.replace(LEGAL_SUFFIX, '').replace(/[\s,.]+$/, '');
  }
  return stripped || name;
}
