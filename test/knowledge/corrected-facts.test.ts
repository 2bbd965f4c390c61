// Issue 12: each fact the review reported, as it stands after checking its primary record (the CVE record,
// the KEV catalogue, endoflife.date, the vendor's help page), and the rule that a confirmed entry cites a record.

import { describe, expect, it } from 'vitest';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { isLandingPage } from '../../src/knowledge/landing-page.js';
import { isVerified } from '../../src/knowledge/provenance.js';
import { globMatches } from '../../src/knowledge/name-match.js';
import { inVersionRange, parseVersion } from '../../src/util/parse-version.js';
import type { FirmwareEntry } from '../../src/knowledge/types.js';

const knowledge = loadCheckKnowledge();
const firmware = new Map(knowledge.firmware.map((entry) => [entry.id, entry]));
const vendors = new Map(knowledge.vendors.map((entry) => [entry.id, entry]));

/** The CVEs an entry claims for a version. */
function cvesFor(id: string, version: string): string[] {
  const entry: FirmwareEntry | undefined = firmware.get(id);
  const parsed = parseVersion(version)!;
  return (entry?.vulnerable ?? []).filter((range) => inVersionRange(parsed, range)).flatMap((range) => range.cves);
}

/** One field of the entries that `applies` picks and whose firmware line (`versions`) holds the version. */
function perLine(applies: (entry: FirmwareEntry) => boolean, field: 'endOfSupport' | 'latest', version: string): Array<string | undefined> {
  return knowledge.firmware
    .filter((entry) => applies(entry) && entry[field] && inVersionRange(parseVersion(version)!, entry.versions ?? {}))
    .map((entry) => entry[field]);
}

