// The scan as the dashboard sees it: a pure reducer fed by the pipeline's AuditEvents and by what the
// user does to the scan (confirm, stop). No I/O here: useScan() connects it to the audit.

import { STAGES, type AuditEvent, type AuditResult, type Device, type Finding, type SourceProblem, type Stage } from '../model.js';

export type ScanPhase = 'confirm' | 'running' | 'stopping' | 'done' | 'failed' | 'cancelled';

export interface StageProgress {
  status: 'waiting' | 'running' | 'done';
  done: number;
  total: number | null;
  ms: number | null;
}

export interface ScanState {
  phase: ScanPhase;
  startedAt: number | null;
  finishedAt: number | null;
  stages: Record<Stage, StageProgress>;
  /** Addresses that answered, in the order they were seen. */
  hostsSeen: string[];
  /** Identified devices in arrival order (a later record for the same id replaces the earlier). */
  devices: Device[];
  findings: Finding[];
  problems: SourceProblem[];
  loginAttempts: number;
  result: AuditResult | null;
  error: string | null;
  /** The user stopped the scan, or the result says it was stopped. */
  aborted: boolean;
}

export type ScanAction =
  | { type: 'confirmed'; at: number }
  | { type: 'cancelled' }
  | { type: 'event'; event: AuditEvent }
  | { type: 'stop-requested' }
  | { type: 'finished'; result: AuditResult; at: number }
  | { type: 'failed'; message: string; at: number }
  | { type: 'result-updated'; result: AuditResult };

const waitingStage = (): StageProgress => ({ status: 'waiting', done: 0, total: null, ms: null });

export function initialScanState(): ScanState {
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, waitingStage()])) as Record<Stage, StageProgress>;
  return {
    phase: 'confirm',
    startedAt: null,
    finishedAt: null,
    stages,
    hostsSeen: [],
    devices: [],
    findings: [],
    problems: [],
    loginAttempts: 0,
    result: null,
    error: null,
    aborted: false,
  };
}

const isOver = (phase: ScanPhase): boolean => phase === 'done' || phase === 'failed' || phase === 'cancelled';

function withStage(state: ScanState, stage: Stage, change: Partial<StageProgress>): ScanState {
  return { ...state, stages: { ...state.stages, [stage]: { ...state.stages[stage], ...change } } };
}

function upsertById<T extends { id: string }>(items: T[], item: T): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...items, item];
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function applyResult(state: ScanState, result: AuditResult): ScanState {
  return {
    ...state,
    result,
    devices: result.devices,
    findings: result.findings,
    problems: result.stats.sourceProblems.length > 0 ? result.stats.sourceProblems : state.problems,
    loginAttempts: Math.max(state.loginAttempts, result.stats.loginAttempts),
    aborted: state.aborted || result.aborted,
  };
}

function reduceEvent(state: ScanState, event: AuditEvent): ScanState {
  switch (event.type) {
    case 'stage-started':
      return withStage(state, event.stage, { status: 'running', done: 0, total: event.total ?? null });
    case 'stage-progress':
      return withStage(state, event.stage, { status: 'running', done: event.done, total: event.total });
    case 'stage-finished': {
      const current = state.stages[event.stage];
      return withStage(state, event.stage, { status: 'done', ms: event.ms, done: current.total ?? current.done });
    }
    case 'host-found':
      return state.hostsSeen.includes(event.ip) ? state : { ...state, hostsSeen: [...state.hostsSeen, event.ip] };
    case 'source-problem':
      return { ...state, problems: [...state.problems, event.problem] };
    case 'device-identified':
      return { ...state, devices: upsertById(state.devices, event.device) };
    case 'finding':
      return { ...state, findings: upsertById(state.findings, event.finding) };
    case 'login-attempt':
      return { ...state, loginAttempts: state.loginAttempts + 1 };
    case 'done':
      return applyResult(state, event.result);
  }
}

export function scanReducer(state: ScanState, action: ScanAction): ScanState {
  switch (action.type) {
    case 'confirmed':
      return state.phase === 'confirm' ? { ...state, phase: 'running', startedAt: action.at } : state;
    case 'cancelled':
      return state.phase === 'confirm' ? { ...state, phase: 'cancelled', aborted: true } : state;
    case 'event':
      // Events that arrive after the scan ended (a late source) must not rewrite the outcome.
      return isOver(state.phase) ? state : reduceEvent(state, action.event);
    case 'stop-requested':
      return state.phase === 'running' ? { ...state, phase: 'stopping', aborted: true } : state;
    case 'finished':
      if (isOver(state.phase)) return state;
      return { ...applyResult(state, action.result), phase: 'done', finishedAt: action.at };
    case 'failed':
      if (isOver(state.phase)) return state;
      // A scan stopped by the user that rejects still keeps what it found.
      return state.phase === 'stopping'
        ? { ...state, phase: 'done', finishedAt: action.at }
        : { ...state, phase: 'failed', error: action.message, finishedAt: action.at };
    case 'result-updated':
      return applyResult(state, action.result);
  }
}

/** Whether the result views have something to show: the scan ended with devices or a result. */
export const hasResults = (state: ScanState): boolean => state.phase === 'done' || (state.phase === 'failed' && state.devices.length > 0);
