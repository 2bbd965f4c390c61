// Writes the chosen reports. Each file is written next to its destination and renamed into place,
// so a reader never sees half a report; a failure names the file.

import { randomBytes } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { AuditResult, Lang } from '../model.js';
import type { AdviceKnowledge } from '../advice/types.js';
import { defaultAdviceKnowledge } from '../advice/load.js';
import { TOOL_VERSION } from '../util/version.js';
import { UsageError } from '../util/errors.js';
import { toHtml } from './html.js';
import { toJsonReport } from './json.js';
import { toMarkdown } from './markdown.js';

export class ReportWriteError extends Error {
  override name = 'ReportWriteError';
  constructor(
    readonly file: string,
    readonly format: ReportFormat,
    options?: { cause?: unknown },
  ) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause ?? 'unknown error');
    super(`cannot write the ${format} report to ${file}: ${reason}`, options);
  }
}

export type ReportFormat = 'JSON' | 'Markdown' | 'HTML';

export interface WriteReportsOptions {
  /** A file path, or '-' for stdout. */
  json?: string;
  markdown?: string;
  html?: string;
  lang: Lang;
  toolVersion?: string;
  knowledge?: AdviceKnowledge;
  /** Where '-' goes; default process.stdout. */
  stdout?: { write(chunk: string): unknown };
}

/** Writes the reports asked for, in the order JSON, Markdown, HTML; returns where each went (absolute path, or '-'). */
export async function writeReports(result: AuditResult, options: WriteReportsOptions): Promise<string[]> {
  const knowledge = options.knowledge ?? defaultAdviceKnowledge();
  const jobs: Array<{ format: ReportFormat; target: string; render: () => string }> = [];
  if (options.json !== undefined) {
    const version = options.toolVersion ?? TOOL_VERSION;
    jobs.push({ format: 'JSON', target: options.json, render: () => `${JSON.stringify(toJsonReport(result, { lang: options.lang, toolVersion: version }), null, 2)}\n` });
  }
  if (options.markdown !== undefined) jobs.push({ format: 'Markdown', target: options.markdown, render: () => toMarkdown(result, options.lang, knowledge) });
  if (options.html !== undefined) jobs.push({ format: 'HTML', target: options.html, render: () => toHtml(result, options.lang, knowledge) });

  const written: string[] = [];
  for (const job of jobs) {
    const content = job.render();
    if (job.target === '-') {
      (options.stdout ?? process.stdout).write(content);
      written.push('-');
      continue;
    }
    const path = resolve(job.target);
    await writeAtomically(path, content, job.format);
    written.push(path);
  }
  return written;
}

export class ReportTargetError extends UsageError {
  override name = 'ReportTargetError';
}

/** Checks before a scan that each report can be written: its folder exists and is writable, it is no folder itself. */
export function assertReportTargets(targets: { json?: string | undefined; markdown?: string | undefined; html?: string | undefined }): void {
  const problems: string[] = [];
  for (const [flag, given] of Object.entries(targets)) {
    if (given === undefined || given === '-') continue;
    const path = resolve(given);
    const folder = dirname(path);
    try {
      if (!statSync(folder).isDirectory()) throw new Error('is not a folder');
      accessSync(folder, constants.W_OK);
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${given} is a folder`);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the folder does not exist' : (error as Error).message;
      problems.push(`--${flag} ${given}: cannot write there (${reason}: ${folder})`);
    }
  }
  if (problems.length > 0) throw new ReportTargetError(problems.join('; '));
}

/** Temp file in the same directory (same file system), then rename: the old file or the new, never half. */
export async function writeAtomically(path: string, content: string, format: ReportFormat): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new ReportWriteError(path, format, { cause: error });
  }
}
