// Why a device was not fully checked, as the hand-out says it: a stopped scan is named only when the
// scan was stopped; logins the lock-out budget left untried are named with their services.
import { describe, expect, it } from 'vitest';
import { buildReportView } from '../../src/report/view.js';
import { toHtml } from '../../src/report/index.js';
import { advisedHousehold } from '../fixtures/report/household.js';

function partlyChecked(aborted: boolean) {
  const result = advisedHousehold();
  const device = result.devices[0]!;
  result.aborted = aborted;
  result.checkCoverage = { [device.id]: 'partial' };
  result.loginCoverage = {
    [device.id]: [
      { service: 'telnet', port: 23, label: 'telnet', attempts: 2, accounts: ['admin'], result: 'partly-tried', reason: 'budget: 2 failed login(s) in a row on the device, the lock-out threshold is 3 (default)', lockout: 'default' },
    ],
  };
  return { result, device };
}

describe('the note on a device that was not fully checked', () => {
  it('names the untried logins and the lock-out reason when the scan ran to the end', () => {
    const { result, device } = partlyChecked(false);
    for (const lang of ['en', 'nl'] as const) {
      const note = buildReportView(result, lang).devices.find((d) => d.id === device.id)!.coverageNote!;
      expect(note).toContain('telnet (23)');
      expect(note).not.toMatch(/stopped|gestopt/);
    }
    const html = toHtml(result, 'en');
    expect(html).toContain('Not fully checked (each device');
    expect(html).not.toContain('because the scan was stopped');
  });

  it('says the scan was stopped only when it was', () => {
    const { result, device } = partlyChecked(true);
    expect(buildReportView(result, 'en').devices.find((d) => d.id === device.id)!.coverageNote).toMatch(/the scan was stopped/);
    expect(toHtml(result, 'nl')).toContain('omdat de scan gestopt is');
  });

  it('does not blame the budget for a check cut off for another reason', () => {
    const { result, device } = partlyChecked(false);
    result.loginCoverage![device.id]![0]!.reason = 'cut off: the device check budget of 60 s ran out';
    const note = buildReportView(result, 'en').devices.find((d) => d.id === device.id)!.coverageNote!;
    expect(note).toMatch(/Not every check on this device ran/);
  });
});