describe('facts corrected against their primary record', () => {
  it('OpenSSH CVE-2018-15473 covers 7.7 ("through 7.7") and not 7.8', () => {
    expect(cvesFor('openssh', '7.7p1')).toContain('CVE-2018-15473');
    expect(cvesFor('openssh', '7.8p1')).not.toContain('CVE-2018-15473');
  });

  it('miniupnpd carries no CallStranger (CVE-2020-12695) claim', () => {
    expect(firmware.get('miniupnpd')?.vulnerable?.flatMap((range) => range.cves)).not.toContain('CVE-2020-12695');
    expect(cvesFor('miniupnpd', '2.1')).toEqual([]);
  });

  it('mosquitto CVE-2021-34432 is fixed in 2.0.8 ("2.07 and earlier")', () => {
    expect(cvesFor('mosquitto', '2.0.7')).toContain('CVE-2021-34432');
    expect(cvesFor('mosquitto', '2.0.8')).not.toContain('CVE-2021-34432');
  });

  it('Dropbear CVE-2018-15599 covers 2018.76 ("through 2018.76") and is fixed in 2019.77', () => {
    expect(cvesFor('dropbear', '2018.76')).toContain('CVE-2018-15599');
    expect(cvesFor('dropbear', '2019.77')).not.toContain('CVE-2018-15599');
  });

  it('Dropbear through 2022.83 is in the Terrapin (CVE-2023-48795) record', () => {
    expect(cvesFor('dropbear', '2022.83')).toContain('CVE-2023-48795');
    expect(cvesFor('dropbear', '2024.84')).not.toContain('CVE-2023-48795');
  });

  it('Apache httpd 2.2 reached its end of life on 2017-07-11', () => {
    expect(firmware.get('apache-httpd-2-2')?.endOfSupport).toBe('2017-07-11');
    expect(firmware.get('apache-httpd-2-2')?.checked).toBeDefined();
  });

  it('the Synology DSM end-of-life entries cite the endoflife.date page that exists (/synology-dsm)', () => {
    for (const id of ['synology-dsm-6', 'synology-dsm-7-0', 'synology-dsm-7-1']) {
      expect(firmware.get(id)?.url, id).toBe('https://endoflife.date/synology-dsm');
    }
    expect(firmware.get('synology-dsm-7-0')?.endOfSupport).toBe('2023-06-30');
    expect(firmware.get('synology-dsm-7-1')?.endOfSupport).toBe('2025-06-30');
    expect(firmware.has('synology-dsm-7')).toBe(false);
  });

  it('DSM 7.2 turns two-factor authentication on under Personal > Security', () => {
    expect(vendors.get('synology')?.mfaHowTo?.en).toMatch(/Personal > Security/);
    expect(vendors.get('synology')?.mfaHowTo?.nl).toMatch(/Persoonlijk > Beveiliging/);
  });

  it('QNAP CVE-2020-2509 is a KEV entry, fixed per QTS line (4.5.1.1495 is not vulnerable)', () => {
    const qnap = firmware.get('qnap-qts')!;
    expect(qnap.vulnerable?.every((range) => range.kev?.includes('CVE-2020-2509'))).toBe(true);
    expect(cvesFor('qnap-qts', '4.5.1.1495 build 20201123')).toEqual([]);
    expect(cvesFor('qnap-qts', '4.5.1.1480')).toEqual(['CVE-2020-2509']);
    expect(cvesFor('qnap-qts', '4.5.2.1566 build 20210202')).toEqual([]);
  });

  it('QNAP CVE-2020-2509 makes no claim on a QTS line read without its build (the status page says "4.3.6")', () => {
    for (const line of ['4.5.2', '4.5.1', '4.3.6', '4.3.4', '4.3.3', '4.2.6']) expect(cvesFor('qnap-qts', line), line).toEqual([]);
    expect(cvesFor('qnap-qts', '4.3.6.1411')).toEqual(['CVE-2020-2509']);
    expect(cvesFor('qnap-qts', '4.2.6 build 20200821')).toEqual(['CVE-2020-2509']);
    expect(cvesFor('qnap-qts', '4.2.4')).toEqual(['CVE-2020-2509']);
  });

  it('Netgear R7000 CVE-2016-6277 is fixed from 1.0.7.6, per its CVE record', () => {
    expect(cvesFor('netgear-r7000', '1.0.7.2')).toEqual(['CVE-2016-6277']);
    expect(cvesFor('netgear-r7000', '1.0.7.6')).toEqual([]);
  });

  it('MiniDLNA CVE-2023-33476 starts at 1.1.15, CVE-2022-26505 is fixed in 1.3.1', () => {
    expect(cvesFor('minidlna', '1.1.14')).not.toContain('CVE-2023-33476');
    expect(cvesFor('minidlna', '1.3.1')).toEqual(['CVE-2023-33476']);
  });

  it.each([
    // [entry, latest, the release record read on 2026-12-01]
    ['apache-httpd-2-4', '2.4.68', 'endoflife.date apache-http-server.md: 2.4.68 of 2026-06-08'],
    ['openssh', '10.5p1', 'openssh-portable tag V_10_5_P1 of 2026-08-11'],
    ['dropbear', '2026.94', 'dropbear CHANGES: 2026.94 of 23 July 2026'],
    ['miniupnpd', '2.3.11', 'miniupnpd Changelog.txt: 2.3.11 released on 2026/08/12'],
    ['mosquitto', '2.1.2', 'mosquitto ChangeLog.txt: 2.1.2 of 2026-02-09'],
    ['lighttpd', '1.4.85', 'lighttpd NEWS: 1.4.85 of 2026-07-08'],
    ['nginx', '1.30.4', 'endoflife.date nginx.md: stable 1.30.4 of 2026-07-15'],
  ])('%s latest is %s (%s)', (id, latest) => {
    expect(firmware.get(id)?.latest).toBe(latest);
  });

  it('BusyBox CVE-2019-5747 covers 1.30.0 ("through 1.30.0"), CVE-2018-20679 does not ("before 1.30.0")', () => {
    expect(cvesFor('busybox', '1.30.0')).toEqual(expect.arrayContaining(['CVE-2019-5747']));
    expect(cvesFor('busybox', '1.30.0')).not.toContain('CVE-2018-20679');
    expect(cvesFor('busybox', '1.30.1')).not.toContain('CVE-2019-5747');
    expect(cvesFor('busybox', '1.33.1')).toEqual(['CVE-2021-42374', 'CVE-2021-42386']);
    expect(cvesFor('busybox', '1.34.0')).toEqual([]);
  });

  it('nginx HTTP/2 CVE-2019-9511 spans 1.9.5 to 1.17.2 except the fixed 1.16.1 stable', () => {
    expect(cvesFor('nginx', '1.9.4')).not.toContain('CVE-2019-9511');
    expect(cvesFor('nginx', '1.14.2')).toContain('CVE-2019-9511');
    expect(cvesFor('nginx', '1.16.1')).not.toContain('CVE-2019-9511');
    expect(cvesFor('nginx', '1.17.2')).toContain('CVE-2019-9511');
    expect(cvesFor('nginx', '1.17.3')).not.toContain('CVE-2019-9511');
  });

  it('nginx CVE-2021-23017 is claimed on 0.6.18 to 1.20.0, as nginx\'s advisory list says, and the entry is confirmed', () => {
    expect(cvesFor('nginx', '0.6.17')).not.toContain('CVE-2021-23017');
    expect(cvesFor('nginx', '1.20.0')).toContain('CVE-2021-23017');
    expect(cvesFor('nginx', '1.20.1')).not.toContain('CVE-2021-23017');
    expect(cvesFor('nginx', '1.21.0')).not.toContain('CVE-2021-23017');
    expect(firmware.get('nginx')?.url).toMatch(/nginx\/nginx\.org\/blob\/[0-9a-f]{40}\/xml\/en\/security_advisories\.xml$/);
    expect(firmware.get('nginx')?.checked).toBe('2026-12-01');
  });

  it('OpenSSL lines past their end of life per endoflife.date: 3.1 to 3.4 and 3.6; 3.5 LTS has none', () => {
    const ends = (version: string) => perLine((entry) => entry.component === 'OpenSSL', 'endOfSupport', version);
    expect(ends('3.1.8')).toEqual(['2025-03-14']);
    expect(ends('3.4.6')).toEqual(['2026-10-22']);
    expect(ends('3.6.3')).toEqual(['2026-11-01']);
    expect(ends('3.5.7')).toEqual([]);
    expect(ends('4.0.1')).toEqual([]);
  });
});

