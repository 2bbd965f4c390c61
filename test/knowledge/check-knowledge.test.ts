import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asOf, isValidDate, loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { DataFileError, parseDataText } from '../../src/knowledge/load-data.js';
import { isVerified, provenanceNote, verificationSummary } from '../../src/knowledge/provenance.js';
import { vendorMatches } from '../../src/knowledge/name-match.js';
import type { CheckKnowledge } from '../../src/knowledge/types.js';

const knowledge = loadCheckKnowledge();
const allEntries = [...knowledge.credentials, ...knowledge.firmware, ...knowledge.vendors];

describe('the shipped knowledge', () => {
  it('loads and validates against its schemas', () => {
    expect(knowledge.credentials.length).toBeGreaterThanOrEqual(200);
    expect(knowledge.firmware.length).toBeGreaterThanOrEqual(25);
    expect(knowledge.vendors.length).toBeGreaterThanOrEqual(30);
  });

  it('names a source and exactly one real date for every entry: checked (confirmed) or reported (not confirmed)', () => {
    for (const entry of allEntries) {
      expect(entry.source.trim().length, entry.id).toBeGreaterThan(3);
      const dates = [entry.checked, entry.reported].filter((date) => date !== undefined);
      expect(dates, entry.id).toHaveLength(1);
      expect(isValidDate(dates[0]!), `${entry.id} ${dates[0]}`).toBe(true);
    }
  });

  it('marks as confirmed only what was checked against a source, and lists confirmed KEV ids only', () => {
    const summary = verificationSummary(knowledge);
    // The figures docs/knowledge.md quotes.
    expect(summary.credentials).toEqual({ verified: 214, unverified: 0 });
    expect(summary.firmware).toEqual({ verified: 133, unverified: 11 });
    expect(summary.vendors).toEqual({ verified: 19, unverified: 25 });
    expect(summary.kevConfirmed).toHaveLength(78);
    expect(summary.kevConfirmed).toEqual(expect.arrayContaining(['CVE-2016-6277', 'CVE-2018-14847', 'CVE-2020-2509', 'CVE-2021-33044', 'CVE-2021-40407', 'CVE-2019-11001', 'CVE-2023-1389']));
    // Confirmed entries cite the list or record they were checked against.
    for (const entry of allEntries.filter(isVerified)) expect(entry.url, entry.id).toMatch(/^https:\/\//);
  });

  // One line per file, so each file's figures in docs/knowledge.md (checked / total) are asserted on their own.
  it.each([
    ['firmware/devices.yaml', 32, 40],
    ['firmware/components.yaml', 22, 22],
    ['firmware/end-of-support.yaml', 11, 12],
  ])('%s: %i of %i entries confirmed', (file, checked, total) => {
    const path = join(import.meta.dirname, '../../knowledge', file);
    const entries = (parseDataText(path, readFileSync(path, 'utf8')) as { firmware: Array<{ checked?: string }> }).firmware;
    expect([entries.filter((entry) => entry.checked !== undefined).length, entries.length]).toEqual([checked, total]);
  });

  it('vendors/ecosystems.yaml and fingerprints/dutch-home.yaml: the checked / total figures docs/knowledge.md quotes', () => {
    const count = (file: string, key: 'vendors' | 'rules') => {
      const path = join(import.meta.dirname, '../../knowledge', file);
      const entries = (parseDataText(path, readFileSync(path, 'utf8')) as Record<string, Array<{ checked?: unknown }>>)[key]!;
      return [entries.filter((entry) => entry.checked !== undefined).length, entries.length];
    };
    expect(count('vendors/ecosystems.yaml', 'vendors')).toEqual([19, 44]);
    expect(count('fingerprints/dutch-home.yaml', 'rules')).toEqual([15, 15]);
  });

  it('keeps the fixes found while checking: the Mirai password is jauntech, Brother label passwords have no user name', () => {
    const byId = new Map(knowledge.credentials.map((entry) => [entry.id, entry]));
    expect(byId.get('xiongmai-root-jauntech')?.password).toBe('jauntech');
    expect(byId.has('xiongmai-root-juantech')).toBe(false);
    expect(byId.get('brother-empty-00000000')?.username).toBe('');
    expect(byId.get('brother-empty-12345678')?.username).toBe('');
  });

  it('keeps the fixes found while checking vendors and end-of-support dates', () => {
    const firmware = new Map(knowledge.firmware.map((entry) => [entry.id, entry]));
    const vendors = new Map(knowledge.vendors.map((entry) => [entry.id, entry]));
    // CVE-2017-9833 is disputed as a camera integrator's flaw, not Boa's.
    expect(firmware.get('boa')?.vulnerable?.flatMap((range) => range.cves)).toEqual(['CVE-2009-4496']);
    // Synology's policy gives September 2024 for the end of DSM 6.2's Extended Life Phase.
    expect(firmware.get('synology-dsm-6')?.endOfSupport).toBe('2024-09-30');
    expect(vendors.get('synology')?.mfaHowTo?.en).toMatch(/Personal > Security/);
    expect(vendors.get('tplink-kasa-tapo')?.mfaHowTo?.en).toMatch(/Login Security/);
    for (const id of ['avm-fritz', 'google-home-nest', 'samsung-smartthings', 'home-assistant', 'hp-smart']) {
      expect(vendors.get(id)?.checked, id).toBe('2026-11-22');
    }
  });

  it('never takes data from nmap or changeme', () => {
    for (const entry of allEntries) {
      expect(`${entry.source} ${entry.url ?? ''}`.toLowerCase(), entry.id).not.toMatch(/nmap|changeme/);
    }
  });

  it('has unique ids within each kind', () => {
    for (const entries of [knowledge.credentials, knowledge.firmware, knowledge.vendors]) {
      const ids = entries.map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('covers the router, camera, printer and NAS vendors identification knows', () => {
    const vendors = new Set(knowledge.credentials.map((entry) => entry.vendor));
    // Compal, Ziggo, Reolink, Uniview and Epson are left out: no public source gives them a fixed factory pair
    // (their pairs were removed on 2026-12-01, see docs/knowledge.md).
    for (const vendor of ['KPN', 'Arcadyan', 'Sagemcom', 'ZTE', 'Technicolor', 'Arris', 'Huawei', 'Zyxel', 'AVM',
      'TP-Link', 'Netgear', 'ASUS', 'Linksys', 'D-Link', 'Ubiquiti', 'MikroTik', 'Hikvision', 'Dahua', 'Foscam',
      'Axis', 'Xiongmai', 'Amcrest', 'VIVOTEK', 'Hanwha', 'HP', 'Brother', 'Canon', 'Synology', 'QNAP']) {
      expect(vendors.has(vendor), vendor).toBe(true);
    }
  });

  it('has a short generic list for every login protocol but anonymous FTP', () => {
    for (const protocol of ['http', 'telnet', 'ssh', 'ftp', 'mqtt', 'snmp', 'rtsp'] as const) {
      const generic = knowledge.credentials.filter((entry) => entry.vendor === '*' && entry.protocols.includes(protocol));
      expect(generic.length, protocol).toBeGreaterThan(0);
      expect(generic.length, protocol).toBeLessThanOrEqual(6);
    }
    expect(knowledge.credentials.some((entry) => entry.username === 'anonymous')).toBe(false);
  });

  it('covers the ecosystems the checks ask about', () => {
    for (const vendor of ['Google', 'Amazon', 'Apple', 'Signify', 'Ring', 'Hikvision', 'EZVIZ', 'Reolink', 'TP-Link', 'Tuya',
      'Xiaomi', 'Roborock', 'Sonos', 'Samsung', 'LG', 'Synology', 'QNAP', 'AVM', 'Netatmo', 'tado°', 'Eufy', 'Arlo', 'Shelly',
      'IKEA', 'HP', 'Brother', 'Epson', 'Canon', 'Nanit', 'Homey', 'Home Assistant', 'Toon', 'KPN', 'Ziggo']) {
      expect(knowledge.vendors.some((facts) => facts.vendors.some((name) => vendorMatches(vendor, name))), vendor).toBe(true);
    }
  });

  it('marks the known exploited Hikvision vulnerabilities as KEV', () => {
    const kev = knowledge.firmware.flatMap((entry) => entry.vulnerable ?? []).flatMap((range) => range.kev ?? []);
    expect(kev).toEqual(expect.arrayContaining(['CVE-2017-7921', 'CVE-2021-36260', 'CVE-2017-17562']));
  });

  it('says how old it is: the oldest checked date of the confirmed entries, ignoring reported ones', () => {
    const oldest = allEntries.flatMap((entry) => (entry.checked ? [entry.checked] : [])).sort()[0];
    expect(asOf(knowledge)).toBe(oldest);
    const unconfirmed = { ...knowledge.credentials[0]!, checked: undefined, reported: '2001-01-01' };
    expect(asOf({ credentials: [unconfirmed], firmware: [], vendors: [] })).toBe('unknown');
    expect(provenanceNote(unconfirmed)).toBe('not verified, reported 2001-01-01');
    const mixed: CheckKnowledge = {
      credentials: [{ ...knowledge.credentials[0]!, checked: '2025-03-01' }],
      firmware: [{ ...knowledge.firmware[0]!, checked: '2024-12-31' }],
      vendors: [],
    };
    expect(asOf(mixed)).toBe('2024-12-31');
    expect(asOf({ credentials: [], firmware: [], vendors: [] })).toBe('unknown');
  });
});

describe('a broken knowledge folder', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function folder(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'homeaudit-knowledge-'));
    for (const kind of ['credentials', 'firmware', 'vendors']) mkdirSync(join(dir, kind));
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    return dir;
  }

  const good = 'credentials:\n  - { id: a-admin, vendor: A, protocols: [http], username: admin, password: admin, source: A manual, checked: "2026-01-02" }\n';

  it('loads a minimal good folder', () => {
    const loaded = loadCheckKnowledge(folder({ 'credentials/a.yaml': good }));
    expect(loaded.credentials.map((entry) => entry.id)).toEqual(['a-admin']);
  });

  it('fails on an entry without source, naming the file and the id', () => {
    const text = 'credentials:\n  - { id: b-root, vendor: B, protocols: [telnet], username: root, password: "", checked: "2026-01-02" }\n';
    expect(() => loadCheckKnowledge(folder({ 'credentials/b.yaml': text }))).toThrowError(/b\.yaml.*id "b-root".*source/);
  });

  it('fails on an unknown protocol with the allowed values', () => {
    const text = good.replace('[http]', '[smb]');
    expect(() => loadCheckKnowledge(folder({ 'credentials/c.yaml': text }))).toThrowError(/c\.yaml.*a-admin.*"http"/);
  });

  it('fails on a duplicate id across files, naming both', () => {
    const run = () => loadCheckKnowledge(folder({ 'credentials/a.yaml': good, 'credentials/b.yaml': good }));
    expect(run).toThrowError(DataFileError);
    expect(run).toThrowError(/b\.yaml: duplicate id "a-admin" \(also in .*a\.yaml\)/);
  });

  it('fails on a checked date that does not exist', () => {
    const text = good.replace('2026-01-02', '2026-02-30');
    expect(() => loadCheckKnowledge(folder({ 'credentials/a.yaml': text }))).toThrowError(/a-admin: checked "2026-02-30"/);
  });

  it('loads a reported (unconfirmed) entry and refuses one with both dates or neither', () => {
    const reported = good.replace('checked:', 'reported:');
    expect(loadCheckKnowledge(folder({ 'credentials/a.yaml': reported })).credentials[0]).toMatchObject({ reported: '2026-01-02' });
    const both = good.replace('checked: "2026-01-02"', 'checked: "2026-01-02", reported: "2026-01-01"');
    expect(() => loadCheckKnowledge(folder({ 'credentials/b.yaml': both }))).toThrowError(/b\.yaml.*a-admin/);
    const neither = good.replace(', checked: "2026-01-02"', '');
    expect(() => loadCheckKnowledge(folder({ 'credentials/c.yaml': neither }))).toThrowError(/c\.yaml.*a-admin/);
  });

  it('fails on a reported date that does not exist', () => {
    const text = good.replace('checked: "2026-01-02"', 'reported: "2026-13-01"');
    expect(() => loadCheckKnowledge(folder({ 'credentials/a.yaml': text }))).toThrowError(/a-admin: reported "2026-13-01"|a-admin.*pattern/);
  });

  it('fails on a firmware entry that is both a family and a component', () => {
    const text = 'firmware:\n  - { id: x, vendor: X, component: busybox, latest: "1.0", source: X notes, checked: "2026-01-02" }\n';
    expect(() => loadCheckKnowledge(folder({ 'firmware/x.yaml': text }))).toThrowError(/x\.yaml: x: needs either vendor or component/);
  });

  it('fails on a KEV id that is not among the CVEs of its range', () => {
    const text = 'firmware:\n  - id: y\n    component: boa\n    vulnerable: [{ below: "1.0", cves: [CVE-2020-0001], kev: [CVE-2020-0002], severity: high }]\n    source: Y notes\n    checked: "2026-01-02"\n';
    expect(() => loadCheckKnowledge(folder({ 'firmware/y.yaml': text }))).toThrowError(/y: KEV ids not among.*CVE-2020-0002/);
  });

  it('fails on a version without digits', () => {
    const text = 'firmware:\n  - { id: z, component: boa, latest: "newest", source: Z notes, checked: "2026-01-02" }\n';
    expect(() => loadCheckKnowledge(folder({ 'firmware/z.yaml': text }))).toThrowError(/z\.yaml.*latest/);
  });

  it('fails on optional MFA without the place to turn it on', () => {
    const text = 'vendors:\n  - { id: v, vendors: [V], app: V app, mfa: optional, dataOutsideEu: false, cloudRequired: false, supportPeriodPublished: false, source: V help, checked: "2026-01-02" }\n';
    expect(() => loadCheckKnowledge(folder({ 'vendors/v.yaml': text }))).toThrowError(/v\.yaml: v: optional MFA needs mfaHowTo/);
  });
});
