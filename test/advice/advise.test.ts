import { describe, expect, it } from 'vitest';
import { advise, loadAdviceKnowledge, topActions } from '../../src/advice/index.js';
import { namesVendor } from '../../src/advice/values.js';
import { DEVICE_KINDS, SEVERITIES, type Finding } from '../../src/model.js';
import { makeFinding } from '../../src/checks/finding.js';
import { FIXTURE_SECRETS, hostileDevice, householdResult, makeDevice } from '../fixtures/report/household.js';

const knowledge = loadAdviceKnowledge();
const PHASE_ORDER = ['install', 'use', 'incident', 'complaint', 'buy'];

describe('advise on the household', () => {
  const result = householdResult();
  const advice = advise(result, knowledge);

  it('gives every finding at least one advice item', () => {
    for (const finding of result.findings) {
      expect(advice.some((a) => a.findingIds.includes(finding.id)), finding.id).toBe(true);
    }
  });

  it('names a source and a norm on every item and fills every placeholder in both languages', () => {
    for (const item of advice) {
      expect(item.source.length, item.id).toBeGreaterThan(3);
      expect(item.standards.length, item.id).toBeGreaterThan(0);
      for (const text of [item.text.nl, item.text.en]) {
        expect(text, item.id).not.toMatch(/\{[A-Za-z]+\}|\[\[|\]\]/);
        expect(text, item.id).not.toMatch(/\b(onbekend|unknown)\b/);
      }
    }
  });

  it('has unique ids and is ordered by harm, then priority, then phase', () => {
    expect(new Set(advice.map((a) => a.id)).size).toBe(advice.length);
    for (let i = 1; i < advice.length; i++) {
      const [a, b] = [advice[i - 1]!, advice[i]!];
      expect(a.harm! <= b.harm!, `${a.id} before ${b.id}`).toBe(true);
      if (a.harm !== b.harm) continue;
      expect(a.priority <= b.priority, `${a.id} before ${b.id}`).toBe(true);
      if (a.priority === b.priority) expect(PHASE_ORDER.indexOf(a.phase) <= PHASE_ORDER.indexOf(b.phase)).toBe(true);
    }
  });

  it('sets priority from the worst finding behind the item', () => {
    for (const item of advice.filter((a) => a.findingIds.length > 0)) {
      const worst = Math.min(...item.findingIds.map((id) => SEVERITIES.indexOf(result.findings.find((f) => f.id === id)!.severity)));
      expect(item.priority, item.id).toBe(worst + 1);
    }
  });

  it("tells how to change the camera's factory password the maker's way, password masked", () => {
    const camera = result.devices.find((d) => d.vendor === 'Hikvision')!;
    const item = advice.find((a) => a.deviceId === camera.id && a.id.startsWith('default-credentials.change-password'))!;
    expect(item.phase).toBe('install');
    expect(item.text.en).toContain('“Woonkamer”');
    expect(item.text.en).toContain('admin/1•••5');
    expect(item.text.en).toContain('http://192.168.1.64/ → Configuration → System → User Management');
    expect(item.text.nl).toContain('Configuratie → Systeem → Gebruikersbeheer');
    expect(item.text.en).not.toContain(FIXTURE_SECRETS.cameraPassword);
  });

  it('falls back to generic steps for a vendor without its own', () => {
    const plug = makeDevice({ mac: null, ip: '192.168.1.77', names: ['Stekker'], vendor: 'Acme', model: null, firmware: null, kind: 'plug', services: [{ transport: 'tcp', port: 80, name: 'http' }] });
    const finding = makeFinding({ check: 'default-credentials', device: plug, key: 'http:80', severity: 'critical', confidence: 'confirmed',
      title: { nl: 'x', en: 'x' }, evidence: [], standards: [], details: { username: 'admin', passwordMasked: '•••••' } });
    const item = advise({ devices: [plug], findings: [finding] }, knowledge).find((a) => a.id.startsWith('default-credentials.change-password'))!;
    expect(item.text.en).toContain("open the device's admin page (http://192.168.1.77/) or its app");
  });

  it('blames a dead component, not the maker, and says "replace" once per device', () => {
    const cam = makeDevice({ mac: null, ip: '192.168.1.78', names: [], vendor: 'Xiongmai', model: null, firmware: null, kind: 'baby-monitor', services: [] });
    const boa = (key: string, details: Finding['details']): Finding =>
      makeFinding({ check: 'outdated-firmware', device: cam, key, severity: 'high', confidence: 'likely', title: { nl: 'x', en: 'x' }, evidence: [], standards: [],
        details: { component: 'Boa', version: '0.94.14rc21', endOfSupport: '2005-02-23', advice: 'replace', ...details } });
    const findings = [boa('component:boa:end-of-support:boa', {}), boa('component:boa:vulnerable:boa:CVE-2009-4496', { cves: 'CVE-2009-4496' })];
    const advice = advise({ devices: [cam], findings }, knowledge, { now: new Date('2026-11-22') });
    const replace = advice.filter((a) => a.id.startsWith('outdated-firmware.replace'));
    expect(replace).toHaveLength(1);
    expect(replace[0]!.findingIds).toHaveLength(2);
    expect(replace[0]!.text.en).toMatch(/runs Boa 0\.94\.14rc21, software that gets no more updates/);
    expect(replace[0]!.text.en).not.toMatch(/Xiongmai no longer ships updates/);
    expect(replace[0]!.text.nl).toMatch(/draait op Boa/);
    expect(advice.filter((a) => a.id.startsWith('outdated-firmware.message'))).toHaveLength(1);
  });

  it('advises replacing a device past its end of support, with a message to send', () => {
    const nas = result.devices.find((d) => d.vendor === 'Synology')!;
    const ids = advice.filter((a) => a.deviceId === nas.id).map((a) => a.id.split('@')[0]);
    expect(ids).toContain('outdated-firmware.replace');
    expect(ids).toContain('outdated-firmware.message');
    expect(ids).not.toContain('outdated-firmware.update');
    const message = advice.find((a) => a.id.startsWith('outdated-firmware.message') && a.deviceId === nas.id)!;
    expect(message.phase).toBe('complaint');
    expect(message.text.nl).toContain('autoriteitpersoonsgegevens.nl');
  });

  it('judges end of support against the scan time', () => {
    const early = advise(result, knowledge, { now: new Date('2023-01-01T00:00:00Z') });
    const nas = result.devices.find((d) => d.vendor === 'Synology')!;
    const ids = early.filter((a) => a.deviceId === nas.id).map((a) => a.id.split('@')[0]);
    expect(ids).not.toContain('outdated-firmware.replace');
  });

  it('folds the router findings into one message for the provider', () => {
    const router = result.devices.find((d) => d.kind === 'router')!;
    const messages = advice.filter((a) => a.id.startsWith('router.message-to-provider'));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.deviceId).toBe(router.id);
    expect(messages[0]!.text.en).toContain('UPnP is on');
  });

  it('picks a telnet-specific item for telnet and UPnP-specific for the router', () => {
    expect(advice.some((a) => a.id.startsWith('remote-access.telnet@'))).toBe(true);
    expect(advice.some((a) => a.id.startsWith('remote-access.upnp@'))).toBe(true);
    expect(advice.some((a) => a.id.startsWith('remote-access.other@'))).toBe(false);
  });

  it('gives a camera placement advice, and a speaker microphone advice', () => {
    const camera = result.devices.find((d) => d.kind === 'camera')!;
    const speaker = result.devices.find((d) => d.kind === 'speaker')!;
    const about = (id: string) => advice.filter((a) => a.deviceId === id).map((a) => a.id.split('@')[0]);
    expect(about(camera.id)).toContain('camera-privacy.aim');
    expect(about(camera.id)).not.toContain('camera-privacy.microphone');
    expect(about(speaker.id)).toContain('camera-privacy.microphone');
  });

  it('gives buying advice to the clean device and the household items once', () => {
    const hue = result.devices.find((d) => d.names.includes('Hue Bridge'))!;
    expect(advice.filter((a) => a.deviceId === hue.id).map((a) => a.phase)).toEqual(['buy']);
    for (const phase of ['buy', 'use', 'incident', 'complaint'] as const) {
      expect(advice.some((a) => a.deviceId === null && a.phase === phase), phase).toBe(true);
    }
    expect(advice.filter((a) => a.id === 'buy.label-questions')).toHaveLength(1);
  });

  it('starts with the three most urgent actions, each about other findings', () => {
    const top = topActions(advice);
    expect(top).toHaveLength(3);
    expect(top.every((a) => a.phase === 'install' || a.phase === 'use')).toBe(true);
    // Reachable from the internet comes first, whatever its severity says.
    expect(top[0]!.harm).toBeLessThanOrEqual(1);
    const findingIds = top.flatMap((a) => a.findingIds);
    expect(new Set(findingIds).size).toBe(findingIds.length);
  });
});

