// Issue 12, independent re-check of confirmed entries (docs/knowledge.md, "Independent re-check"): 30 `checked`
// entries drawn by a seeded shuffle were compared with the records they cite. Each test here pins one fact the
// record gave that the entry had wrong, by running the outdated-firmware check on a device the record names (and on
// one it does not name, or a fixed build), so the old behaviour fails.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { isVerified } from '../../src/knowledge/provenance.js';
import { makeContext, makeDevice } from '../checks/knowledge-helpers.js';

const knowledge = loadCheckKnowledge();
const shipped = makeContext(knowledge);

async function findingsFor(vendor: string, model: string, firmware: string | null) {
  return outdatedFirmwareCheck.run(makeDevice({ vendor, model, firmware }), shipped);
}

/** One "kev advice severity" string per finding that carries a KEV id, sorted. */
async function kevClaims(vendor: string, model: string, firmware: string | null): Promise<string[]> {
  return (await findingsFor(vendor, model, firmware))
    .filter((finding) => finding.details.kev)
    .map((finding) => `${String(finding.details.kev)} ${finding.details.advice === 'replace' ? 'replace' : 'check'} ${finding.severity}`)
    .sort();
}

describe('the sampled entries, corrected against their records', () => {
  it('CVE-2015-3035 names Archer C5, C7, C8 and C9, not the Archer C50, C54, C5400X or C80', async () => {
    for (const model of ['Archer C5', 'Archer C5 v1.2', 'Archer C7', 'Archer C7 v2', 'Archer C8', 'Archer C9 v1']) {
      expect(await kevClaims('TP-Link', model, '3.13.34 Build 130909'), model).toContain('CVE-2015-3035 check high');
    }
    for (const model of ['Archer C50', 'Archer C50 v4', 'Archer C54', 'Archer C5400X', 'Archer C80']) {
      expect((await kevClaims('TP-Link', model, '1.0.0')).filter((claim) => claim.startsWith('CVE-2015-3035')), model).toEqual([]);
    }
  });

  it('DIR-820 and DIR-820L: the KEV entries say end of life, so "replace", not "check for the fix"', async () => {
    const claims = await kevClaims('D-Link', 'DIR-820L', '1.05B03');
    expect(claims).toContain('CVE-2022-26258,CVE-2023-25280 replace critical');
    expect(claims.filter((claim) => claim.startsWith('CVE-2022-26258'))).toHaveLength(1);
  });

  it('DIR-300: the KEV entry says end of life, so "replace"', async () => {
    expect(await kevClaims('D-Link', 'DIR-300', null)).toEqual(['CVE-2011-4723 replace critical']);
  });

  it('DNS-320: CVE-2019-16057 has no fix (KEV: end of life), CVE-2020-25506 is a check for the fix', async () => {
    expect(await kevClaims('D-Link', 'DNS-320', '2.06B01')).toEqual(['CVE-2019-16057 replace critical', 'CVE-2020-25506 check high']);
    // The DNS-320L is another model (it has KEV entries of its own, not these two).
    expect((await kevClaims('D-Link', 'DNS-320L', '1.11')).filter((claim) => /CVE-2019-16057|CVE-2020-25506/.test(claim))).toEqual([]);
  });

  it('DrayTek Vigor2960, Vigor300B, Vigor3900 are judged by the fixed firmware the records give (1.5.1, 1.5.1.5)', async () => {
    expect(await kevClaims('DrayTek', 'Vigor2960', '1.4.4')).toEqual([
      'CVE-2020-8515,CVE-2020-15415 check critical',
      'CVE-2024-12987 check critical',
    ]);
    expect(await kevClaims('DrayTek', 'Vigor300B', '1.5.1.4')).toEqual(['CVE-2024-12987 check critical']);
    expect(await kevClaims('DrayTek', 'Vigor3900', '1.5.1.5')).toEqual([]);
    expect(await kevClaims('DrayTek', 'Vigor2960', '1.5.1.6')).toEqual([]);
  });

  it('the corrected entries stay confirmed: each was read in its KEV entry and CVE record', () => {
    const ids = ['kev-tplink-login-traversal-2015', 'kev-dlink-dir-820', 'kev-dlink-dir-300', 'kev-dlink-dns-320', 'kev-draytek-vigor-2960-300b-3900'];
    const entries = knowledge.firmware.filter((entry) => ids.includes(entry.id));
    expect(entries.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    for (const entry of entries) expect(isVerified(entry), entry.id).toBe(true);
  });
});

describe('found while checking: KEV entries that say the product is end of life', () => {
  const { endOfLife } = parse(readFileSync(new URL('../fixtures/knowledge/kev-end-of-life-2026.08.21.yaml', import.meta.url), 'utf8')) as {
    endOfLife: string[];
  };
  /** "entry CVE" for every range that holds such a KEV id without `unfixed`. */
  const notMarked = knowledge.firmware.flatMap((entry) =>
    (entry.vulnerable ?? []).flatMap((range) => (range.unfixed ? [] : (range.kev ?? []).filter((id) => endOfLife.includes(id)).map((id) => `${entry.id} ${id}`))),
  );

  it('the sampled DIR-300, DIR-820 and DNS-320 entries are marked unfixed', () => {
    expect(notMarked.filter((item) => /kev-dlink-(dir-300|dir-820|dns-320) /.test(item))).toEqual([]);
  });

  // Found by the re-check outside its sample and corrected after it: DIR-600, DIR-645, DCS-930L, DIR-610, DIR-605, the
  // 2024 DNS NAS entry and the DGN2200's CVE-2017-6334 (its CVE-2017-6077 says "apply updates" and keeps its own range).
  it('every range with such a KEV id says "replace" (unfixed)', () => {
    expect(notMarked).toEqual([]);
  });
});

// Second re-check (docs/knowledge.md, "Second independent re-check"): 25 more `checked` firmware entries, drawn with
// seed 20261202 outside the first sample. Each test fails on the entry as it was.
describe('the second sample, corrected against its records', () => {
  const claimsFor = async (vendor: string, model: string, firmware: string | null, cve: string) =>
    (await kevClaims(vendor, model, firmware)).filter((claim) => claim.startsWith(cve));

  it('JGS516PE: the record gives the fix (before 2.6.0.43), so a fixed switch gets no KEV claim', async () => {
    expect(await claimsFor('Netgear', 'JGS516PE', '2.6.0.42', 'CVE-2020-26919')).toEqual(['CVE-2020-26919 check critical']);
    expect(await claimsFor('Netgear', 'JGS516PE', '2.6.0.43', 'CVE-2020-26919')).toEqual([]);
  });

  it('GT-AC2900 is judged by its fix (3.0.0.4.386.42643); the Lyra Mini is end of life, so "replace"', async () => {
    expect(await claimsFor('ASUS', 'GT-AC2900', '3.0.0.4.386_42000', 'CVE-2021-32030')).toEqual(['CVE-2021-32030 check critical']);
    for (const fixed of ['3.0.0.4.386_42643', '3.0.0.4.386.42643', '3.0.0.4.388_24198']) {
      expect(await claimsFor('ASUS', 'GT-AC2900', fixed, 'CVE-2021-32030'), fixed).toEqual([]);
    }
    expect(await claimsFor('ASUS', 'Lyra Mini', '3.0.0.4_384_46630', 'CVE-2021-32030')).toEqual(['CVE-2021-32030 replace critical']);
  });

  it('CVE-2018-14558 names the Tenda AC7, AC9 and AC10, not the AC10U', async () => {
    for (const model of ['AC7', 'AC9', 'AC10', 'AC10 V1.0']) {
      expect(await claimsFor('Tenda', model, 'V15.03.06.23', 'CVE-2018-14558'), model).toEqual(['CVE-2018-14558 check high']);
    }
    expect(await claimsFor('Tenda', 'AC10U', 'V15.03.06.23', 'CVE-2018-14558')).toEqual([]);
  });

  it('the corrected entries stay confirmed: each was read in its CVE record and KEV entry', () => {
    const ids = ['kev-netgear-jgs516pe', 'kev-asus-gt-ac2900', 'kev-asus-lyra-mini', 'kev-tenda-ac7-ac9-ac10'];
    const entries = knowledge.firmware.filter((entry) => ids.includes(entry.id));
    expect(entries.map((entry) => entry.id).sort()).toEqual([...ids].sort());
    for (const entry of entries) expect(isVerified(entry), entry.id).toBe(true);
  });
});

// Outside the second sample: the same kinds of error, found by scripts/kb-recheck-scan.cjs and read in each CVE record.
describe('found outside the second sample: fixes, end-of-life marks and globs the records give', () => {
  const claimsFor = async (vendor: string, model: string, firmware: string | null, cve: string) =>
    (await kevClaims(vendor, model, firmware)).filter((claim) => claim.startsWith(cve));

  it('DSL-2750B: fixed in 1.05 (CVE-2016-20017)', async () => {
    expect(await claimsFor('D-Link', 'DSL-2750B', '1.04', 'CVE-2016-20017')).toEqual(['CVE-2016-20017 check critical']);
    expect(await claimsFor('D-Link', 'DSL-2750B', '1.05', 'CVE-2016-20017')).toEqual([]);
  });

  it('DCS-2530L: fixed in 1.06.01; the DCS-2670L has no fix named', async () => {
    expect(await claimsFor('D-Link', 'DCS-2530L', '1.05.05', 'CVE-2020-25078')).toEqual(['CVE-2020-25078,CVE-2020-25079 check critical']);
    expect(await claimsFor('D-Link', 'DCS-2530L', '1.06.01', 'CVE-2020-25078')).toEqual([]);
    expect(await claimsFor('D-Link', 'DCS-2670L', '2.02', 'CVE-2020-25078')).toEqual(['CVE-2020-25078,CVE-2020-25079 check high']);
  });

  it('DIR-859: CVE-2024-0769 was assigned when the router was already end of life, so "replace"', async () => {
    expect(await kevClaims('D-Link', 'DIR-859', '1.06B01')).toEqual(['CVE-2019-17621 check high', 'CVE-2024-0769 replace critical']);
  });

  it('RouterOS: CVE-2018-7445 is fixed in 6.41.3 and 6.42rc27', async () => {
    expect(await claimsFor('MikroTik', 'hAP ac', '6.40.5', 'CVE-2018-7445')).toEqual(['CVE-2018-7445 check critical']);
    expect(await claimsFor('MikroTik', 'hAP ac', '6.42rc20', 'CVE-2018-7445')).toEqual(['CVE-2018-7445 check critical']);
    for (const fixed of ['6.41.3', '6.42rc27', '6.42', '6.49.10', '7.21.5']) {
      expect(await claimsFor('MikroTik', 'hAP ac', fixed, 'CVE-2018-7445'), fixed).toEqual([]);
    }
  });

  it('the DIR-600L, DIR-600M and R7000P are other models than the DIR-600 and R7000 the records name', async () => {
    expect(await claimsFor('D-Link', 'DIR-600', null, 'CVE-2014-100005')).toEqual(['CVE-2014-100005 replace critical']);
    expect(await claimsFor('D-Link', 'DIR-600 B5', null, 'CVE-2014-100005')).toEqual(['CVE-2014-100005 replace critical']);
    for (const model of ['DIR-600L', 'DIR-600M']) expect(await claimsFor('D-Link', model, null, 'CVE-2014-100005'), model).toEqual([]);
    expect(await claimsFor('Netgear', 'R7000', '1.0.7.2', 'CVE-2016-6277')).toEqual(['CVE-2016-6277 check critical']);
    expect(await claimsFor('Netgear', 'R7000P', '1.0.7.2', 'CVE-2016-6277')).toEqual([]);
  });
});
