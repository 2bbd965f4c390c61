import { describe, expect, it } from 'vitest';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import type { CheckKnowledge, FirmwareEntry } from '../../src/knowledge/types.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { makeContext, makeDevice } from './knowledge-helpers.js';

const base = { source: 'test notes', checked: '2026-01-01' };
const firmware: FirmwareEntry[] = [
  {
    ...base,
    id: 'acme-cam',
    vendor: 'Acme',
    models: ['CAM-*'],
    latest: '5.7.0',
    vulnerable: [
      { from: '5.2.0', below: '5.4.1', cves: ['CVE-2017-0001', 'CVE-2017-0002'], kev: ['CVE-2017-0001'], severity: 'high' },
      { below: '5.5.0', cves: ['CVE-2020-0003'], severity: 'medium' },
    ],
  },
  { ...base, id: 'acme-old', vendor: 'Acme', models: ['OLD-*'], endOfSupport: '2024-04-08' },
  { ...base, id: 'acme-os6', vendor: 'Acme', models: ['NAS*'], versions: { below: '7.0' }, endOfSupport: '2024-10-01' },
  { ...base, id: 'acme-os7', vendor: 'Acme', models: ['NAS*'], versions: { from: '7.0' }, latest: '7.2.2' },
  { ...base, id: 'dropbear', component: 'dropbear', latest: '2024.86', vulnerable: [{ below: '2016.74', cves: ['CVE-2016-7406'], severity: 'high' }] },
  { ...base, id: 'boa', component: 'Boa', endOfSupport: '2005-02-23' },
];
const knowledge: CheckKnowledge = { credentials: [], firmware, vendors: [] };
const ctx = makeContext(knowledge);

async function findingsOf(overrides: Parameters<typeof makeDevice>[0]) {
  return outdatedFirmwareCheck.run(makeDevice(overrides), ctx);
}