describe('one action per problem per device', () => {
  const camera = makeDevice({ ip: '10.0.0.2', mac: 'aa:bb:cc:00:00:02', vendor: 'Hikvision', model: 'DS-2CD2032-I', firmware: null, kind: 'camera', names: [], services: [{ transport: 'tcp', port: 80, name: 'http' }] });
  const nas = makeDevice({ ip: '10.0.0.8', mac: 'aa:bb:cc:00:00:08', vendor: 'Synology', model: 'DS218', firmware: null, kind: 'nas', names: [], services: [{ transport: 'tcp', port: 23, name: 'telnet' }] });
  const password = (device: typeof camera, service: string, port: number, severity: Finding['severity'] = 'critical'): Finding =>
    makeFinding({
      check: 'default-credentials', device, key: `${service}:${port}`, severity,
      title: { en: `Factory password works on ${service}`, nl: `Fabriekswachtwoord werkt op ${service}` },
      evidence: [`${service} accepted admin`], standards: ['ETSI EN 303 645 5.1-1'], confidence: 'confirmed',
      details: { service, port, username: 'admin', passwordMasked: '1•••5' },
    });

  it('merges the same advice on two services of one device into one item naming both', () => {
    const findings = [password(camera, 'http-digest', 80), password(camera, 'rtsp', 554)];
    const advice = advise({ devices: [camera], findings }, knowledge);
    const change = advice.filter((a) => a.id.startsWith('default-credentials.change-password'));
    const intruders = advice.filter((a) => a.id.startsWith('default-credentials.check-for-intruders'));
    expect(change).toHaveLength(1);
    expect(intruders).toHaveLength(1);
    expect(change[0]!.findingIds).toEqual(findings.map((f) => f.id));
    expect(change[0]!.text.en).toContain('This goes for: HTTP Digest (port 80) and the video stream (RTSP) (port 554).');
    expect(change[0]!.text.nl).toContain('Dit geldt voor: HTTP Digest (poort 80) en de videostroom (RTSP) (poort 554).');
    expect(topActions(advice).filter((a) => a.id.startsWith('default-credentials.change-password'))).toHaveLength(1);
  });

  it('ranks a shell reachable from the internet before a factory password that works only at home', () => {
    const exposed = makeFinding({
      check: 'exposed-by-port-mapping', device: nas, key: 'tcp:2323', severity: 'high',
      title: { en: 'NAS reachable from the internet on port 2323', nl: 'NAS bereikbaar vanaf internet op poort 2323' },
      evidence: ['router maps TCP 2323 to 10.0.0.8:23'], standards: ['ETSI EN 303 645 5.6-1'], confidence: 'confirmed',
      details: { protocol: 'TCP', externalPort: 2323, internalClient: '10.0.0.8', internalPort: 23, service: 'telnet' },
    });
    const advice = advise({ devices: [camera, nas], findings: [password(camera, 'http-digest', 80), exposed] }, knowledge);
    const top = topActions(advice);
    expect(top[0]!.findingIds).toEqual([exposed.id]);
    expect(top.some((a) => a.findingIds.includes(password(camera, 'http-digest', 80).id))).toBe(true);
  });
});

