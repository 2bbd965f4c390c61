// Where the user is in the result screens: a pure reducer over navigation actions. The scan's own
// state lives in scan-state.ts; this one only knows views, selection, scrolling, filter and language.

import { SEVERITIES, type Lang, type Severity } from '../model.js';
import type { UiKey } from './strings.js';

export const RESULT_VIEWS = ['devices', 'advice', 'findings'] as const;
export type ResultView = (typeof RESULT_VIEWS)[number];
export type View = ResultView | 'detail' | 'help';

export interface Notice {
  key: UiKey;
  params?: Record<string, string | number>;
  tone: 'info' | 'error';
}

export interface ViewState {
  view: View;
  /** Where Esc returns to from the detail or help view. */
  back: View;
  /** Index into the risk-sorted device list. */
  selected: number;
  /** First visible row of a scrolling view. */
  scroll: number;
  filter: Severity | null;
  lang: Lang;
  notice: Notice | null;
  /** `a` was pressed: the answer is saved only after y. */
  confirmingAnswer: boolean;
}

export type ViewAction =
  | { type: 'next-view' }
  | { type: 'previous-view' }
  | { type: 'show'; view: ResultView }
  | { type: 'move'; delta: number; count: number }
  | { type: 'select'; index: number; count: number }
  | { type: 'scroll'; delta: number; max: number }
  | { type: 'open-detail'; count: number }
  | { type: 'back' }
  | { type: 'toggle-help' }
  | { type: 'toggle-lang' }
  | { type: 'set-filter'; severity: Severity | null }
  | { type: 'cycle-filter' }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'confirm-answer'; asking: boolean; notice: Notice | null };

export function initialViewState(lang: Lang): ViewState {
  return { view: 'devices', back: 'devices', selected: 0, scroll: 0, filter: null, lang, notice: null, confirmingAnswer: false };
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

function resultViewOf(state: ViewState): ResultView {
  if (state.view === 'detail') return 'devices';
  if (state.view === 'help') return state.back === 'detail' || state.back === 'help' ? 'devices' : state.back;
  return state.view;
}

function stepView(state: ViewState, step: 1 | -1): ViewState {
  const index = RESULT_VIEWS.indexOf(resultViewOf(state));
  const next = RESULT_VIEWS[(index + step + RESULT_VIEWS.length) % RESULT_VIEWS.length] ?? 'devices';
  return { ...state, view: next, back: next, scroll: 0 };
}

function nextFilter(current: Severity | null): Severity | null {
  if (current === null) return SEVERITIES[0];
  const index = SEVERITIES.indexOf(current);
  return index === SEVERITIES.length - 1 ? null : (SEVERITIES[index + 1] ?? null);
}

/** Moving to another screen clears the last notice: it belonged to what the user did there. */
const SCREEN_CHANGES = new Set<ViewAction['type']>(['next-view', 'previous-view', 'show', 'open-detail', 'back', 'toggle-help', 'set-filter', 'cycle-filter']);

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  const next = reduceView(state, action);
  return SCREEN_CHANGES.has(action.type) && next.notice !== null ? { ...next, notice: null } : next;
}

function reduceView(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'next-view':
      return stepView(state, 1);
    case 'previous-view':
      return stepView(state, -1);
    case 'show':
      return { ...state, view: action.view, back: action.view, scroll: 0 };
    case 'move':
      return { ...state, selected: clamp(state.selected + action.delta, 0, action.count - 1) };
    case 'select':
      return { ...state, selected: clamp(action.index, 0, action.count - 1) };
    case 'scroll':
      return { ...state, scroll: clamp(state.scroll + action.delta, 0, action.max) };
    case 'open-detail':
      if (state.view !== 'devices' || action.count === 0) return state;
      return { ...state, view: 'detail', back: 'devices', scroll: 0, selected: clamp(state.selected, 0, action.count - 1) };
    case 'back':
      if (state.view === 'help') return { ...state, view: state.back, scroll: 0 };
      if (state.view === 'detail') return { ...state, view: 'devices', back: 'devices', scroll: 0 };
      return state;
    case 'toggle-help':
      return state.view === 'help'
        ? { ...state, view: state.back, scroll: 0 }
        : { ...state, view: 'help', back: state.view, scroll: 0 };
    case 'toggle-lang':
      return { ...state, lang: state.lang === 'nl' ? 'en' : 'nl' };
    case 'set-filter':
      return { ...state, filter: action.severity, view: 'findings', back: 'findings', scroll: 0 };
    case 'cycle-filter':
      return { ...state, filter: nextFilter(state.filter), view: 'findings', back: 'findings', scroll: 0 };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'confirm-answer':
      return { ...state, confirmingAnswer: action.asking, notice: action.notice };
  }
}
