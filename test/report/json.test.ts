import { describe, expect, it } from 'vitest';
import { toAnonymizedReport, toJsonReport } from '../../src/report/index.js';
import { advise, loadAdviceKnowledge } from '../../src/advice/index.js';
import { LANGS } from '../../src/model.js';
import { advisedHousehold, FIXTURE_SECRETS, hostileDevice, householdResult } from '../fixtures/report/household.js';
import { reportSchemaErrors } from './report-schema.js';

const knowledge = loadAdviceKnowledge();
const options = (lang: 'nl' | 'en') => ({ lang, toolVersion: '0.0.0-test' });

describe('toJsonReport', () => {
  for (const lang of LANGS) {
    it(`follows the published schema and the contract (${lang})`, () => {
      const result = advisedHousehold(knowledge);
      const report = toJsonReport(result, options(lang));
      expect(reportSchemaErrors(report)).toEqual([]);
      expect(report.schemaVersion).toBe(1);
      expect(report.tool).toEqual({ name: 'homeaudit', version: '0.0.0-test' });
      expect(report.lang).toBe(lang);
      expect(report.devices).toHaveLength(result.devices.length);
      expect(report.findings.map((f) => f.title)).toEqual(result.findings.map((f) => f.title[lang]));
      expect(report.advice.map((a) => a.text)).toEqual(result.advice.map((a) => a.text[lang]));
      expect(report.topActions).toHaveLength(3);
      for (const id of report.topActions) expect(report.advice.some((a) => a.id === id)).toBe(true);
      expect(report.knowledge.asOf).toBe(result.knowledgeAsOf);
    });
  }

  it('links every finding and advice item to a device in the report', () => {
    const report = toJsonReport(advisedHousehold(knowledge), options('en'));
    const ids = new Set(report.devices.map((d) => d.id));
    for (const f of report.findings) expect(f.deviceId === null || ids.has(f.deviceId), f.id).toBe(true);
    const findingIds = new Set(report.findings.map((f) => f.id));
    for (const a of report.advice) {
      expect(a.deviceId === null || ids.has(a.deviceId), a.id).toBe(true);
      for (const id of a.findingIds) expect(findingIds.has(id), a.id).toBe(true);
    }
  });

  it('masks a secret that a check left in its details, and never prints the fixture passwords', () => {
    const result = advisedHousehold(knowledge);
    result.findings[0]!.details.password = FIXTURE_SECRETS.cameraPassword;
    result.findings[0]!.details.community = FIXTURE_SECRETS.snmpWrite;
    const report = toJsonReport(result, options('en'));
    expect(report.findings[0]!.details.password).toBeUndefined();
    expect(report.findings[0]!.details.passwordMasked).toBe('1•••5');
    expect(report.findings[0]!.details.communityMasked).toBe('p•••••e');
    const text = JSON.stringify(report);
    for (const secret of Object.values(FIXTURE_SECRETS)) expect(text).not.toMatch(new RegExp(`\\b${secret}\\b`));
  });

  it('keeps control characters of a hostile device out and stays schema-valid', () => {
    const result = householdResult();
    result.devices.push(hostileDevice());
    result.advice = advise(result, knowledge);
    const report = toJsonReport(result, options('nl'));
    expect(reportSchemaErrors(report)).toEqual([]);
    const hostile = report.devices.find((d) => d.id === hostileDevice().id)!;
    expect(hostile.names[0]).toContain('<script>');
    expect(hostile.names[0]).not.toMatch(/\u001b|\u0007/);
    expect(hostile.services[0]!.banner).not.toMatch(/\u001b|\u0007/);
  });

  it('marks a stopped scan and a settled finding', () => {
    const result = advisedHousehold(knowledge);
    result.aborted = true;
    result.findings[0]!.settledBy = 'answer: password changed';
    const report = toJsonReport(result, options('en'));
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.stats.aborted).toBe(true);
    expect(report.findings[0]!.settled).toBe('answer: password changed');
  });

  it('is schema-valid for an empty network', () => {
    const result = householdResult();
    result.devices = [];
    result.findings = [];
    result.advice = advise(result, knowledge);
    expect(reportSchemaErrors(toJsonReport(result, options('en')))).toEqual([]);
  });
});

describe('toAnonymizedReport', () => {
  const result = householdResult();
  result.devices.push(hostileDevice());
  result.devices[0]!.names.push('Router van Jansen');
  result.findings[0]!.evidence.push('SSDP serialNumber=DS2CD2143G2I20210101AAWR123456 uuid:0a1b2c3d-4e5f-6789-abcd-ef0123456789 host woonkamer-cam.local', 'telnet :23 banner="Cam (firmware 1.0.7) zolder-cam2 login:"');
  result.advice = advise(result, knowledge);
  const report = toJsonReport(result, options('en'));
  const anonymous = toAnonymizedReport(report);
  const text = JSON.stringify(anonymous);

  it('removes MAC and IP addresses, names, hostnames and serials', () => {
    for (const device of result.devices) {
      if (device.mac) expect(text).not.toContain(device.mac);
      expect(text).not.toContain(`"${device.ip}"`);
      expect(text).not.toMatch(new RegExp(`${device.ip.replace(/\./g, '\\.')}(?!\\d)`));
    }
    for (const name of ['Woonkamer', 'Opslag', 'Printer studeerkamer', 'Router van Jansen', 'fritz.box', 'Hue Bridge']) expect(text).not.toContain(name);
    expect(text).not.toContain('AAWR123456');
    expect(text).not.toContain('0a1b2c3d');
    expect(text).not.toContain('woonkamer-cam.local');
    // The host's own name before a getty prompt, seen on a real busybox camera.
    expect(text).not.toContain('zolder-cam2');
    expect(text).toContain('[host] login:');
    expect(text).not.toMatch(/\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\b/i);
    expect(text).not.toMatch(/\b192\.168\.\d+\.\d+/);
  });

  it('keeps the report useful: devices, findings and advice still line up, schema-valid', () => {
    expect(reportSchemaErrors(anonymous)).toEqual([]);
    expect(anonymous.anonymized).toBe(true);
    expect(anonymous.devices.map((d) => d.id)).toEqual(report.devices.map((_, i) => `device-${i + 1}`));
    const ids = new Set(anonymous.devices.map((d) => d.id));
    for (const f of anonymous.findings) expect(f.deviceId === null || ids.has(f.deviceId)).toBe(true);
    expect(anonymous.findings.map((f) => f.check)).toEqual(report.findings.map((f) => f.check));
    expect(anonymous.devices.map((d) => d.vendor)).toEqual(report.devices.map((d) => d.vendor));
    expect(anonymous.devices.map((d) => d.firmware)).toEqual(report.devices.map((d) => d.firmware));
  });

  it('does not hash: no identifier survives in another form', () => {
    expect(text).not.toMatch(/[0-9a-f]{32,}/);
    expect(report.devices[0]!.mac).not.toBeNull();
  });
});
