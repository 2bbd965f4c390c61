// Issue 12: a daemon whose banner carries a distribution's revision gets no CVE claim from its upstream version,
// from identification through the check to the advice. The banners are the identification strings of Debian 12
// (openssh 1:9.2p1-2+deb12u10) and Raspbian 10 (openssh 1:7.9p1-10+deb10u2) packages.

import { describe, expect, it } from 'vitest';
import { advise, loadAdviceKnowledge } from '../../src/advice/index.js';
import { toDevice } from '../../src/audit/devices.js';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import type { AuditResult, Device, Finding } from '../../src/model.js';
import { recordedFacts } from '../identify/helpers.js';
import { makeContext } from './knowledge-helpers.js';

const fingerprints = loadFingerprints();
const ctx = makeContext(loadCheckKnowledge());

async function audit(fixture: string): Promise<{ device: Device; findings: Finding[] }> {
  const facts = recordedFacts(fixture);
  const device = toDevice(facts, identify(facts, fingerprints), facts.hostnames);
  return { device, findings: await outdatedFirmwareCheck.run(device, ctx) };
}

describe.each([
  ['debian-12-host-openssh', 'Debian', 'Debian-2+deb12u10'],
  ['raspberry-pi-buster-openssh', 'Raspbian', 'Raspbian-10+deb10u2'],
])('%s', (fixture, distribution, revision) => {
  it('claims no CVE from the upstream OpenSSH version and says the distribution patches it', async () => {
    const { device, findings } = await audit(fixture);
    expect(device.identity.components.map((c) => c.name)).toContain('OpenSSH');
    expect(findings.filter((f) => f.details.cves)).toEqual([]);
    expect(findings.map((f) => [f.severity, f.details.distribution, f.details.revision])).toEqual([['info', distribution, revision]]);
  });

  it('advises keeping the distribution updates on, in both languages', async () => {
    const { device, findings } = await audit(fixture);
    const result = { devices: [device], findings, finishedAt: '2026-12-01T00:00:00Z' } as unknown as AuditResult;
    const items = advise(result, loadAdviceKnowledge()).filter((item) => item.findingIds.includes(findings[0]!.id));
    expect(items.map((item) => item.id)).toEqual([expect.stringContaining('distribution-package')]);
    expect(items[0]?.text.en).toMatch(new RegExp(`${distribution} package.*apt update`));
    expect(items[0]?.text.nl).toMatch(new RegExp(`pakket van ${distribution}`));
  });
});

describe('a component inside a device', () => {
  it('is updated through the device software: the advice names no version of the component to install', async () => {
    const { device, findings } = await audit('openwrt-router-dropbear-busybox');
    const result = { devices: [device], findings, finishedAt: '2026-12-01T00:00:00Z' } as unknown as AuditResult;
    const componentFindings = findings.filter((f) => f.details.component);
    expect(componentFindings.length).toBeGreaterThan(0);
    const items = advise(result, loadAdviceKnowledge()).filter((item) => componentFindings.some((f) => item.findingIds.includes(f.id)));
    for (const item of items) expect(item.text.en).not.toMatch(/install (lighttpd|dropbear|BusyBox|miniupnpd)|to \d[\d.]* or newer/i);
    const updates = items.filter((item) => item.id.includes('outdated-firmware.update'));
    expect(updates.length).toBeGreaterThan(0);
    for (const item of updates) expect(item.text.en).toMatch(/only updated through the device's own software/);
  });
});
