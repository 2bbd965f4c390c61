import { afterEach, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderDashboard, waitForResults } from './render-helpers.js';

afterEach(() => cleanup());

type Rendered = ReturnType<typeof renderDashboard>;

function resize(view: Rendered, columns: number, rows: number): void {
  Object.defineProperty(view.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(view.stdout, 'rows', { value: rows, configurable: true });
  view.stdout.emit('resize');
}

function expectFits(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  // One row stays free so ink never has to clear the whole terminal.
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const row of lines) expect(Array.from(row).length).toBeLessThanOrEqual(columns);
}

const screens: Array<[string, string[], string]> = [
  ['device table', [], 'worst finding'],
  ['device detail', [KEYS.enter], 'What it is'],
  ['advice', [KEYS.tab], 'Do these first'],
  ['findings', [KEYS.tab, KEYS.tab], 'filter:'],
  ['help', ['?'], 'Keys'],
];

test.each([
  [80, 24],
  [160, 48],
])('every screen fits a %ix%i terminal', async (columns, rows) => {
  const view = renderDashboard();
  resize(view, columns, rows);
  await waitForResults(view);
  for (const [name, keys, marker] of screens) {
    for (const key of keys) await view.press(key);
    const frame = await view.waitFor(marker);
    expect.soft(frame, name).toContain(marker);
    expectFits(frame, columns, rows);
    await view.press(KEYS.escape);
    if (name === 'advice' || name === 'findings') for (let step = 0; step < 3 - keys.length; step += 1) await view.press(KEYS.tab);
    await view.waitFor('worst finding');
  }
});

test('a resize re-lays the table out to the new width', async () => {
  const view = renderDashboard();
  resize(view, 160, 48);
  await waitForResults(view);
  const wide = await view.waitFor('The factory password works on the web admin');
  expect(wide).toContain('1-5/f filter  l language');
  resize(view, 80, 24);
  const narrow = await view.waitFor(/^.*l lang .*$/m);
  // At 80 columns the worst finding is the short title written for it, not a cut-off sentence.
  expect(narrow).not.toContain('The factory password works on the web admin');
  expect(narrow).toContain('Factory login works');
  expect(narrow).not.toMatch(/[A-Za-z]…\s*$/m);
  expectFits(narrow, 80, 24);
});

test('a long detail view scrolls at 80x24 and shows where it is', async () => {
  const view = renderDashboard();
  resize(view, 80, 12);
  await waitForResults(view);
  await view.press(KEYS.enter);
  const top = await view.waitFor(/1-8\/\d+/);
  expect(top).toContain('What is wrong');
  for (let step = 0; step < 3; step += 1) await view.press(KEYS.down);
  const scrolled = await view.waitFor(/4-11\/\d+/);
  expect(scrolled).not.toContain('What is wrong');
});

test('at 80 columns name and vendor/model share one column; from 100 each has its own', async () => {
  const view = renderDashboard();
  resize(view, 80, 24);
  await waitForResults(view);
  const narrow = await view.waitFor(/ device +address/);
  expect(narrow).not.toContain('vendor/model');
  expect(narrow).toMatch(/camera +Voordeur · Hikvision/);
  // A device known only by vendor and model is not named twice.
  expect(narrow).not.toMatch(/(\w+) · \1/);
  resize(view, 160, 48);
  const wide = await view.waitFor('vendor/model');
  expect(wide).toMatch(/camera +Voordeur +Hikvision DS-2CD2032-I +127\.40\.0\.12/);
});

test('at 80x24 the message after e shows the whole path, wrapped, and the screen still fits', async () => {
  const long = '/home/helpdesk/klanten/familie-de-vries/2026-11-21/homeaudit-rapport-woonkamer-en-zolder.html';
  const writeReports = async () => [long, long.replace(/html$/, 'md')];
  const view = renderDashboard({ writeReports });
  resize(view, 80, 24);
  await waitForResults(view);
  await view.press('e');
  const frame = await view.waitFor('Report written:');
  const flat = frame.split('\n').map((line) => line.trim()).join('');
  expect(flat).toContain(long.replace(/\s/g, ''));
  expect(flat).toContain(long.replace(/html$/, 'md'));
  expectFits(frame, 80, 24);
});