describe('sources of confirmed entries', () => {
  it('tells a landing page from a record', () => {
    expect(isLandingPage('https://support.sonos.com/')).toBe(true);
    expect(isLandingPage('https://www.cisa.gov/known-exploited-vulnerabilities-catalog')).toBe(true);
    expect(isLandingPage('https://www.cisa.gov/known-exploited-vulnerabilities-catalog?field_cve=CVE-2016-6277')).toBe(false);
    expect(isLandingPage('https://endoflife.date/synology-dsm')).toBe(false);
    expect(isLandingPage('https://www.cve.org/CVERecord?id=CVE-2018-15473')).toBe(false);
    expect(isLandingPage('not a url')).toBe(true);
  });

  it('no checked entry cites only a landing page', () => {
    const entries = [...knowledge.credentials, ...knowledge.firmware, ...knowledge.vendors].filter(isVerified);
    const offenders = entries.filter((entry) => entry.url === undefined || isLandingPage(entry.url)).map((entry) => `${entry.id} ${entry.url}`);
    expect(offenders).toEqual([]);
  });
});

describe('facts found wrong while re-checking', () => {
  it('Apache CVE-2021-41773 affects 2.4.49 only, CVE-2021-42013 2.4.49 and 2.4.50', () => {
    expect(cvesFor('apache-httpd-2-4', '2.4.49')).toEqual(expect.arrayContaining(['CVE-2021-41773', 'CVE-2021-42013']));
    expect(cvesFor('apache-httpd-2-4', '2.4.50')).not.toContain('CVE-2021-41773');
    expect(cvesFor('apache-httpd-2-4', '2.4.50')).toContain('CVE-2021-42013');
  });
});

describe('more facts found wrong while re-checking', () => {
  it('miniupnpd CVE-2013-0230 (code execution) is named for 1.0 only; CVE-2013-0229 (crash) for all before 1.4', () => {
    expect(cvesFor('miniupnpd', '1.3')).toEqual(['CVE-2013-0229']);
    expect(cvesFor('miniupnpd', '1.0')).toEqual(['CVE-2013-0229', 'CVE-2013-0230']);
  });

  it('GoAhead CVE-2019-5096 is claimed on the versions its record names, not all of 5.0', () => {
    expect(cvesFor('goahead', '5.0.1')).toContain('CVE-2019-5096');
    expect(cvesFor('goahead', '5.0.0')).not.toContain('CVE-2019-5096');
    expect(cvesFor('goahead', '4.1.1')).toContain('CVE-2019-5096');
  });
});

