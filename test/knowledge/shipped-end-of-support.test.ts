// Issue 12: what the outdated-firmware check says on the shipped end-of-support and KEV facts of the second pass: a
// press-only date gives a "possible" finding that says it is not verified; a KEV entry confirmed in its record does not.

import { describe, expect, it } from 'vitest';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { makeContext, makeDevice } from '../checks/knowledge-helpers.js';

const ctx = makeContext(loadCheckKnowledge(), { now: '2026-12-01T12:00:00Z' });

describe('shipped end-of-support and KEV facts in findings', () => {
  it('an Arlo Q past its end of life gets "replace", possible, and says the date is not verified', async () => {
    const findings = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Arlo', model: 'VMC3040', kind: 'camera' }), ctx);
    const ended = findings.find((finding) => finding.details.endOfSupport !== undefined);
    expect(ended).toMatchObject({ severity: 'high', confidence: 'possible', details: { entry: 'arlo-eol-2024', verified: false, advice: 'replace' } });
    expect(ended?.evidence.join(' ')).toMatch(/not verified, reported 2026-12-01/);
  });

  it('a Hikvision DS-2CD2032F-I in the CVE-2017-7921 range is a confirmed KEV claim, critical', async () => {
    const device = makeDevice({ vendor: 'Hikvision', model: 'DS-2CD2032F-I', firmware: 'V5.3.0 build 150513', kind: 'camera' });
    const kev = (await outdatedFirmwareCheck.run(device, ctx)).find((finding) => finding.details.kev === 'CVE-2017-7921');
    expect(kev).toMatchObject({ severity: 'critical', details: { verified: true } });
    expect(kev?.confidence).not.toBe('possible');
    expect(kev?.evidence.join(' ')).toMatch(/checked 2026-12-01/);
  });

  it('a FRITZ!Box 6590 Cable on FRITZ!OS 7.57 is not told to replace it; on 7.29 it is told to update to 7.57', async () => {
    const current = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'AVM', model: 'FRITZ!Box 6590 Cable', firmware: '7.57', kind: 'router' }), ctx);
    expect(current).toEqual([]);
    const behind = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'AVM', model: 'FRITZ!Box 6590 Cable', firmware: '7.29', kind: 'router' }), ctx);
    expect(behind.map((finding) => [finding.severity, finding.details.latest, finding.details.verified])).toEqual([['medium', '7.57', true]]);
    expect(behind.some((finding) => finding.details.endOfSupport !== undefined)).toBe(false);
  });

  it('a FRITZ!Box 7590 on 7.29 is behind the confirmed 8.25; one on 8.25 gets nothing', async () => {
    const behind = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.29', kind: 'router' }), ctx);
    expect(behind).toHaveLength(1);
    expect(behind[0]).toMatchObject({ severity: 'medium', details: { entry: 'avm-fritzbox-current', latest: '8.25', verified: true } });
    expect(behind[0]?.confidence).not.toBe('possible');
    const current = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '8.25', kind: 'router' }), ctx);
    expect(current).toEqual([]);
  });

  it('a Hue Bridge v1 (BSB001) is past its end of support (2020-04-30); the square v2 (BSB002) gets no such claim', async () => {
    const v1 = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Signify', model: 'BSB001', kind: 'hub' }), ctx);
    expect(v1.find((finding) => finding.details.endOfSupport !== undefined)).toMatchObject({ severity: 'high', details: { endOfSupport: '2020-04-30', verified: true } });
    const v2 = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Signify', model: 'BSB002', firmware: '1.60.1960149090', kind: 'hub' }), ctx);
    expect(v2.filter((finding) => finding.details.endOfSupport !== undefined)).toEqual([]);
  });

  it('a RouterOS 7.20 router is told to update to the long-term 7.21.5, a 7.21.5 one is not', async () => {
    const behind = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'MikroTik', model: 'hAP ax2', firmware: '7.20.8', kind: 'router' }), ctx);
    expect(behind.filter((finding) => finding.details.latest === '7.21.5').map((finding) => finding.severity)).toEqual(['medium']);
    const current = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'MikroTik', model: 'hAP ax2', firmware: '7.21.5', kind: 'router' }), ctx);
    expect(current.filter((finding) => finding.details.latest !== undefined)).toEqual([]);
  });
});