describe('advise in other situations', () => {
  it('gives every device kind buying advice even without findings', () => {
    const devices = DEVICE_KINDS.map((kind, i) => makeDevice({ mac: null, ip: `10.0.0.${i + 1}`, names: [], vendor: null, model: null, firmware: null, kind, services: [] }));
    const advice = advise({ devices, findings: [] }, knowledge);
    for (const device of devices) {
      const items = advice.filter((a) => a.deviceId === device.id);
      expect(items.map((a) => a.phase), device.kind).toContain('buy');
      for (const item of items) expect(item.text.en, device.kind).toContain(device.ip);
    }
  });

  it('gives a settled finding no advice', () => {
    const result = householdResult();
    const mfa = result.findings.find((f) => f.check === 'missing-mfa')!;
    mfa.settledBy = 'answer: two-step verification is on';
    expect(advise(result, knowledge).some((a) => a.findingIds.includes(mfa.id))).toBe(false);
  });

  it("takes the two-step how-to from the vendor's facts", () => {
    const result = householdResult();
    const withVendors = {
      ...knowledge,
      vendors: [{ id: 'google', vendors: ['Google'], app: 'Google Home', mfa: 'optional' as const, dataOutsideEu: true, cloudRequired: true,
        supportPeriodPublished: true, source: 'x', checked: '2026-01-01', mfaHowTo: { nl: 'Account → Beveiliging → Verificatie in 2 stappen', en: 'Account → Security → 2-Step Verification' } }],
    };
    const item = advise(result, withVendors).find((a) => a.id.startsWith('missing-mfa.turn-on'))!;
    expect(item.text.en).toContain('Account → Security → 2-Step Verification');
    expect(item.text.nl).toContain('Verificatie in 2 stappen');
  });

  it('keeps escape sequences of a hostile name out of every text', () => {
    const device = hostileDevice();
    const finding: Finding = makeFinding({ check: 'plain-http-admin', device, key: 'http:80', severity: 'low', confidence: 'confirmed',
      title: { nl: 'x', en: 'x' }, evidence: [], standards: [], details: { port: 80 } });
    for (const item of advise({ devices: [device], findings: [finding] }, knowledge)) {
      expect(item.text.en).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(item.text.nl).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });

  it('gives household advice for an empty network', () => {
    const advice = advise({ devices: [], findings: [] }, knowledge);
    expect(advice.length).toBeGreaterThan(0);
    expect(advice.every((a) => a.deviceId === null)).toBe(true);
    expect(topActions(advice).every((a) => a.phase === 'install' || a.phase === 'use')).toBe(true);
  });
});

describe('vendor names as identification gives them', () => {
  it("finds the maker's own steps in a long company name, and not inside another word", () => {
    expect(namesVendor('Hangzhou Hikvision Digital Technology Co., Ltd.', 'Hikvision')).toBe(true);
    expect(namesVendor('SYNOLOGY', 'Synology')).toBe(true);
    expect(namesVendor('Hikvisionary Labs', 'Hikvision')).toBe(false);
    expect(namesVendor('A.B (c)', 'A.B')).toBe(true);
  });
});

describe('details as the checks send them', () => {
  const device = makeDevice({ mac: null, ip: '192.168.1.80', names: ['Deurbel'], vendor: 'Ring', model: null, firmware: null, kind: 'doorbell', services: [] });
  const finding = (check: Finding['check'], details: Finding['details']) =>
    makeFinding({ check, device, key: check, severity: 'medium', confidence: 'likely', title: { nl: 't', en: 't' }, evidence: [], standards: [], details });

  it('uses the how-to a missing-mfa finding carries, per language', () => {
    const f = finding('missing-mfa', { phase: 'install', app: 'Ring app', mfa: 'optional', howToNl: 'Instellingen → Tweestaps', howToEn: 'Settings → Two-step' });
    const item = advise({ devices: [device], findings: [f] }, knowledge).find((a) => a.findingIds.includes(f.id))!;
    expect(item.text.en).toContain('Ring app: Settings → Two-step');
    expect(item.text.nl).toContain('Ring app: Instellingen → Tweestaps');
  });

  it('leaves an unknown version out of the sentence instead of printing "unknown"', () => {
    const f = finding('outdated-firmware', { entry: 'ring-doorbell', version: 'unknown', asOf: '2026-11-01' });
    const item = advise({ devices: [device], findings: [f] }, knowledge).find((a) => a.findingIds.includes(f.id))!;
    expect(item.id.startsWith('outdated-firmware.check@')).toBe(true);
    expect(item.text.en).not.toMatch(/unknown/i);
    expect(item.text.nl).not.toMatch(/unknown|onbekend/i);
  });

  it('masks a community string the check left in plain', () => {
    const f = finding('snmp-default-community', { service: 'snmp', port: 161, community: 'public', access: 'read' });
    const item = advise({ devices: [device], findings: [f] }, knowledge).find((a) => a.findingIds.includes(f.id))!;
    expect(item.text.en).toContain('p••••c');
    expect(item.text.en).not.toMatch(/\bpublic\b/);
  });
});
