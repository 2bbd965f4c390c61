// Scan history in an embedded SQLite database. Each scan is written in one transaction (WAL journal),
// so a process killed mid-write leaves either the whole scan or none of it.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditResult, Risk } from '../model.js';
import type { Answers } from '../model.js';
import { worstOpenRisk } from '../model/severity.js';

export class HistoryError extends Error {
  override name = 'HistoryError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface ScanSummary {
  id: number;
  startedAt: string;
  finishedAt: string;
  targets: string[];
  devices: number;
  findings: number;
  worst: Risk;
  aborted: boolean;
}

export interface StoredScan {
  summary: ScanSummary;
  result: AuditResult;
  answers: Answers;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS scans (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    targets     TEXT NOT NULL,
    devices     INTEGER NOT NULL,
    findings    INTEGER NOT NULL,
    worst       TEXT NOT NULL,
    aborted     INTEGER NOT NULL,
    result      TEXT NOT NULL,
    answers     TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX IF NOT EXISTS scans_started ON scans(started_at);
  CREATE TABLE IF NOT EXISTS device_answers (
    device_key  TEXT NOT NULL,
    question    TEXT NOT NULL,
    value       TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (device_key, question)
  );
`;

/** An answer kept for the next scan of the same device (found again by MAC or identity, not address). */
export interface RememberedAnswer {
  deviceKey: string;
  question: string;
  value: string | boolean;
  answeredAt: string;
}

export function worstRisk(result: AuditResult): Risk {
  return worstOpenRisk(result.findings);
}

interface Row {
  id: number;
  started_at: string;
  finished_at: string;
  targets: string;
  devices: number;
  findings: number;
  worst: string;
  aborted: number;
  result?: string;
  answers?: string;
}

/**
 * A scan kept before each attribute had its own confidence showed vendor, model and kind under the one
 * confidence of the identity: read back, each attribute gets that one, as the scan then stated it.
 */
export function withAttributeConfidence(result: AuditResult): AuditResult {
  if (!Array.isArray(result.devices) || result.devices.every((device) => device.identity?.attributes)) return result;
  const devices = result.devices.map((device) => {
    if (!device.identity || device.identity.attributes) return device;
    const { confidence } = device.identity;
    return { ...device, identity: { ...device.identity, attributes: { vendor: confidence, model: confidence, kind: confidence } } };
  });
  return { ...result, devices };
}

function toSummary(row: Row): ScanSummary {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    targets: JSON.parse(row.targets) as string[],
    devices: row.devices,
    findings: row.findings,
    worst: row.worst as Risk,
    aborted: row.aborted === 1,
  };
}

export class HistoryStore {
  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {}

  static open(dataDir: string): HistoryStore {
    const file = join(dataDir, 'history.sqlite');
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(SCHEMA);
      return new HistoryStore(db, file);
    } catch (error) {
      throw new HistoryError(`cannot open the scan history at ${file}: ${(error as Error).message}`, { cause: error });
    }
  }

  save(result: AuditResult, answers: Answers = {}): number {
    const insert = this.db.prepare(
      `INSERT INTO scans (started_at, finished_at, targets, devices, findings, worst, aborted, result, answers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const write = this.db.transaction(() =>
      insert.run(
        result.startedAt,
        result.finishedAt,
        JSON.stringify(result.scope.targets),
        result.devices.length,
        result.findings.length,
        worstRisk(result),
        result.aborted ? 1 : 0,
        JSON.stringify(result),
        JSON.stringify(answers),
      ),
    );
    return Number(write().lastInsertRowid);
  }

  /** Replaces a kept scan's result and answers (the user answered a question after the scan). */
  update(id: number, result: AuditResult, answers: Answers): void {
    const changed = this.db
      .prepare('UPDATE scans SET result = ?, answers = ?, findings = ?, worst = ? WHERE id = ?')
      .run(JSON.stringify(result), JSON.stringify(answers), result.findings.length, worstRisk(result), id);
    if (changed.changes === 0) throw new HistoryError(`no scan with id ${id}`);
  }

  list(): ScanSummary[] {
    const rows = this.db
      .prepare('SELECT id, started_at, finished_at, targets, devices, findings, worst, aborted FROM scans ORDER BY id')
      .all() as Row[];
    return rows.map(toSummary);
  }

  get(id: number): StoredScan {
    const row = this.db.prepare('SELECT * FROM scans WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new HistoryError(`no scan with id ${id} (see: homeaudit history list)`);
    return {
      summary: toSummary(row),
      result: withAttributeConfidence(JSON.parse(row.result ?? '{}') as AuditResult),
      answers: JSON.parse(row.answers ?? '{}') as Answers,
    };
  }

  /** The ids of the newest scans, newest last. */
  latestIds(count: number): number[] {
    const rows = this.db.prepare('SELECT id FROM scans ORDER BY id DESC LIMIT ?').all(count) as Array<{ id: number }>;
    return rows.map((r) => r.id).reverse();
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM scans WHERE id = ?').run(id).changes > 0;
  }

  rememberAnswer(answer: RememberedAnswer): void {
    this.db
      .prepare('INSERT OR REPLACE INTO device_answers (device_key, question, value, answered_at) VALUES (?, ?, ?, ?)')
      .run(answer.deviceKey, answer.question, JSON.stringify(answer.value), answer.answeredAt);
  }

  forgetAnswer(deviceKey: string, question: string): boolean {
    return this.db.prepare('DELETE FROM device_answers WHERE device_key = ? AND question = ?').run(deviceKey, question).changes > 0;
  }

  rememberedAnswers(): RememberedAnswer[] {
    const rows = this.db.prepare('SELECT device_key, question, value, answered_at FROM device_answers ORDER BY device_key, question').all() as Array<{
      device_key: string;
      question: string;
      value: string;
      answered_at: string;
    }>;
    return rows.map((r) => ({ deviceKey: r.device_key, question: r.question, value: JSON.parse(r.value) as string | boolean, answeredAt: r.answered_at }));
  }

  /** Deletes every kept scan and every remembered answer. */
  purge(): number {
    this.db.prepare('DELETE FROM device_answers').run();
    const removed = this.db.prepare('DELETE FROM scans').run().changes;
    this.db.exec('VACUUM');
    return removed;
  }

  /** Removes scans that started before now minus `days`. */
  prune(days: number, now: Date = new Date()): number {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM scans WHERE started_at < ?').run(cutoff).changes;
  }

  integrityOk(): boolean {
    return (this.db.pragma('integrity_check', { simple: true }) as string) === 'ok';
  }

  close(): void {
    this.db.close();
  }
}
