import { afterEach, expect, test, vi } from 'vitest';

// Colour output must be on in this file, or a colourless frame would prove nothing.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '3';
});

import { cleanup } from 'ink-testing-library';
import { paletteFor } from '../../src/ui/palette.js';
import { colourWanted } from '../../src/ui/run-dashboard.js';
import { renderDashboard, waitForResults } from './render-helpers.js';

afterEach(() => cleanup());

const FOREGROUND_COLOUR = /\u001B\[(?:3[0-7]|9[0-7]|38;[25];[\d;]+)m/;

test('NO_COLOR set and not empty turns colour off', () => {
  expect(colourWanted({ NO_COLOR: '1' })).toBe(false);
  expect(colourWanted({})).toBe(true);
  expect(colourWanted({ NO_COLOR: '' })).toBe(true);
});

test('with colour, severities are coloured', async () => {
  const view = renderDashboard({ colour: true });
  await waitForResults(view);
  expect(view.frame()).toMatch(FOREGROUND_COLOUR);
});

test('without colour, no colour codes at all and the severity still reads from symbol and label', async () => {
  const view = renderDashboard({ colour: false });
  await waitForResults(view);
  const frame = view.frame();
  expect(frame).not.toMatch(FOREGROUND_COLOUR);
  const plain = frame.replace(/\u001B\[[\d;]*m/g, '');
  expect(plain).toContain('!!! critical');
  expect(plain).toContain('!! high');
  expect(plain).toContain('✓ none');
  // The selected row is marked by a character, not only by inverse video.
  expect(plain).toMatch(/› !!! critical/);
});

test('no white or black text, which one of a light or dark background would swallow', async () => {
  const view = renderDashboard({ colour: true });
  await waitForResults(view);
  const frames = view.frames.join('');
  expect(frames).not.toMatch(/\u001B\[(?:30|37|90|97)m/);
});

test('a 256-colour terminal gets fixed colours that read on light and dark backgrounds', async () => {
  expect(paletteFor({ TERM: 'xterm-256color' })).toBe('fixed');
  expect(paletteFor({ TERM: 'xterm', COLORTERM: 'truecolor' })).toBe('fixed');
  expect(paletteFor({ TERM: 'xterm' })).toBe('terminal');
  expect(paletteFor({})).toBe('terminal');
  const view = renderDashboard({ colour: true, palette: 'fixed' });
  await waitForResults(view);
  const frames = view.frames.join('');
  // Not xterm's pale yellow or cyan, which fade on white; Solarized's yellow (136) for medium instead.
  expect(frames).not.toMatch(/\u001B\[(?:33|36|93|96)m/);
  expect(frames).toContain('\u001B[38;5;136m! medium');
});

test('with the terminal palette the theme\'s own named colours are used', async () => {
  const view = renderDashboard({ colour: true, palette: 'terminal' });
  await waitForResults(view);
  expect(view.frames.join('')).toContain('\u001B[33m! medium');
});
