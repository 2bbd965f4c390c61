// The flags each command takes, written once: the CLI parses into them, the commands read them.

import type { Lang, Severity } from '../model.js';
import type { MockFleetChoice } from '../mocks/command.js';

export interface ReportFlags {
  json?: string | true;
  markdown?: string;
  html?: string;
  lang: Lang;
  failOn?: Severity;
}

export interface ScanFlags extends ReportFlags {
  target: string[];
  interface?: string;
  allowLarge: boolean;
  login: boolean;
  maxAttempts: number;
  yes: boolean;
  answers?: string;
  save: boolean;
  dataDir?: string;
  retentionDays?: number;
  /** A knowledge overlay folder merged over the built-in knowledge. */
  knowledge?: string;
  /** Write what every device said as a fleet file (scan only). */
  record?: string;
}

export interface DemoFlags extends ScanFlags {
  fleet?: string;
  range?: string;
}

/** `homeaudit mock [FLEET_FILE] [--generate N] [--range CIDR]`: the mock runner's own choice of fleet. */
export type MockFlags = MockFleetChoice;

/** What `homeaudit history <action>` passes on: its positional arguments and options as commander gives them. */
export type HistoryOptions = Record<string, unknown>;
