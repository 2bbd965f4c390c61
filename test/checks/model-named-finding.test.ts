// Issue 12: KEV entries that name a model but no fixed firmware. Without a fixed version the claim is only
// possible ("check that the firmware has the fix"); a record saying no fix exists makes it "replace the device".

import { describe, expect, it } from 'vitest';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import type { CheckKnowledge } from '../../src/knowledge/types.js';
import { makeContext, makeDevice } from './knowledge-helpers.js';

const base = { source: 'test record', url: 'https://example.invalid/record/1', checked: '2026-01-01' };
const knowledge: CheckKnowledge = {
  credentials: [],
  vendors: [],
  firmware: [
    { ...base, id: 'acme-listed', vendor: 'Acme', models: ['R-100*'], vulnerable: [{ cves: ['CVE-2024-0001'], kev: ['CVE-2024-0001'], severity: 'critical' }] },
    { ...base, id: 'acme-unfixed', vendor: 'Acme', models: ['R-200*'], vulnerable: [{ cves: ['CVE-2024-0002'], kev: ['CVE-2024-0002'], severity: 'critical', unfixed: true }] },
  ],
};
const ctx = makeContext(knowledge);

describe('a record that names the model but no fixed version', () => {
  it('asks to check for the maker\'s fix, as a possible high finding, whether or not the version is visible', async () => {
    for (const firmware of [null, '1.0.3']) {
      const findings = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'R-100 v2', firmware }), ctx);
      expect(findings.map((f) => [f.severity, f.confidence, f.details.kev])).toEqual([['high', 'possible', 'CVE-2024-0001']]);
      expect(findings[0]?.title.en).toMatch(/check that its firmware has the maker's fix/);
      expect(findings[0]?.details.advisory).toBe('https://example.invalid/record/1');
    }
  });

  it('tells the household to replace a model the record says gets no fix', async () => {
    const [finding] = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'R-200', firmware: '2.0' }), ctx);
    expect(finding?.severity).toBe('critical');
    expect(finding?.confidence).toBe('likely');
    expect(finding?.details.advice).toBe('replace');
    expect(finding?.title.en).toMatch(/replace the device/);
  });

  it('never applies to another model', async () => {
    expect(await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Acme', model: 'R-300', firmware: '1.0' }), ctx)).toEqual([]);
  });
});

describe('the shipped KEV entries for consumer brands', () => {
  const shipped = makeContext(loadCheckKnowledge());

  // Two findings: CVE-2024-0769's record says the DIR-859 is end of life (replace), CVE-2019-17621 asks for the fix.
  it('name the D-Link DIR-859 for CVE-2019-17621 and CVE-2024-0769', async () => {
    const findings = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'D-Link', model: 'DIR-859', firmware: '1.06B01' }), shipped);
    expect(findings.map((f) => f.details.kev).sort()).toEqual(['CVE-2019-17621', 'CVE-2024-0769']);
  });

  it('name the Reolink RLC-410W for both of its KEV entries', async () => {
    const findings = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Reolink', model: 'RLC-410W', firmware: 'v3.0.0.136' }), shipped);
    expect(findings.map((f) => f.details.kev).sort()).toEqual(['CVE-2019-11001', 'CVE-2021-40407']);
  });

  it('name Dahua series 3 and 5 cameras, not the series 1 camera of the home fleet', async () => {
    const listed = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Dahua', model: 'IPC-HDW3441T-ZS', firmware: null }), shipped);
    expect(listed.map((f) => f.details.kev).sort()).toEqual(['CVE-2021-33044', 'CVE-2021-33045']);
    const garden = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Dahua', model: 'IPC-HDW1230S', firmware: null }), shipped);
    expect(garden.filter((f) => f.details.kev)).toEqual([]);
  });
});
