import { describe, expect, it } from 'vitest';
import { toPlainSummary } from '../../src/report/index.js';
import { topActions } from '../../src/advice/index.js';
import { advisedHousehold } from '../fixtures/report/household.js';

describe('toPlainSummary', () => {
  const result = advisedHousehold();

  it('lists devices from the worst risk down, each finding, and the top three actions', () => {
    const summary = toPlainSummary(result, 'en');
    const lines = summary.split('\n');
    const deviceLines = lines.slice(lines.indexOf('Devices:') + 1, lines.indexOf('') === -1 ? undefined : lines.indexOf('', lines.indexOf('Devices:')));
    expect(deviceLines).toHaveLength(result.devices.length);
    expect(deviceLines[0]).toMatch(/^ {2}CRITICAL/);
    expect(deviceLines.at(-1)).toMatch(/^ {2}NO FINDINGS .*Hue Bridge/);
    for (const finding of result.findings) expect(summary).toContain(finding.title.en);
    const top = topActions(result.advice);
    top.forEach((item, i) => expect(summary).toContain(`  ${i + 1}. `));
    expect(summary).toContain(top[0]!.text.en);
    expect(summary).not.toMatch(/\u001b/);
  });

  it('is written in the language asked for', () => {
    const summary = toPlainSummary(result, 'nl');
    expect(summary).toContain('Eerst doen:');
    expect(summary).toContain(result.findings[0]!.title.nl);
    expect(summary).not.toContain('Do these first');
  });

  it('names a device without a name of its own by maker and kind, else by kind and address', () => {
    const [first, second, ...rest] = result.devices;
    const unnamed = {
      ...result,
      devices: [{ ...first!, names: [], vendor: 'Hikvision', kind: 'camera' as const }, { ...second!, names: [], vendor: null }, ...rest],
    };
    const en = toPlainSummary(unnamed, 'en');
    const nl = toPlainSummary(unnamed, 'nl');
    expect(en).toContain('"Hikvision camera"');
    expect(nl).toContain('"camera van Hikvision"');
    expect(en).toContain(`${second!.ip}`);
    expect(en).not.toContain(`"camera ${first!.ip}"`);
  });
});
