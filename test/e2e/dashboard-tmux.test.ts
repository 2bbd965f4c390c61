// The dashboard in a real terminal: tmux runs the built demo (mock home fleet + scan) in a detached
// pane of a fixed size; send-keys walks to the Hikvision camera and its advice, capture-pane reads what
// a person would see. Needs `npm run build` first (npm test does it) and tmux.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cleanTerminalEnv, TmuxPane, tmuxUnavailableReason } from './tmux-pane.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/bin.js');
const SOCKET = `homeaudit-e2e-${process.pid}`;
const unavailable = tmuxUnavailableReason() ?? (existsSync(BIN) ? null : `${BIN} is missing: run npm run build first`);
if (unavailable) console.warn(`dashboard-tmux: skipped: ${unavailable}`);

const home = mkdtempSync(join(tmpdir(), 'homeaudit-e2e-'));
const panes: TmuxPane[] = [];

afterAll(() => {
  for (const pane of panes) pane.killServer();
  rmSync(home, { recursive: true, force: true });
});

/** The demo on its own loopback range, then the exit code, then a pause so the pane stays readable. */
// In a folder of its own: `e` writes its reports into the working directory.
function startDemo(session: string, range: string, columns: number, rows: number): TmuxPane {
  const command = `TERM=xterm-256color node ${JSON.stringify(BIN)} demo --range ${range} --lang en --no-save; echo EXIT=$?; exec sleep 120`;
  const cwd = mkdtempSync(join(home, `${session}-`));
  const pane = TmuxPane.start({ socket: SOCKET, session, columns, rows, cwd, command, env: cleanTerminalEnv(home) });
  panes.push(pane);
  return pane;
}

const text = (screen: string[]): string => screen.join('\n');
const has = (...needles: string[]) => (screen: string[]) => needles.every((needle) => text(screen).includes(needle));
/** The screen without the blank rows below the frame (ink leaves the last terminal row free). */
const framed = (screen: string[]): string[] => {
  const end = screen.findLastIndex((row) => row.trim() !== '');
  return screen.slice(0, end + 1);
};
const keysRow = (screen: string[]): string => framed(screen).at(-1) ?? '';
const positionRow = (screen: string[]): string => framed(screen).at(-2) ?? '';
const selectedRow = (screen: string[]): string => screen.find((row) => row.startsWith('›')) ?? '';
const isDeviceTable = has('risk', 'worst finding', '›');

/** Down until the selected row is the device named `name`; each step waits for the marker to move. */
async function selectDevice(pane: TmuxPane, name: string): Promise<string[]> {
  let screen = pane.capture();
  for (let step = 0; step < 30 && !selectedRow(screen).includes(name); step += 1) {
    const before = screen.findIndex((row) => row.startsWith('›'));
    pane.sendKeys('Down');
    screen = await pane.waitFor('selection move', (now) => now.findIndex((row) => row.startsWith('›')) !== before);
  }
  expect(selectedRow(screen)).toContain(name);
  return screen;
}

/** Page down until `needle` shows (the detail view scrolls by rows). */
async function pageUntil(pane: TmuxPane, needle: string, pages = 12): Promise<string[]> {
  for (let page = 0; page < pages; page += 1) {
    const screen = pane.capture();
    if (text(screen).includes(needle)) return screen;
    const position = positionRow(screen);
    pane.sendKeys('PageDown');
    await pane.waitFor('scroll', (now) => positionRow(now) !== position || text(now).includes(needle), 3_000).catch(() => undefined);
  }
  return pane.waitFor(`"${needle}"`, has(needle), 1_000);
}

/** Every row fits the terminal, the title bar is on top and the keys line at the bottom. */
function expectFramed(screen: string[], columns: number, rows: number): void {
  expect(screen.length).toBeLessThanOrEqual(rows);
  for (const row of screen) expect(Array.from(row).length).toBeLessThanOrEqual(columns);
  expect(screen[0]).toMatch(/^homeaudit\s/);
  expect(keysRow(screen)).toMatch(/q (quit|stop)/);
}

async function quitAndExpectShellBack(pane: TmuxPane): Promise<void> {
  pane.sendKeys('q');
  const after = await pane.waitFor('exit code', has('EXIT='), 15_000);
  expect(text(after)).toContain('EXIT=0');
  // The normal screen is back: the alternate screen is off and the dashboard's frame is gone.
  expect(pane.format('#{alternate_on}')).toBe('0');
  expect(text(after)).toContain('mock fleet "home" is up');
  expect(text(after)).not.toContain('worst finding');
}

