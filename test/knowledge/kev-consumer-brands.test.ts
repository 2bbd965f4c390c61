// Issue 12, KEV coverage: the entries of knowledge/firmware/kev-consumer-brands.yaml read from KEV catalogue
// 2026.08.21 and the CVE records. Each test runs the outdated-firmware check on a device the record names (and on
// a fixed or unnamed one), so a wrong range, model glob or "no fix" mark fails here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { isVerified } from '../../src/knowledge/provenance.js';
import { makeContext, makeDevice } from '../checks/knowledge-helpers.js';

const knowledge = loadCheckKnowledge();
const shipped = makeContext(knowledge);
const kevFile = knowledge.firmware.filter((entry) => entry.id.startsWith('kev-'));

async function findingsFor(vendor: string, model: string, firmware: string | null) {
  return outdatedFirmwareCheck.run(makeDevice({ vendor, model, firmware }), shipped);
}

/** The KEV ids of the findings, one string per finding, sorted. */
async function kevFor(vendor: string, model: string, firmware: string | null): Promise<string[]> {
  return (await findingsFor(vendor, model, firmware)).map((finding) => String(finding.details.kev ?? '')).filter(Boolean).sort();
}

describe('the KEV entries for consumer brands', () => {
  // 68 since the second re-check split two entries by model (ASUS GT-AC2900 / Lyra Mini, D-Link DCS-2530L / DCS-2670L).
  it('counts 68 confirmed entries and 2 reported ones, each confirmed one citing its record', () => {
    expect(kevFile.filter(isVerified)).toHaveLength(68);
    expect(kevFile.filter((entry) => !isVerified(entry)).map((entry) => entry.id)).toEqual(['kev-dlink-ncc-pingccp-eol', 'kev-kpn-experia-box-arcadyan']);
    for (const entry of kevFile.filter(isVerified)) expect(entry.url, entry.id).toMatch(/CVERecord\?id=CVE-|field_cve=CVE-/);
  });

  it('judges D-Link CVE-2018-6530 by the fixed release of each model', async () => {
    expect(await kevFor('D-Link', 'DIR-860L', '1.10B04')).toEqual(['CVE-2018-6530']);
    expect(await kevFor('D-Link', 'DIR-860L', '1.11B01')).toEqual([]);
    expect(await kevFor('D-Link', 'DIR-880L', '1.08B04')).toEqual(['CVE-2018-6530']);
    expect(await kevFor('D-Link', 'DIR-880L', '1.08B06')).toEqual([]);
    // The DIR-860L B1 line (2.x) is not in the record's range.
    expect(await kevFor('D-Link', 'DIR-860L', '2.03')).toEqual([]);
  });

  it('tells DIR-820L and DIR-615 owners to replace the router: the records say no fix will come', async () => {
    const dir820l = await findingsFor('D-Link', 'DIR-820L', '1.05B03');
    const unfixed = dir820l.filter((finding) => finding.details.advice === 'replace');
    expect(unfixed.map((finding) => [finding.severity, finding.details.kev, finding.confidence]).sort()).toEqual([
      ['critical', 'CVE-2015-1187', 'possible'], // models from a press report: not verified
      ['critical', 'CVE-2021-45382', 'likely'],
      // Both KEV entries of the DIR-820 say end of life, disconnect (re-check of 2026-12-01, sample-recheck.test.ts).
      ['critical', 'CVE-2022-26258,CVE-2023-25280', 'likely'],
    ]);
    const dir615 = await findingsFor('D-Link', 'DIR-615', null);
    expect(dir615.map((finding) => [finding.severity, finding.details.kev, finding.details.advice])).toEqual([['critical', 'CVE-2019-16920', 'replace']]);
  });

  it('asks TP-Link Archer C7 and TL-WR841N owners to check for the fix, never claiming it as certain', async () => {
    const findings = await findingsFor('TP-Link', 'TL-WR841N', '3.16.9 Build 200409');
    expect(findings.map((finding) => String(finding.details.kev)).sort()).toEqual(['CVE-2015-3035', 'CVE-2023-33538', 'CVE-2023-50224', 'CVE-2025-9377']);
    expect(new Set(findings.map((finding) => `${finding.severity} ${finding.confidence}`))).toEqual(new Set(['high possible']));
    expect(await kevFor('TP-Link', 'Archer AX55', '1.0')).toEqual([]);
  });

  it('names exactly the Netgear models of CVE-2017-5521, and WNR2000 firmware before its fix for CVE-2017-6862', async () => {
    expect(await kevFor('Netgear', 'R7000', '1.0.11.100')).toContain('CVE-2017-5521');
    expect(await kevFor('Netgear', 'R7000P', '1.3.0.8')).not.toContain('CVE-2017-5521');
    expect(await kevFor('Netgear', 'WNR2000v4', '1.0.0.58')).toEqual(['CVE-2017-6862']);
    expect(await kevFor('Netgear', 'WNR2000v4', '1.0.0.66')).toEqual([]);
    expect(await kevFor('Netgear', 'WNR2000v5', '1.0.0.34')).toEqual(['CVE-2016-10174', 'CVE-2017-6862']);
  });

  it('orders Zyxel NAS builds within one model: V5.21(AAZF.7)C0 has CVE-2023-27992 but not CVE-2020-9054', async () => {
    expect(await kevFor('Zyxel', 'NAS326', 'V5.21(AAZF.5)C0')).toEqual(['CVE-2020-9054', 'CVE-2023-27992']);
    expect(await kevFor('Zyxel', 'NAS326', 'V5.21(AAZF.7)C0')).toEqual(['CVE-2023-27992']);
    expect(await kevFor('Zyxel', 'NAS326', 'V5.21(AAZF.14)C0')).toEqual([]);
    const nsa = await findingsFor('Zyxel', 'NSA325 v2', 'V4.81(AALS.1)C0');
    expect(nsa.map((finding) => [finding.details.kev, finding.details.advice])).toEqual([['CVE-2020-9054', 'replace']]);
  });

  it('holds the fixed QTS builds of the File Station entries', async () => {
    expect(await kevFor('QNAP', 'TS-251', '4.3.6.1218')).toEqual(['CVE-2018-19943', 'CVE-2020-2509']);
    expect(await kevFor('QNAP', 'TS-251', '4.3.6.1263')).toEqual(['CVE-2020-2509']);
    expect(await kevFor('QNAP', 'TS-251', '4.4.2.1231')).toEqual(['CVE-2018-19943']);
    const fileStation = async (firmware: string) => (await kevFor('QNAP', 'TS-251', firmware)).filter((kev) => kev.startsWith('CVE-2018-199'));
    expect(await fileStation('4.2.6 build 20200110')).toEqual(['CVE-2018-19943']);
    expect(await fileStation('4.2.4')).toEqual(['CVE-2018-19943', 'CVE-2018-19949,CVE-2018-19953']);
    // A line without its build ("4.4.2", as QNAP's status page gives it) may be a fixed build: no File Station claim.
    expect(await fileStation('4.4.2')).toEqual([]);
    expect(await fileStation('4.2.6')).toEqual([]);
    expect(await kevFor('QNAP', 'VS-2108L', '4.1.2')).toContain('CVE-2023-47565');
    expect(await kevFor('QNAP', 'VS-2108L', '5.0.0')).not.toContain('CVE-2023-47565');
  });

  it('names the Buffalo routers of CVE-2021-20090 up to and including the versions in the record', async () => {
    expect(await kevFor('Buffalo', 'WSR-2533DHPL2', '1.02')).toEqual(['CVE-2021-20090']);
    expect(await kevFor('Buffalo', 'WSR-2533DHPL2', '1.03')).toEqual([]);
    expect(await kevFor('Buffalo', 'WSR-2533DHP3', '1.24')).toEqual(['CVE-2021-20090']);
  });

  it('marks the KPN Experia Box V10A claim as resting on a press copy of the list', async () => {
    const [finding] = await findingsFor('KPN', 'Experia Box V10A', null);
    expect(finding?.details.kev).toBe('CVE-2021-20090');
    expect(finding?.details.verified).toBe(false);
    expect(finding?.confidence).toBe('possible');
  });

  it('names UniFi OS consoles below 5.1.12 and UNAS storage below 5.1.10 for the three holes of bulletin 064', async () => {
    expect(await kevFor('Ubiquiti', 'UDM-Pro', '5.0.6')).toEqual(['CVE-2026-34908,CVE-2026-34909,CVE-2026-34910']);
    expect(await kevFor('Ubiquiti', 'UDM-Pro', '5.1.12')).toEqual([]);
    expect(await kevFor('Ubiquiti', 'UNAS-Pro', '5.1.10')).toEqual([]);
    expect(await kevFor('Ubiquiti', 'UNAS-Pro', '5.1.9')).toHaveLength(1);
  });

  it('names TerraMaster NAS software through 4.2.29 for CVE-2022-24990', async () => {
    expect(await kevFor('TerraMaster', 'F2-221', 'TOS 4.2.29')).toEqual(['CVE-2022-24990']);
    expect(await kevFor('TerraMaster', 'F2-221', '4.2.30')).toEqual([]);
  });

  it('names Dahua recorders for CVE-2021-33045 but not the thermal cameras only CVE-2021-33044 names', async () => {
    expect(await kevFor('Dahua', 'NVR2104HS-4KS2', null)).toEqual(['CVE-2021-33045']);
    expect(await kevFor('Dahua', 'TPC-BF5421', null)).toEqual(['CVE-2021-33044']);
  });

  it("sends the owner of KPN's Experia Box V10A to KPN: KPN ships that box's firmware", async () => {
    const findings = await findingsFor('KPN', 'Experia Box V10A', '5.00.48');
    expect(findings.map((finding) => [finding.details.kev, finding.details.provider, finding.confidence])).toEqual([['CVE-2021-20090', 'KPN', 'possible']]);
    expect(findings[0]!.evidence.join(' | ')).toMatch(/updated by the internet provider KPN, not by the household/);
  });

  it('match no device of the home fleet (its golden report lists their vendors, models and firmware)', async () => {
    const golden = JSON.parse(readFileSync(new URL('../fixtures/report/home.en.json', import.meta.url), 'utf8')) as {
      devices: { vendor: string | null; model: string | null; firmware: string | null }[];
    };
    expect(golden.devices.length).toBeGreaterThan(10);
    for (const { vendor, model, firmware } of golden.devices) {
      if (!vendor) continue;
      const findings = await findingsFor(vendor, model ?? '', firmware);
      const fromKevFile = findings.filter((finding) => String(finding.details.entry ?? '').startsWith('kev-'));
      expect(fromKevFile.map((finding) => finding.details.entry), `${vendor} ${model}`).toEqual([]);
    }
  });
});
