// Which key does what, as a pure function of the key and where the user is. The dashboard runs the
// command; tests can check the mapping without a terminal.

import type { ScanPhase } from './scan-state.js';
import { SEVERITIES } from '../model.js';
import type { View, ViewAction } from './view-state.js';

/** The parts of ink's Key the dashboard reads. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  ctrl?: boolean;
}

export type Command =
  | { type: 'confirm' }
  | { type: 'cancel' }
  | { type: 'stop-scan' }
  | { type: 'quit' }
  | { type: 'export' }
  | { type: 'answer' }
  | { type: 'answer-confirmed' }
  | { type: 'answer-cancelled' }
  | { type: 'undo-answer' }
  | { type: 'view'; action: ViewAction };

export interface KeyContext {
  phase: ScanPhase;
  /** The result screens are showing (the scan ended and left something to show). */
  results: boolean;
  view: View;
  deviceCount: number;
  /** The last first-row the current scrolling view can take. */
  maxScroll: number;
  pageSize: number;
  /** An answer waits for y (save) or any other key (do not save). */
  confirmingAnswer?: boolean;
}

const view = (action: ViewAction): Command => ({ type: 'view', action });

function resultCommand(input: string, key: KeyPress, context: KeyContext): Command | null {
  const { view: current, deviceCount, maxScroll, pageSize } = context;
  if (context.confirmingAnswer) return input === 'y' || input === 'j' || key.return ? { type: 'answer-confirmed' } : { type: 'answer-cancelled' };
  if (input === 'q' || (key.ctrl && input === 'c')) return { type: 'quit' };
  if (input === '?') return view({ type: 'toggle-help' });
  if (input === 'l') return view({ type: 'toggle-lang' });
  if (key.escape) return view({ type: 'back' });
  if (current === 'help') return null;
  if (key.tab) return view({ type: key.shift ? 'previous-view' : 'next-view' });
  if (input === 'e') return { type: 'export' };
  if (input === 'f') return view({ type: 'cycle-filter' });
  if (input === '0') return view({ type: 'set-filter', severity: null });
  const severity = /^[1-5]$/.test(input) ? SEVERITIES[Number(input) - 1] : undefined;
  if (severity) return view({ type: 'set-filter', severity });
  if (input === 'a' && current === 'detail') return { type: 'answer' };
  if (input === 'u' && current === 'detail') return { type: 'undo-answer' };
  const up = key.upArrow || input === 'k';
  const down = key.downArrow || input === 'j';
  if (current === 'devices') {
    if (up || down) return view({ type: 'move', delta: up ? -1 : 1, count: deviceCount });
    if (key.pageUp || key.pageDown) return view({ type: 'move', delta: key.pageUp ? -pageSize : pageSize, count: deviceCount });
    if (key.return) return view({ type: 'open-detail', count: deviceCount });
    return null;
  }
  if (up || down) return view({ type: 'scroll', delta: up ? -1 : 1, max: maxScroll });
  if (key.pageUp || key.pageDown) return view({ type: 'scroll', delta: key.pageUp ? -pageSize : pageSize, max: maxScroll });
  return null;
}

export function commandForKey(input: string, key: KeyPress, context: KeyContext): Command | null {
  const ctrlC = Boolean(key.ctrl) && input === 'c';
  if (context.results) return resultCommand(input, key, context);
  switch (context.phase) {
    case 'confirm':
      if (key.return || input === 'y') return { type: 'confirm' };
      if (input === 'n' || input === 'q' || key.escape || ctrlC) return { type: 'cancel' };
      if (input === 'l') return view({ type: 'toggle-lang' });
      return null;
    case 'running':
      if (ctrlC || input === 'q') return { type: 'stop-scan' };
      if (input === 'l') return view({ type: 'toggle-lang' });
      return null;
    case 'stopping':
      // A second Ctrl-C while the scan winds down leaves at once.
      return ctrlC || input === 'q' ? { type: 'quit' } : null;
    default:
      return ctrlC || input === 'q' || key.return || key.escape ? { type: 'quit' } : null;
  }
}
