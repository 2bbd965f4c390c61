import { describe, expect, test } from 'vitest';
import { initialViewState, viewReducer, type ViewAction, type ViewState } from '../../src/ui/view-state.js';
import { commandForKey, type KeyContext } from '../../src/ui/keymap.js';

const run = (actions: ViewAction[], from: ViewState = initialViewState('en')): ViewState => actions.reduce(viewReducer, from);

describe('viewReducer', () => {
  test('Tab cycles devices → advice → findings and back; Shift-Tab goes the other way', () => {
    expect(run([{ type: 'next-view' }]).view).toBe('advice');
    expect(run([{ type: 'next-view' }, { type: 'next-view' }]).view).toBe('findings');
    expect(run([{ type: 'next-view' }, { type: 'next-view' }, { type: 'next-view' }]).view).toBe('devices');
    expect(run([{ type: 'previous-view' }]).view).toBe('findings');
  });

  test('move stays within the device list', () => {
    expect(run([{ type: 'move', delta: 1, count: 3 }]).selected).toBe(1);
    expect(run([{ type: 'move', delta: 10, count: 3 }]).selected).toBe(2);
    expect(run([{ type: 'move', delta: -1, count: 3 }]).selected).toBe(0);
    expect(run([{ type: 'select', index: 7, count: 3 }]).selected).toBe(2);
  });

  test('scroll stays between the top and the last page', () => {
    expect(run([{ type: 'scroll', delta: 5, max: 3 }]).scroll).toBe(3);
    expect(run([{ type: 'scroll', delta: -5, max: 3 }]).scroll).toBe(0);
  });

  test('Enter opens the detail of a device, Esc returns to the table', () => {
    const detail = run([{ type: 'move', delta: 1, count: 3 }, { type: 'open-detail', count: 3 }]);
    expect(detail.view).toBe('detail');
    expect(detail.selected).toBe(1);
    expect(viewReducer(detail, { type: 'back' }).view).toBe('devices');
    expect(run([{ type: 'open-detail', count: 0 }]).view).toBe('devices');
  });

  test('help opens over any view and closes back to it', () => {
    const help = run([{ type: 'next-view' }, { type: 'toggle-help' }]);
    expect(help.view).toBe('help');
    expect(viewReducer(help, { type: 'toggle-help' }).view).toBe('advice');
    expect(viewReducer(help, { type: 'back' }).view).toBe('advice');
  });

  test('l switches the language both ways', () => {
    expect(run([{ type: 'toggle-lang' }]).lang).toBe('nl');
    expect(run([{ type: 'toggle-lang' }, { type: 'toggle-lang' }]).lang).toBe('en');
  });

  test('a severity filter shows the findings view; f cycles through all severities and back to all', () => {
    const high = run([{ type: 'set-filter', severity: 'high' }]);
    expect(high.view).toBe('findings');
    expect(high.filter).toBe('high');
    const cycle: Array<string | null> = [];
    let state = initialViewState('en');
    for (let step = 0; step < 6; step += 1) {
      state = viewReducer(state, { type: 'cycle-filter' });
      cycle.push(state.filter);
    }
    expect(cycle).toEqual(['critical', 'high', 'medium', 'low', 'info', null]);
  });

  test('notices are set and cleared', () => {
    const state = run([{ type: 'notice', notice: { key: 'saved', tone: 'info' } }]);
    expect(state.notice?.key).toBe('saved');
    expect(viewReducer(state, { type: 'notice', notice: null }).notice).toBeNull();
    expect(viewReducer(state, { type: 'next-view' }).notice).toBeNull();
    expect(viewReducer(state, { type: 'move', delta: 1, count: 3 }).notice?.key).toBe('saved');
  });
});

describe('commandForKey', () => {
  const context = (overrides: Partial<KeyContext> = {}): KeyContext => ({
    phase: 'done', results: true, view: 'devices', deviceCount: 4, maxScroll: 10, pageSize: 5, ...overrides,
  });

  test('before the scan: Enter or y confirms, n, q, Esc or Ctrl-C cancels', () => {
    const confirm = context({ phase: 'confirm', results: false });
    expect(commandForKey('', { return: true }, confirm)).toEqual({ type: 'confirm' });
    expect(commandForKey('y', {}, confirm)).toEqual({ type: 'confirm' });
    for (const [input, key] of [['n', {}], ['q', {}], ['', { escape: true }], ['c', { ctrl: true }]] as const) {
      expect(commandForKey(input, key, confirm)).toEqual({ type: 'cancel' });
    }
    expect(commandForKey('j', {}, confirm)).toBeNull();
  });

  test('during the scan Ctrl-C stops it; a second Ctrl-C while stopping quits', () => {
    expect(commandForKey('c', { ctrl: true }, context({ phase: 'running', results: false }))).toEqual({ type: 'stop-scan' });
    expect(commandForKey('c', { ctrl: true }, context({ phase: 'stopping', results: false }))).toEqual({ type: 'quit' });
    expect(commandForKey('', { downArrow: true }, context({ phase: 'running', results: false }))).toBeNull();
  });

  test('in the table arrows and j/k move, in other views they scroll', () => {
    expect(commandForKey('j', {}, context())).toEqual({ type: 'view', action: { type: 'move', delta: 1, count: 4 } });
    expect(commandForKey('', { upArrow: true }, context({ view: 'advice' }))).toEqual({ type: 'view', action: { type: 'scroll', delta: -1, max: 10 } });
    expect(commandForKey('', { pageDown: true }, context({ view: 'detail' }))).toEqual({ type: 'view', action: { type: 'scroll', delta: 5, max: 10 } });
  });

  test('a answers only in the detail view; 1-5 pick a severity; e exports; q quits', () => {
    expect(commandForKey('a', {}, context({ view: 'detail' }))).toEqual({ type: 'answer' });
    expect(commandForKey('a', {}, context())).toBeNull();
    expect(commandForKey('3', {}, context())).toEqual({ type: 'view', action: { type: 'set-filter', severity: 'medium' } });
    expect(commandForKey('e', {}, context())).toEqual({ type: 'export' });
    expect(commandForKey('q', {}, context())).toEqual({ type: 'quit' });
  });

  test('the help view only answers to help, language, Esc and quit', () => {
    expect(commandForKey('', { tab: true }, context({ view: 'help' }))).toBeNull();
    expect(commandForKey('?', {}, context({ view: 'help' }))).toEqual({ type: 'view', action: { type: 'toggle-help' } });
  });
});