describe.skipIf(unavailable !== null)('the dashboard in a real terminal', () => {
  test('80x24: device table, the camera in detail, its advice, Dutch, quit', { timeout: 60_000 }, async () => {
    const pane = startDemo('small', '127.86.1.0/24', 80, 24);
    expect(pane.format('#{pane_width}x#{pane_height}')).toBe('80x24');

    // From the first frame on, the dashboard draws from the top row down.
    const table = await pane.waitFor('device table', isDeviceTable, 45_000);
    expectFramed(table, 80, 24);
    expect(table[0]).toMatch(/\d+ devices, \d+ findings, \d+ s  EN$/);
    // At 80 columns name and vendor/model share the device column.
    expect(table[1]).toMatch(/^ +risk +kind +device +address +worst finding$/);
    // The worst finding says something a person understands: the short title, not a cut-off sentence.
    expect(text(table)).toMatch(/!!! critical +camera +Hikvision camera (·)?… +127\.86\.1\.2 +Factory login works/);
    // A 256-colour terminal gets the fixed colours (critical: 160), never xterm's pale yellow or cyan.
    const styled = pane.captureStyled();
    expect(styled).toMatch(/\u001B\[(?:[\d;]*;)?38;5;160m/);
    expect(styled).not.toMatch(/\u001B\[(?:[\d;]*;)?(?:33|36)m/);
    // The vendor is not repeated in the vendor/model column.
    expect(text(table)).not.toMatch(/\b(\w+) \1\b/);
    expect(text(table)).not.toMatch(/FRITZ!Box 7590 · AVM FRITZ!Box/);

    await selectDevice(pane, 'Hikvision');
    pane.sendKeys('Enter');
    const detail = await pane.waitFor('camera detail', has('What is wrong', 'What to do'));
    expectFramed(detail, 80, 24);
    // What is wrong and what to do open the view; the evidence comes further down.
    expect(text(detail).indexOf('What is wrong')).toBeLessThan(text(detail).indexOf('What to do'));
    expect(detail[1]).toMatch(/^Hikvision camera +!!! critical +camera · Hikvision DS-2CD2042WD-I · 127\.86\.1\.2$/);

    expect(text(detail)).toContain('Factory password works on HTTP Digest (port 80)');
    // The evidence section's heading comes first, its lines below it: page down to the one, then the other.
    const evidence = await pageUntil(pane, 'How we know');
    expectFramed(evidence, 80, 24);
    const finding = await pageUntil(pane, 'accepted admin / 1•••5');
    expect(text(finding)).toMatch(/accepted admin \/ 1•••5/);
    expect(text(finding)).not.toContain('12345');

    pane.sendKeys('l');
    const dutch = await pane.waitFor('Dutch', has('Apparaten', 'l taal'));
    expect(text(dutch)).not.toContain('How we know');
    // The evidence is Dutch too.
    expect(text(await pageUntil(pane, 'accepteerde admin'))).not.toMatch(/accepted admin/);

    pane.sendKeys('Tab');
    const household = await pane.waitFor('advice view', has('Doe dit eerst'));
    expect(household[1]).toBe('Doe dit eerst');
    // Ranked by harm: the NAS whose telnet is reachable from the internet comes first.
    expect(household[2]).toMatch(/^ 1\. De netwerkopslag \(NAS\)/);
    expectFramed(household, 80, 24);

    // What `e` wrote is still named on the terminal once the dashboard's screen is gone.
    pane.sendKeys('e');
    await pane.waitFor('reports written', has('homeaudit-report.html'), 20_000);
    await quitAndExpectShellBack(pane);
    const after = text(pane.capture());
    expect(after).toMatch(/homeaudit: \S+ \S*homeaudit-report\.html/);
    expect(after).toMatch(/homeaudit-report\.md/);
  });

  test('160x48: wider columns, whole names and titles, and it follows a resize', { timeout: 60_000 }, async () => {
    const pane = startDemo('wide', '127.86.2.0/24', 160, 48);
    expect(pane.format('#{pane_width}x#{pane_height}')).toBe('160x48');

    const table = await pane.waitFor('device table', isDeviceTable, 45_000);
    expectFramed(table, 160, 48);
    // Wide enough for whole names, vendor/model and finding titles, and the long keys line.
    expect(text(table)).toMatch(/camera +Hikvision camera +Hikvision DS-2CD2042WD-I +127\.86\.2\.2 +Factory password works on HTTP Digest \(port 80\)/);
    expect(keysRow(table)).toMatch(/Tab.*Enter.*Esc.*q/);
    // At 48 rows every device of the home fleet has its row: as many as the title bar counts.
    const counted = Number(/(\d+) devices/.exec(table[0] ?? '')?.[1]);
    expect(table.filter((row) => /127\.86\.2\.\d+(\s|$)/.test(row))).toHaveLength(counted);

    await selectDevice(pane, 'Hikvision');
    pane.sendKeys('Enter');
    const detail = await pane.waitFor('camera detail', has('What it is', 'What is wrong (', 'Factory password works on HTTP Digest (port 80)'));
    expectFramed(detail, 160, 48);

    pane.sendKeys('Escape');
    await pane.waitFor('device table again', isDeviceTable);
    pane.resize(100, 30);
    const resized = await pane.waitFor('resized frame', (screen) => screen.length <= 30 && /q (quit|stop)/.test(keysRow(screen)) && isDeviceTable(screen));
    expectFramed(resized, 100, 30);
    expect(selectedRow(resized)).toContain('Hikvision');

    await quitAndExpectShellBack(pane);
  });
});
