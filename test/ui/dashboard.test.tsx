import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { AuditResult } from '../../src/model.js';
import { fakeAudit, findings, fixtureEvents, makeResult, plan } from './fixture.js';
import { KEYS, renderDashboard, waitForResults } from './render-helpers.js';

afterEach(() => cleanup());

/** Rows of the device table, top to bottom, as device names. */
function tableNames(frame: string): string[] {
  const names = ['Voordeur', 'fritz.box', 'Wasmachine', 'Opslag', 'EvilCam', 'Keuken'];
  return frame
    .split('\n')
    .map((row) => names.find((name) => row.includes(name)))
    .filter((name): name is string => Boolean(name));
}

describe('before the scan', () => {
  test('says what will be scanned and that factory passwords will be tried, and waits for Enter', async () => {
    const audit = fakeAudit();
    const view = renderDashboard({ yes: false, runAudit: audit });
    const frame = await view.waitFor('Ready to scan');
    expect(frame).toContain('127.40.0.0/24');
    expect(frame).toContain('254');
    expect(frame).toContain('at most 5 attempts per service');
    expect(audit.calls).toBe(0);
    await view.press(KEYS.enter);
    await waitForResults(view);
    expect(audit.calls).toBe(1);
  });

  test('with --no-login it says no passwords will be tried', async () => {
    const view = renderDashboard({ yes: false, plan: { ...plan, login: false } });
    const frame = await view.waitFor('Ready to scan');
    expect(frame).toContain('No passwords will be tried');
    expect(frame).not.toContain('Factory passwords will be tried');
  });

  test('n cancels without scanning', async () => {
    const audit = fakeAudit();
    const view = renderDashboard({ yes: false, runAudit: audit });
    await view.waitFor('Ready to scan');
    await view.press('n');
    await vi.waitFor(() => expect(view.onExit).toHaveBeenCalledWith({ result: null, aborted: true }));
    expect(audit.calls).toBe(0);
  });

  test('with yes the scan starts at once', async () => {
    const audit = fakeAudit();
    const view = renderDashboard({ runAudit: audit });
    await waitForResults(view);
    expect(audit.calls).toBe(1);
  });

  test('with yes not even the first frame asks for confirmation', () => {
    const view = renderDashboard({ runAudit: fakeAudit() });
    // The very first frame, before any effect has run: the scan screen, never "Ready to scan".
    expect(view.frames[0]).toContain('Scanning');
    expect(view.frames.join('\n')).not.toContain('Ready to scan');
    view.unmount();
  });
});

describe('during the scan', () => {
  test('shows each stage, devices as they are identified and discovery problems', async () => {
    const eventsUntilChecks = fixtureEvents().findIndex((event) => event.type === 'stage-started' && event.stage === 'checks') + 2;
    let clock = 10_000;
    const view = renderDashboard({ runAudit: fakeAudit({ holdAfter: eventsUntilChecks }), now: () => clock });
    const frame = await view.waitFor('1 login attempts');
    expect(frame).toMatch(/✓ discovery\s+254\/254\s+4\.0 s\s+6 addresses seen/);
    expect(frame).toMatch(/✓ identification\s+6\/6/);
    expect(frame).toMatch(/▸ checks/);
    expect(frame).toMatch(/· advice/);
    expect(frame).toContain('Devices found (6)');
    expect(frame).toMatch(/camera\s+Voordeur\s+127\.40\.0\.12/);
    expect(frame).toContain('! mdns: port 5353 in use');
    expect(frame).toContain('elapsed 0:00');
    clock += 65_000;
    await view.waitFor('elapsed 1:05');
  });

  test('Ctrl-C stops the scan and keeps what was found', async () => {
    const holdAfter = fixtureEvents().findIndex((event) => event.type === 'stage-started' && event.stage === 'checks');
    const audit = fakeAudit({ holdAfter });
    const view = renderDashboard({ runAudit: audit });
    await view.waitFor('Devices found (6)');
    await view.press(KEYS.ctrlC);
    const frame = await view.waitFor('Scan stopped');
    expect(audit.signal?.aborted).toBe(true);
    expect(tableNames(frame)).toHaveLength(6);
    // The checks never ran: no device is shown as clean.
    expect(frame).toContain('? not checked');
    expect(frame).not.toContain('✓ none');
    expect(frame).toContain('"not checked" is no all-clear');
    await view.press('q');
    await vi.waitFor(() => expect(view.onExit).toHaveBeenCalled());
    const outcome = view.onExit.mock.calls[0]![0];
    expect(outcome.aborted).toBe(true);
    expect(outcome.result?.devices).toHaveLength(6);
  });

  test('a scan that fails says why', async () => {
    const view = renderDashboard({ runAudit: fakeAudit({ holdAfter: 2, fail: new Error('no interface in scope') }) });
    await view.waitFor('The scan failed: Error: no interface in scope');
  });
});

