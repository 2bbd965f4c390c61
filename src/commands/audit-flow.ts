// What `scan` and `demo` share once the scope is known: run the audit behind the dashboard or a plain
// progress line, keep it in the history, write the reports asked for, and turn findings into an exit code.

import type { AuditEvent, AuditResult, Lang, Scope, Severity } from '../model.js';
import { atOrAbove } from '../model/severity.js';
import type { ScanFlags } from './flags.js';
import { runAudit, type AuditOptions } from '../audit/run-audit.js';
import { loadKnowledge } from '../audit/knowledge.js';
import { knowledgeFreshness, stalenessWarning } from '../knowledge/freshness.js';
import { resolveOverlayDir } from '../knowledge/overlay.js';
import { loadAnswers } from '../audit/answers.js';
import { applyAnswer } from '../audit/apply-answer.js';
import type { Answers } from '../model.js';
import { HistoryStore, resolveDataDir, retentionDays } from '../history/index.js';
import { writeReports, toPlainSummary } from '../report/index.js';
import { TOOL_VERSION } from '../util/version.js';

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });

export interface FlowExtras {
  /** Options for the audit beyond the flags (the demo shortens nothing; tests may). */
  audit?: Partial<Omit<AuditOptions, 'scope' | 'knowledge' | 'login' | 'maxAttempts' | 'answers'>>;
  /** The demo does not keep its scans unless a data directory is named. */
  saveByDefault?: boolean;
  /** Skip the confirm screen (the demo audits our own mock devices). */
  confirmed?: boolean;
}

/** The same test Ink makes: CI or CONTINUOUS_INTEGRATION set to anything but 0/false. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((key) => env[key] !== undefined && env[key] !== '0' && env[key] !== 'false');
}

export function exitCodeFor(result: AuditResult, failOn: Severity | undefined): number {
  if (!failOn) return 0;
  return result.findings.some((f) => !f.settledBy && atOrAbove(f.severity, failOn)) ? 1 : 0;
}

function loginAnnouncement(flags: ScanFlags, lang: Lang): string {
  if (!flags.login) {
    return lang === 'nl'
      ? 'Er worden geen fabriekswachtwoorden geprobeerd (--no-login).'
      : 'No factory passwords will be tried (--no-login).';
  }
  return lang === 'nl'
    ? `Fabriekswachtwoorden worden geprobeerd op gevonden inlogdiensten: hoogstens ${flags.maxAttempts} pogingen per dienst, gespreid, met stoppen bij blokkeer-signalen. Uitzetten: --no-login.`
    : `Factory passwords will be tried on the login services found: at most ${flags.maxAttempts} attempts per service, spread out, stopping at lock-out signs. Switch off with --no-login.`;
}

/** One line per stage on stderr: enough to follow a plain run without polluting stdout. */
function plainProgress(stderr: NodeJS.WriteStream): (event: AuditEvent) => void {
  return (event) => {
    if (event.type === 'stage-finished') stderr.write(`homeaudit: ${event.stage} done in ${(event.ms / 1000).toFixed(1)} s\n`);
    if (event.type === 'source-problem') stderr.write(`homeaudit: ${event.problem.source}: ${event.problem.message}\n`);
  };
}

export async function auditAndReport(scope: Scope, flags: ScanFlags, signal: AbortSignal, io: Io, extras: FlowExtras = {}): Promise<number> {
  const knowledge = loadKnowledge(resolveOverlayDir(flags.knowledge));
  if (knowledge.overlay) {
    io.stderr.write(`homeaudit: knowledge overlay ${knowledge.overlay.dir}: ${knowledge.overlay.entries.length} entries (${knowledge.overlay.entries.join(', ')})\n`);
  }
  const warning = stalenessWarning(knowledgeFreshness(knowledge.asOf, new Date()), flags.lang);
  if (warning) io.stderr.write(`homeaudit: ${warning}\n`);
  // The newest result: the dashboard's answers apply to it.
  let latest: AuditResult | null = null;
  let answers: Answers = flags.answers ? loadAnswers(flags.answers) : {};
  const jsonToStdout = flags.json === true || flags.json === '-';
  // In CI mode Ink draws only the final frame, so a dashboard there could not be followed or used.
  const useDashboard = Boolean(io.stdout.isTTY) && !jsonToStdout && !inCi(process.env);

  const audit = (auditSignal: AbortSignal, onEvent: (e: AuditEvent) => void): Promise<AuditResult> =>
    runAudit(
      { scope, knowledge, login: flags.login, maxAttempts: flags.maxAttempts, answers, ...extras.audit },
      { signal: AbortSignal.any([signal, auditSignal]), onEvent },
    );

  const save = flags.save && (extras.saveByDefault !== false || flags.dataDir !== undefined);
  let store: HistoryStore | undefined;
  let savedId: number | undefined;
  const keep = (result: AuditResult): void => {
    if (!save) return;
    store ??= HistoryStore.open(resolveDataDir(flags.dataDir));
    if (savedId === undefined) {
      savedId = store.save(result, answers);
      store.prune(retentionDays());
    } else {
      store.update(savedId, result, answers);
    }
  };

  let result: AuditResult | null;
  try {
    if (useDashboard) {
      const { runDashboard } = await import('../ui/run-dashboard.js');
      const outcome = await runDashboard({
        plan: { targets: scope.targets, hostsInScope: scope.hosts.length, login: flags.login, maxAttempts: flags.maxAttempts },
        runAudit: async (s, onEvent) => {
          const r = await audit(s, onEvent);
          latest = r;
          keep(r);
          return r;
        },
        lang: flags.lang,
        yes: flags.yes || extras.confirmed === true,
        writeReports: (r, request) => writeReports(r, { ...request, toolVersion: TOOL_VERSION }),
        saveAnswer: async (deviceId, questionId, value) => {
          answers = { ...answers, [deviceId]: { ...answers[deviceId], [questionId]: value } };
          if (!latest) throw new Error('there is no scan result to answer for yet');
          const updated = await applyAnswer(latest, answers, knowledge);
          latest = updated;
          keep(updated);
          return updated;
        },
      });
      result = outcome.result;
    } else {
      io.stderr.write(`homeaudit: scanning ${scope.targets.join(', ')} (${scope.hosts.length} addresses)\n`);
      io.stderr.write(`homeaudit: ${loginAnnouncement(flags, flags.lang)}\n`);
      result = await audit(signal, plainProgress(io.stderr));
      keep(result);
    }
  } finally {
    store?.close();
  }
  if (!result) return 0;

  const written = await writeReports(result, {
    // --json without a file (or "-") sends the JSON report to stdout, through the writer's '-'.
    ...(jsonToStdout ? { json: '-' } : typeof flags.json === 'string' ? { json: flags.json } : {}),
    ...(flags.markdown ? { markdown: flags.markdown } : {}),
    ...(flags.html ? { html: flags.html } : {}),
    lang: flags.lang,
    toolVersion: TOOL_VERSION,
    stdout: io.stdout,
  });
  for (const file of written) if (file !== '-') io.stderr.write(`homeaudit: wrote ${file}\n`);
  if (!jsonToStdout && !useDashboard) io.stdout.write(toPlainSummary(result, flags.lang));
  if (result.aborted) io.stderr.write('homeaudit: stopped early; the report holds what was found until then.\n');
  return exitCodeFor(result, flags.failOn);
}