describe('Hikvision CVE-2017-7921 per series, as its record names them', () => {
  const claimed = (model: string, version: string) =>
    knowledge.firmware
      .filter((entry) => entry.id.startsWith('hikvision-cve-2017-7921-') && entry.models?.some((glob) => globMatches(glob, model)))
      .some((entry) => cvesFor(entry.id, version).includes('CVE-2017-7921'));

  it('covers the DS-2CD2xx2FWD builds up to V5.4.4 build 161125, which the single range missed', () => {
    expect(claimed('DS-2CD2142FWD-I', 'V5.4.4 build 161125')).toBe(true);
    expect(claimed('DS-2CD2142FWD-I', 'V5.5.0 build 170725')).toBe(false);
  });

  it('stops the DS-2CD2xx2F-I series at V5.4.0 build 160530', () => {
    expect(claimed('DS-2CD2032F-I', 'V5.4.0 build 160530')).toBe(true);
    expect(claimed('DS-2CD2032F-I', 'V5.4.0 build 160531')).toBe(false);
  });

  it('is no longer claimed on a Hikvision model the record does not name', () => {
    expect(claimed('DS-2CD2042WD-I', 'V5.3.0 build 150513')).toBe(false);
  });

  it('is a KEV entry (CISA ADP container of the record: added 2026-03-05), so the seven series are confirmed', () => {
    const series = knowledge.firmware.filter((entry) => entry.id.startsWith('hikvision-cve-2017-7921-'));
    expect(series).toHaveLength(7);
    for (const entry of series) {
      expect(entry.vulnerable?.every((range) => range.kev?.includes('CVE-2017-7921')), entry.id).toBe(true);
      expect(entry.checked, entry.id).toBe('2026-12-01');
      expect(entry.url, entry.id).toMatch(/cisagov\/vulnrichment\/blob\/[0-9a-f]{40}\/2017\/7xxx\/CVE-2017-7921\.json$/);
    }
  });
});

describe('vendor facts read on the vendor\'s own pages (2026-12-01)', () => {
  it('eufy Security offers two-step verification; the eufy Clean vacuums are a separate, unconfirmed entry', () => {
    const eufy = vendors.get('eufy');
    expect(eufy).toMatchObject({ mfa: 'optional', checked: '2026-12-01' });
    expect(eufy?.kinds).not.toContain('vacuum');
    expect(vendors.get('eufy-clean')).toMatchObject({ mfa: 'unknown', kinds: ['vacuum'] });
    expect(vendors.get('eufy-clean')?.checked).toBeUndefined();
  });

  it('Nuki Web offers two-step verification, with where to turn it on', () => {
    expect(vendors.get('nuki')).toMatchObject({ mfa: 'optional', dataOutsideEu: 'unknown' });
    expect(vendors.get('nuki')?.mfaHowTo?.en).toMatch(/Manage two-step verification/);
  });

  it('HomeWizard keeps its data in the EEA and says nothing of two-step verification', () => {
    expect(vendors.get('homewizard')).toMatchObject({ mfa: 'unknown', dataOutsideEu: false });
  });
});

