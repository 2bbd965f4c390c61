// What the dashboard is handed by the command that starts it: the scan plan to confirm, the audit to
// run, and the writers it may call. It imports no pipeline stage itself.

import type { AuditEvent, AuditResult, CheckId, Lang, Text } from '../model.js';
import type { Palette } from './palette.js';

/** What the user confirms before anything is contacted. */
export interface ScanPlan {
  targets: string[];
  hostsInScope: number;
  /** Factory passwords will be tried (false with --no-login). */
  login: boolean;
  /** Login attempts per service, at most. */
  maxAttempts: number;
}

export type RunAudit = (signal: AbortSignal, onEvent: (event: AuditEvent) => void) => Promise<AuditResult>;

export interface ReportRequest {
  html?: string;
  markdown?: string;
  lang: Lang;
}

/** Writes the reports asked for and returns the paths written. */
export type WriteReports = (result: AuditResult, request: ReportRequest) => Promise<string[]>;

/** Records the user's answer (null takes it back), re-runs what depends on it and returns the updated result. */
export type SaveAnswer = (deviceId: string, questionId: string, value: string | boolean | null) => Promise<AuditResult>;

/** A finding the user can settle by telling us what the network cannot show. */
export interface AnswerableQuestion {
  check: CheckId;
  questionId: string;
  /** The value recorded when the user confirms. */
  value: string | boolean;
  /** What the user confirms, e.g. "MFA is on for this account". */
  prompt: Text;
}

export interface DashboardProps {
  plan: ScanPlan;
  runAudit: RunAudit;
  lang: Lang;
  /** Start without asking (--yes). */
  yes?: boolean;
  writeReports?: WriteReports;
  /** Where `e` writes the reports; defaults to homeaudit-report.html / .md in the working directory. */
  reportPaths?: { html?: string; markdown?: string };
  saveAnswer?: SaveAnswer;
  /** Defaults to the questions in questions.ts. */
  questions?: AnswerableQuestion[];
  /** Colour on (default: on unless NO_COLOR is set). */
  colour?: boolean;
  /** Which colours reach the terminal (default: the terminal's own; runDashboard decides from TERM). */
  palette?: Palette;
  /** Clock for elapsed time, ms; injectable for tests. */
  now?: () => number;
}

export interface DashboardOutcome {
  /** The final result (with any answers applied), or null when the scan never finished. */
  result: AuditResult | null;
  /** True when the user cancelled before the scan or stopped it part-way. */
  aborted: boolean;
}