describe('after the scan', () => {
  test('the device table lists the worst risk first', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    expect(tableNames(view.frame())).toEqual(['Voordeur', 'fritz.box', 'Wasmachine', 'Opslag', 'EvilCam', 'Keuken']);
    expect(view.frame()).toMatch(/› !!! critical camera\s+Voordeur\s+Hikvision DS-2/);
  });

  test('problems of discovery sources and checks stay listed under the table', async () => {
    const base = makeResult();
    const result = makeResult({ stats: { ...base.stats, sourceProblems: [{ source: 'ssdp', message: 'no multicast interface in scope' }], checkProblems: ['remote-access on dev-router: timed out'] } });
    const view = renderDashboard({ runAudit: fakeAudit({ result }) });
    await waitForResults(view);
    const frame = await view.waitFor('Not everything worked during the scan');
    expect(frame).toContain('! ssdp: no multicast interface in scope');
    expect(frame).toContain('! remote-access on dev-router: timed out');
  });

  test('down and Enter open the second device; Esc returns to the table', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    await view.press(KEYS.down);
    await view.waitFor('› !! high');
    await view.press(KEYS.enter);
    const detail = await view.waitFor('What is wrong');
    // What is wrong and what to do come first; what it is and the evidence below.
    expect(detail.indexOf('What is wrong (1)')).toBeLessThan(detail.indexOf('What to do'));
    expect(detail.indexOf('What to do')).toBeLessThan(detail.indexOf('What it is'));
    expect(detail).toContain('FRITZ!Box 7590');
    expect(detail).toContain('Port 8080 is open to the internet through UPnP');
    expect(detail).toContain('Turn off UPnP on the router.');
    await view.press(KEYS.pageDown);
    const below = await view.waitFor('How we know');
    expect(below).toContain('UPnP mapping TCP 8080');
    await view.press(KEYS.escape);
    await view.waitFor('worst finding');
  });

  test('Tab goes to the household advice, top three first, then by phase', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    await view.press(KEYS.tab);
    const frame = await view.waitFor('Do these first');
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((row) => row.includes(text));
    expect(at('1. Change the camera password now.')).toBeLessThan(at('2. Turn off UPnP'));
    expect(at('2. Turn off UPnP')).toBeLessThan(at('3. Turn on two-step'));
    expect(at('3. Turn on two-step')).toBeLessThan(at('Buying'));
    expect(at('Buying')).toBeLessThan(at('Installing'));
    await view.press(KEYS.tab);
    await view.waitFor('filter:');
    await view.press(KEYS.shiftTab);
    await view.waitFor('Do these first');
  });

  test('1-5 filter the findings by severity and f cycles', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    await view.press('2');
    let frame = await view.waitFor('fritz.box: Port 8080');
    expect(frame).not.toContain('Voordeur: The factory password');
    await view.press('f');
    frame = await view.waitFor('Wasmachine: Turn on two-step');
    expect(frame).not.toContain('fritz.box: Port 8080');
    await view.press('0');
    frame = await view.waitFor('Voordeur: The factory password');
    expect(frame).toContain('Opslag: Firmware is not the latest');
  });

  test('l switches every text to Dutch and back', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    await view.press('l');
    const dutch = await view.waitFor('ergste probleem');
    expect(dutch).toContain('Fabriekslogin werkt');
    expect(dutch).toContain('kritiek');
    expect(dutch).toContain('Apparaten');
    expect(dutch).not.toContain('worst finding');
    await view.press('l');
    await view.waitFor('worst finding');
  });

  test('? shows the keys and Esc closes them', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    await view.press('?');
    const help = await view.waitFor('Keys');
    expect(help).toContain('filter findings by severity');
    await view.press(KEYS.escape);
    await view.waitFor('worst finding');
  });

  test('e writes the reports through the injected writer and says where', async () => {
    const writeReports = vi.fn(async (_result: AuditResult, request: { html?: string; markdown?: string }) => [request.html!, request.markdown!]);
    const view = renderDashboard({ writeReports, reportPaths: { html: '/tmp/huis.html', markdown: '/tmp/huis.md' } });
    await waitForResults(view);
    await view.press('l');
    await view.waitFor('ergste probleem');
    await view.press('e');
    await view.waitFor('Rapport geschreven: /tmp/huis.html, /tmp/huis.md');
    expect(writeReports).toHaveBeenCalledTimes(1);
    expect(writeReports.mock.calls[0]![1]).toEqual({ html: '/tmp/huis.html', markdown: '/tmp/huis.md', lang: 'nl' });
    expect(writeReports.mock.calls[0]![0].devices).toHaveLength(6);
  });

  test('a failing writer is reported, not fatal', async () => {
    const writeReports = vi.fn(async () => {
      throw new Error('EACCES: /root/report.html');
    });
    const view = renderDashboard({ writeReports });
    await waitForResults(view);
    await view.press('e');
    await view.waitFor('Could not write the report: EACCES: /root/report.html');
  });

  test('a in the detail view asks, y records the MFA answer, u takes it back', async () => {
    const saveAnswer = vi.fn(async (deviceId: string, questionId: string, value: string | boolean | null) =>
      makeResult({
        findings: findings.map((finding) =>
          finding.deviceId === deviceId && finding.check === 'missing-mfa' && value !== null ? { ...finding, settledBy: `answer: ${questionId} = yes` } : finding,
        ),
      }),
    );
    const view = renderDashboard({ saveAnswer });
    await waitForResults(view);
    await view.press(KEYS.down);
    await view.press(KEYS.down);
    await view.waitFor('› ! medium');
    await view.press(KEYS.enter);
    let frame = await view.waitFor('press a if two-step verification (MFA) is on for this account');
    await view.press('a');
    frame = await view.waitFor('Is it true that two-step verification (MFA) is on for this account?');
    expect(saveAnswer).not.toHaveBeenCalled();
    await view.press('y');
    frame = await view.waitFor('settled: two-step verification is on');
    expect(saveAnswer).toHaveBeenCalledWith('dev-plug', 'mfa-enabled', true);
    expect(frame).toContain('Wasmachine');
    expect(frame).toContain('u: undo');
    expect(frame).not.toContain('press a if');
    await view.press('u');
    frame = await view.waitFor('Answer taken back');
    expect(saveAnswer).toHaveBeenLastCalledWith('dev-plug', 'mfa-enabled', null);
    expect(frame).toContain('press a if');
    await view.press('a');
    await view.press('y');
    await view.waitFor('settled: two-step verification is on');
    await view.press(KEYS.escape);
    frame = await view.waitFor('worst finding');
    // The plug has no open finding left: it moves down the table.
    expect(tableNames(frame).indexOf('Wasmachine')).toBeGreaterThan(tableNames(frame).indexOf('EvilCam'));
  });

  test('a then any key but y saves nothing', async () => {
    const saveAnswer = vi.fn(async () => makeResult());
    const view = renderDashboard({ saveAnswer });
    await waitForResults(view);
    await view.press(KEYS.down);
    await view.press(KEYS.down);
    await view.waitFor('› ! medium');
    await view.press(KEYS.enter);
    await view.waitFor('press a if');
    await view.press('a');
    await view.waitFor('Is it true that');
    await view.press('n');
    await view.waitFor('Nothing saved.');
    expect(saveAnswer).not.toHaveBeenCalled();
  });

  test('a on a device without a question says so and saves nothing', async () => {
    const saveAnswer = vi.fn(async () => makeResult());
    const view = renderDashboard({ saveAnswer });
    await waitForResults(view);
    await view.press(KEYS.enter);
    await view.waitFor('What it is');
    await view.press('a');
    await view.waitFor('Nothing to answer here.');
    expect(saveAnswer).not.toHaveBeenCalled();
  });

  test('without a way to save answers no finding offers to take one', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    await view.press(KEYS.down);
    await view.press(KEYS.down);
    await view.waitFor('› ! medium');
    await view.press(KEYS.enter);
    const frame = await view.waitFor('Turn on two-step verification in the Kasa app');
    expect(frame).toContain('Wasmachine');
    expect(frame).not.toContain('press a if');
  });

  test('q quits with the result', async () => {
    const result = makeResult();
    const view = renderDashboard({ runAudit: fakeAudit({ result }) });
    await waitForResults(view);
    await view.press('q');
    await vi.waitFor(() => expect(view.onExit).toHaveBeenCalledWith({ result, aborted: false }));
  });
});

describe('untrusted text', () => {
  test('hostile device names and banners reach the screen without escape sequences', async () => {
    const view = renderDashboard();
    await waitForResults(view);
    const table = view.frame();
    expect(table).toContain('EvilCam');
    await view.press('5');
    await view.waitFor('EvilCam: Admin page');
    for (let step = 0; step < 4; step += 1) await view.press(KEYS.up);
    const all = [table, view.frame(), ...view.frames].join('\n');
    expect(all).not.toContain('pwned');
    expect(all).not.toContain('\u0007');
    expect(all).not.toContain('\u001B]0;');
    expect(all).not.toContain('\u001B[2J');
  });
});