describe('FRITZ!Box models against AVM\'s download server (2026-12-01)', () => {
  const forModel = (model: string) =>
    knowledge.firmware.filter((entry) => entry.vendor === 'AVM' && entry.models?.some((glob) => globMatches(glob, model)));

  // The press-quoted end-of-maintenance dates of 2020 are contradicted by later FRITZ!OS releases on AVM's server.
  it.each([
    ['avm-fritzbox-7581', 'FRITZ!Box 7581', '7.18'],
    ['avm-fritzbox-6590', 'FRITZ!Box 6590 Cable', '7.57'],
    ['avm-fritzbox-7580', 'FRITZ!Box 7580', '7.30'],
  ])('%s: no end date is claimed for the %s, which got FRITZ!OS %s after it', (id, model, latest) => {
    expect(forModel(model).map((entry) => entry.id)).toEqual([id]);
    const entry = firmware.get(id);
    expect(entry?.endOfSupport).toBeUndefined();
    expect(entry?.latest).toBe(latest);
    expect(entry?.checked).toBe('2026-12-01');
  });

  it('current models are at FRITZ!OS 8.25, the 7490 at 7.62 (the entry said 7.57 for all of them)', () => {
    for (const model of ['FRITZ!Box 7590', 'FRITZ!Box 7590 AX', 'FRITZ!Box 7530 AX', 'FRITZ!Box 6660 Cable', 'FRITZ!Box 5530 Fiber']) {
      expect(forModel(model).map((entry) => entry.latest), model).toEqual(['8.25']);
    }
    expect(forModel('FRITZ!Box 7490').map((entry) => entry.latest)).toEqual(['7.62']);
  });

  it.each([
    ['FRITZ!Box 6850 5G', '8.25'], ['FRITZ!Box 5690 Pro', '8.25'], ['FRITZ!Box 7682', '8.25'], ['FRITZ!Box 7510', '8.26'],
    ['FRITZ!Box 7583 VDSL', '8.26'], ['FRITZ!Box 4040', '8.03'], ['FRITZ!Box 6490 Cable', '7.57'], ['FRITZ!Box 6890 LTE', '7.57'],
    ['FRITZ!Box 7430', '7.31'], ['FRITZ!Box 3490', '7.31'], ['FRITZ!Box 5491', '7.31'], ['FRITZ!Box 7560', '7.30'],
  ])('%s: one entry, last release %s (download server)', (model, latest) => {
    expect(forModel(model).map((entry) => [entry.latest, entry.checked])).toEqual([[latest, '2026-12-01']]);
  });

  it('no FRITZ!Box entry claims an end of support', () => {
    expect(knowledge.firmware.filter((entry) => entry.vendor === 'AVM' && entry.endOfSupport)).toEqual([]);
  });
});

describe('Philips Hue accounts', () => {
  it('offer two-factor authentication (Philips Hue "accounts" page), with where to find the account', () => {
    expect(vendors.get('philips-hue')).toMatchObject({ mfa: 'optional', checked: '2026-12-01' });
    expect(vendors.get('philips-hue')?.mfaHowTo?.en).toMatch(/Settings > Account/);
  });
});

describe('end of support and latest releases added or corrected on 2026-12-01', () => {
  const entriesFor = (vendor: string, model: string) =>
    knowledge.firmware.filter((entry) => entry.vendor === vendor && entry.models?.some((glob) => globMatches(glob, model)));

  it('Sonos legacy: the January 2020 announcement names the CR200, not the CR100 controller', () => {
    expect(entriesFor('Sonos', 'CR200')).toHaveLength(1);
    expect(entriesFor('Sonos', 'CR100')).toEqual([]);
  });

  it('Arlo: the first Wire-Free camera ended on 2023-04-01; Q, Q+, Pro 2 and Baby on 2024-01-01, reported from press quotes', () => {
    expect(entriesFor('Arlo', 'VMC3030').map((entry) => entry.endOfSupport)).toEqual(['2023-04-01']);
    for (const model of ['VMC3040', 'VMC3040S', 'VMC4030P', 'VMC4030', 'ABC1000']) {
      expect(entriesFor('Arlo', model).map((entry) => entry.endOfSupport), model).toEqual(['2024-01-01']);
    }
    expect(entriesFor('Arlo', 'VMC4040P')).toEqual([]);
    for (const id of ['arlo-eol-2023', 'arlo-eol-2024']) expect(firmware.get(id)?.checked, id).toBeUndefined();
  });

  it('MikroTik RouterOS: long-term 6.49.20 and 7.21.5 are the latest per line (endoflife.date), SwOS 2.x is left alone', () => {
    const latestFor = (version: string) => perLine((entry) => entry.vendor === 'MikroTik', 'latest', version);
    expect(latestFor('6.48.6')).toEqual(['6.49.20']);
    expect(latestFor('7.20.8')).toEqual(['7.21.5']);
    expect(latestFor('2.13')).toEqual([]);
    // Below 6.42.1 the KEV entry speaks; the 6.x line does not add a second finding.
    expect(latestFor('6.42')).toEqual([]);
  });
});