describe('outdated-firmware', () => {
  it('reports a known exploited vulnerability as critical, naming version, entry and as-of date', async () => {
    const findings = await findingsOf({ vendor: 'Acme', model: 'CAM-2', firmware: 'V5.3.0 build 150513' });
    const kev = findings.find((finding) => finding.details.kev === 'CVE-2017-0001');
    expect(kev?.severity).toBe('critical');
    expect(kev?.evidence.join(' ')).toMatch(/V5\.3\.0 build 150513/);
    expect(kev?.evidence.join(' ')).toMatch(/acme-cam.*checked 2026-01-01.*as of 2026-01-01/);
    expect(kev?.standards).toEqual(expect.arrayContaining(['OWASP IoT Top 10 2018 I5', 'ETSI EN 303 645 5.3-2']));
    // The second range applies too, at its own severity; no "behind latest" on top of known vulnerabilities.
    expect(findings.map((finding) => finding.severity).sort()).toEqual(['critical', 'medium']);
  });

  it('says "older than latest" at medium when no range applies', async () => {
    const findings = await findingsOf({ vendor: 'Acme', model: 'CAM-2', firmware: '5.6.1' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'medium', details: { latest: '5.7.0', version: '5.6.1' } });
  });

  it('reports nothing for the latest version', async () => {
    expect(await findingsOf({ vendor: 'Acme', model: 'CAM-2', firmware: '5.7.0 build 230101' })).toEqual([]);
  });

  it('never claims an unreadable version is up to date: one info finding for a known family', async () => {
    const findings = await findingsOf({ vendor: 'Acme', model: 'CAM-2', firmware: null });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', confidence: 'possible', details: { version: 'unknown' } });
    expect(findings[0]!.title.en).toMatch(/not visible/);
    expect(findings[0]!.evidence.join(' ')).toMatch(/look it up in: the device admin page/);
  });

  it('names where to look the version up (the vendor app) only when no version was read', async () => {
    const withApp: CheckKnowledge = {
      ...knowledge,
      vendors: [{ id: 'acme', vendors: ['Acme'], app: 'Acme Home app', mfa: 'optional', dataOutsideEu: false, cloudRequired: false, supportPeriodPublished: false, source: 'test notes', checked: '2026-01-01' }],
    };
    const unknown = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'CAM-2', firmware: null }), makeContext(withApp));
    expect(unknown[0]!.details.lookUpIn).toBe('Acme Home app');
    const read = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'CAM-2', firmware: '5.6.1' }), makeContext(withApp));
    expect(read.flatMap((finding) => finding.evidence).join(' ')).not.toMatch(/look it up/);
    expect(read.some((finding) => 'lookUpIn' in finding.details)).toBe(false);
  });

  it('advises replacing a device past its end of support, relative to now', async () => {
    const findings = await findingsOf({ vendor: 'Acme', model: 'OLD-1' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'high', details: { advice: 'replace', endOfSupport: '2024-04-08' } });
    expect(findings[0]!.standards).toContain('ETSI EN 303 645 5.3-13');
    const before = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'OLD-1' }), makeContext(knowledge, { now: '2024-01-01T00:00:00Z' }));
    expect(before).toEqual([]);
  });

  it('applies an entry limited to a firmware line only to that line', async () => {
    const old = await findingsOf({ vendor: 'Acme', model: 'NAS216', firmware: '6.2.4-25556 Update 7' });
    expect(old.map((finding) => finding.details.entry)).toEqual(['acme-os6']);
    expect(old[0]!.severity).toBe('high');
    const current = await findingsOf({ vendor: 'Acme', model: 'NAS216', firmware: '7.2.1-69057 Update 5' });
    expect(current.map((finding) => [finding.details.entry, finding.severity])).toEqual([['acme-os7', 'medium']]);
    const unknown = await findingsOf({ vendor: 'Acme', model: 'NAS216' });
    expect(unknown.map((finding) => finding.severity)).toEqual(['info']);
  });

  it('judges software components from banners, and treats Boa as end of life', async () => {
    const findings = await findingsOf({
      identity: {
        components: [
          { name: 'dropbear', version: '2015.67', evidence: 'SSH ident SSH-2.0-dropbear_2015.67' },
          { name: 'Boa', version: '0.94.14rc21', evidence: 'Server: Boa/0.94.14rc21' },
          { name: 'lighttpd', version: 'unknown', evidence: 'Server: lighttpd' },
        ],
      },
    });
    expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
      ['outdated-firmware:dev-127.0.0.1:component:dropbear:vulnerable:dropbear:CVE-2016-7406', 'high'],
      ['outdated-firmware:dev-127.0.0.1:component:boa:end-of-support:boa', 'high'],
    ]);
    expect(findings[0]!.evidence).toContain('seen as: SSH ident SSH-2.0-dropbear_2015.67');
  });

  it('claims nothing from the upstream version of a distribution package, and says the distribution patches it', async () => {
    const findings = await findingsOf({
      identity: { components: [{ name: 'dropbear', version: '2014.63-1+deb8u1', evidence: 'banner' }] },
    });
    expect(findings.map((finding) => [finding.severity, finding.details.advice, finding.details.distribution])).toEqual([
      ['info', 'distribution-updates', 'Debian'],
    ]);
  });

  it('reads the distribution revision from the banner when the version holds only the upstream number', async () => {
    const findings = await outdatedFirmwareCheck.run(
      makeDevice({
        services: [{ transport: 'tcp', port: 22, name: 'ssh', banner: 'SSH-2.0-dropbear_2014.63 Raspbian-1+rpi2' }],
        identity: { components: [{ name: 'dropbear', version: '2014.63', evidence: 'ssh banner SSH-2.0-dropbear_2014.63' }] },
      }),
      ctx,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.details).toMatchObject({ distribution: 'Raspbian', revision: 'Raspbian-1+rpi2' });
    expect(findings[0]?.details.cves).toBeUndefined();
  });

  it('treats MiniDLNA whose SSDP SERVER names Debian as a Debian package: no CVE claim from 1.3.0', async () => {
    const shipped = makeContext(loadCheckKnowledge());
    const fromServer = (server: string) =>
      outdatedFirmwareCheck.run(
        makeDevice({ identity: { components: [{ name: 'MiniDLNA', version: '1.3.0', evidence: `ssdp server="${server}"` }] } }),
        shipped,
      );
    // The SERVER string of Debian 12's minidlnad (1.3.0+dfsg-2.2+deb12u1, which patches CVE-2023-33476).
    const debian = await fromServer('Debian DLNADOC/1.50 UPnP/1.0 MiniDLNA/1.3.0');
    expect(debian.map((finding) => [finding.severity, finding.details.distribution, finding.details.cves])).toEqual([
      ['info', 'Debian', undefined],
    ]);
    const upstream = await fromServer('Linux/5.10 DLNADOC/1.50 UPnP/1.0 MiniDLNA/1.3.0');
    expect(upstream.map((finding) => finding.details.cves).filter(Boolean).sort()).toEqual(['CVE-2022-26505', 'CVE-2023-33476']);
  });

  it('calls a vulnerability claimed from a component version range alone possible, and says why', async () => {
    const findings = await findingsOf({ identity: { components: [{ name: 'dropbear', version: '2014.63', evidence: 'banner' }] } });
    const vulnerable = findings.find((finding) => finding.details.cves === 'CVE-2016-7406');
    expect(vulnerable?.confidence).toBe('possible');
    expect(vulnerable?.evidence.join(' ')).toMatch(/version range alone/);
  });

  it('keeps a KEV claim on a named model likely', async () => {
    const findings = await findingsOf({ vendor: 'Acme', model: 'CAM-2', firmware: 'V5.3.0 build 150513' });
    expect(findings.find((finding) => finding.details.kev === 'CVE-2017-0001')?.confidence).toBe('likely');
  });

  it('never tells the household to install a component: the device software updates it', async () => {
    const findings = await findingsOf({ identity: { components: [{ name: 'dropbear', version: '2020.81', evidence: 'banner' }] } });
    const behind = findings.find((finding) => finding.details.latest === '2024.86');
    expect(behind?.title.en).toMatch(/update the device's software/);
    expect(behind?.title.en).not.toMatch(/install/);
  });

  it('is deterministic and abortable', async () => {
    const device = makeDevice({ vendor: 'Acme', model: 'CAM-2', firmware: '5.3.0' });
    expect(await outdatedFirmwareCheck.run(device, ctx)).toEqual(await outdatedFirmwareCheck.run(device, ctx));
    const controller = new AbortController();
    controller.abort();
    await expect(outdatedFirmwareCheck.run(device, { ...ctx, signal: controller.signal })).rejects.toThrow();
  });

  it('lowers an unconfirmed entry to possible and says its KEV claim is not verified', async () => {
    const unconfirmed: FirmwareEntry[] = firmware.map((entry) => ({ ...entry, checked: undefined, reported: '2026-01-01' }));
    const context = makeContext({ credentials: [], firmware: unconfirmed, vendors: [] });
    const findings = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'CAM-2', firmware: 'V5.3.0 build 150513' }), context);
    const kev = findings.find((finding) => finding.details.kev === 'CVE-2017-0001');
    expect(kev).toMatchObject({ severity: 'critical', confidence: 'possible', details: { verified: false } });
    expect(kev?.evidence.join(' ')).toMatch(/reported as in the CISA Known Exploited Vulnerabilities catalogue \(not verified\)/);
    expect(kev?.evidence.join(' ')).toMatch(/not verified, reported 2026-01-01; knowledge as of unknown/);
    const [old] = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'OLD-1', firmware: '1.0' }), context);
    expect(old).toMatchObject({ details: { advice: 'replace', verified: false }, confidence: 'possible' });
    // The confirmed version of the same claim keeps its confidence.
    const confirmed = await findingsOf({ vendor: 'Acme', model: 'CAM-2', firmware: 'V5.3.0 build 150513' });
    expect(confirmed.find((finding) => finding.details.kev === 'CVE-2017-0001')?.confidence).toBe('likely');
  });

  it('finds the Hikvision KEV entries in the shipped knowledge for the example firmware', async () => {
    const shipped = makeContext(loadCheckKnowledge());
    const device = makeDevice({ vendor: 'Hikvision', model: 'DS-2CD2142FWD-I', firmware: 'V5.4.0 build 160530' });
    const findings = await outdatedFirmwareCheck.run(device, shipped);
    expect(findings.map((finding) => finding.details.kev).sort()).toEqual(['CVE-2017-7921', 'CVE-2021-36260']);
    expect(findings.every((finding) => finding.severity === 'critical')).toBe(true);
  });
});

describe('a vulnerable component past its end of support', () => {
  it('offers no fixed version to install (none was ever released) but says to replace it', async () => {
    const boa: FirmwareEntry = { ...base, id: 'boa', component: 'Boa', endOfSupport: '2005-02-23', vulnerable: [{ below: '0.94.15', cves: ['CVE-2009-4496'], severity: 'medium' }] };
    const device = makeDevice({ identity: { components: [{ name: 'Boa', version: '0.94.14rc21', evidence: 'Server: Boa/0.94.14rc21' }] } });
    const findings = await outdatedFirmwareCheck.run(device, makeContext({ credentials: [], firmware: [boa], vendors: [] }));
    const vulnerable = findings.find((f) => f.id.includes(':vulnerable:'));
    expect(vulnerable?.details.fixedIn).toBeUndefined();
    expect(vulnerable?.details).toMatchObject({ advice: 'replace', endOfSupport: '2005-02-23' });
  });
});
