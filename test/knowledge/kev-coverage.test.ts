// Issue 12, "every KEV entry for consumer brands common in Dutch homes": every id the catalogue lists for these brands
// is a firmware fact or is left out with a reason (test/fixtures/knowledge/kev-brands-2026.08.21.yaml), and the
// figures docs/knowledge.md quotes come from here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { isVerified } from '../../src/knowledge/provenance.js';

interface BrandList {
  catalogue: string;
  named: Record<string, string[]>;
  others: Record<string, string[]>;
  outOfScope: Record<string, string>;
}

const brands = parse(readFileSync(new URL('../fixtures/knowledge/kev-brands-2026.08.21.yaml', import.meta.url), 'utf8')) as BrandList;
const firmware = loadCheckKnowledge().firmware;
const kevOf = (entries: typeof firmware) => new Set(entries.flatMap((entry) => entry.vulnerable ?? []).flatMap((range) => range.kev ?? []));
const covered = kevOf(firmware);
const confirmed = kevOf(firmware.filter(isVerified));

function tally(lists: Record<string, string[]>) {
  const ids = Object.values(lists).flat();
  return { inKev: ids.length, covered: ids.filter((id) => covered.has(id)).length, confirmed: ids.filter((id) => confirmed.has(id)).length };
}

describe(`KEV coverage of the consumer brands (catalogue ${brands.catalogue})`, () => {
  it('has every id as a firmware fact or left out with a reason, never both', () => {
    for (const [brand, ids] of Object.entries({ ...brands.named, ...brands.others })) {
      for (const id of ids) {
        const reason = brands.outOfScope[id];
        expect(covered.has(id) !== (reason !== undefined), `${brand} ${id}: ${reason ?? 'no firmware fact and no reason'}`).toBe(true);
      }
    }
    const listed = new Set(Object.values({ ...brands.named, ...brands.others }).flat());
    for (const id of Object.keys(brands.outOfScope)) expect(listed.has(id), `${id} left out but not in the brand lists`).toBe(true);
  });

  it('gives the figures of docs/knowledge.md: 69 of 85 for the brands of issue 12 (67 confirmed), 7 of 24 for the others', () => {
    expect(tally(brands.named)).toEqual({ inKev: 85, covered: 69, confirmed: 67 });
    expect(tally(brands.others)).toEqual({ inKev: 24, covered: 7, confirmed: 7 });
  });
});
