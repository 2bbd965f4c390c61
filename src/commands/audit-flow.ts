// What `scan` and `demo` share once the scope is known: run the audit behind the dashboard or a plain
// progress line, keep it in the history, write the reports asked for, and turn findings into an exit code.

import type { AuditEvent, AuditResult, Lang, Scope } from '../model.js';
import { exitCodeFor, stoppedExitCode } from './exit-codes.js';
import { flowText, stageName } from './flow-text.js';
import type { ScanFlags } from './flags.js';
import { runAudit, type AuditOptions } from '../audit/run-audit.js';
import { loadKnowledge } from '../audit/knowledge.js';
import { knowledgeFreshness, stalenessWarning } from '../knowledge/freshness.js';
import { resolveOverlayDir } from '../knowledge/overlay.js';
import { answersById, loadAnswersFile, unmatchedAnswerWarnings } from '../audit/answers.js';
import { answersInForce, type SessionAnswer } from '../audit/carried-answers.js';
import { deviceKey } from '../audit/device-key.js';
import { applyAnswer } from '../audit/apply-answer.js';
import type { Answers } from '../model.js';
import { HistoryStore, resolveDataDir, retentionDays } from '../history/index.js';
import { assertReportTargets, writeReports, toPlainSummary } from '../report/index.js';
import { TOOL_VERSION } from '../util/version.js';
import { writeRecord } from '../mocks/record/recorder.js';
import { startProbeRecorder } from './record-probes.js';

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

export { exitCodeFor };

function loginAnnouncement(flags: ScanFlags, lang: Lang): string {
  if (!flags.login) {
    return lang === 'nl'
      ? 'Er worden geen fabriekswachtwoorden geprobeerd (--no-login).'
      : 'No factory passwords will be tried (--no-login).';
  }
  return lang === 'nl'
    ? `Fabriekswachtwoorden worden geprobeerd op gevonden inlogdiensten: hoogstens ${flags.maxAttempts} pogingen per dienst, gespreid, met stoppen bij blokkeer-signalen. Werkt een fabriekswachtwoord op de webbeheerpagina, dan wordt daarmee alleen de firmwareversie gelezen (alleen lezen, niets ingevuld of veranderd). Uitzetten: --no-login.`
    : `Factory passwords will be tried on the login services found: at most ${flags.maxAttempts} attempts per service, spread out, stopping at lock-out signs. Where a factory password opens the web admin, it is used only to read the firmware version (read-only, nothing submitted or changed). Switch off with --no-login.`;
}

/** One line per stage on stderr: enough to follow a plain run without polluting stdout. */
function plainProgress(stderr: NodeJS.WriteStream, lang: Lang): (event: AuditEvent) => void {
  return (event) => {
    if (event.type === 'stage-finished') {
      stderr.write(`homeaudit: ${flowText(lang, 'stageDone', { stage: stageName(lang, event.stage), secs: (event.ms / 1000).toFixed(1) })}\n`);
    }
    if (event.type === 'source-problem') stderr.write(`homeaudit: ${event.problem.source}: ${event.problem.message}\n`);
  };
}

export async function auditAndReport(scope: Scope, flags: ScanFlags, signal: AbortSignal, io: Io, extras: FlowExtras = {}): Promise<number> {
  const knowledge = loadKnowledge(resolveOverlayDir(flags.knowledge));
  // A report that cannot be written fails now, naming the path the user gave, not after the scan.
  // The record file is checked the same way: its flag name keys the message (--record FILE: ...).
  const recordTarget = (flags.record ? { record: flags.record } : {}) as Record<string, never>;
  assertReportTargets({ json: typeof flags.json === 'string' && flags.json !== '-' ? flags.json : undefined, markdown: flags.markdown, html: flags.html, ...recordTarget });
  if (knowledge.overlay) {
    io.stderr.write(`homeaudit: knowledge overlay ${knowledge.overlay.dir}: ${knowledge.overlay.entries.length} entries (${knowledge.overlay.entries.join(', ')})\n`);
  }
  const warning = stalenessWarning(knowledgeFreshness(knowledge.asOf, new Date()), flags.lang);
  if (warning) io.stderr.write(`homeaudit: ${warning}\n`);
  const answersFile = flags.answers ? loadAnswersFile(flags.answers, Object.keys(knowledge.advice.labels.answers)) : null;
  const fileAt = new Date().toISOString();
  const session: SessionAnswer[] = [];
  // The newest result: the dashboard's answers apply to it.
  let latest: AuditResult | null = null;
  let answers: Answers = answersFile?.answers ?? {};
  const jsonToStdout = flags.json === true || flags.json === '-';
  // In CI mode Ink draws only the final frame, so a dashboard there could not be followed or used.
  const useDashboard = Boolean(io.stdout.isTTY) && !jsonToStdout && !inCi(process.env);

  const save = flags.save && (extras.saveByDefault !== false || flags.dataDir !== undefined);
  const store: HistoryStore | undefined = save ? HistoryStore.open(resolveDataDir(flags.dataDir)) : undefined;
  const remembered = store?.rememberedAnswers() ?? [];

  /** Applies every answer in force (remembered, file, dashboard) and notes when each was given. */
  const withAnswers = async (raw: AuditResult): Promise<AuditResult> => {
    const inForce = answersInForce(raw.devices, { remembered, file: answersFile?.answers ?? {}, fileAt, session });
    answers = inForce.answers;
    const updated = Object.keys(inForce.answers).length > 0 || session.length > 0 ? await applyAnswer(raw, inForce.answers, knowledge) : raw;
    return { ...updated, answeredAt: inForce.answeredAt };
  };

  // --record: the version probes' answers are kept, so the fleet written afterwards serves them too.
  const recorder = flags.record ? startProbeRecorder() : undefined;
  const audit = async (auditSignal: AbortSignal, onEvent: (e: AuditEvent) => void): Promise<AuditResult> => {
    const raw = await runAudit(
      { scope, knowledge, login: flags.login, maxAttempts: flags.maxAttempts, answers, ...extras.audit, ...(recorder ? { versionProbeTransports: recorder.transports } : {}) },
      { signal: AbortSignal.any([signal, auditSignal]), onEvent },
    );
    return withAnswers(raw);
  };

  const writtenFromDashboard: string[] = [];
  let savedId: number | undefined;
  const keep = (result: AuditResult): void => {
    if (!store) return;
    if (savedId === undefined) {
      savedId = store.save(result, answers);
      store.prune(retentionDays());
      // Answers from the file are remembered for the next scan of the same devices.
      for (const [deviceId, questions] of Object.entries(answersById(answersFile?.answers ?? {}, result.devices))) {
        const device = result.devices.find((d) => d.id === deviceId);
        const key = device ? deviceKey(device) : null;
        if (!key) continue;
        for (const [question, value] of Object.entries(questions)) store.rememberAnswer({ deviceKey: key, question, value, answeredAt: fileAt });
      }
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
        writeReports: async (r, request) => {
          const paths = await writeReports(r, { ...request, toolVersion: TOOL_VERSION });
          writtenFromDashboard.push(...paths);
          return paths;
        },
        saveAnswer: async (deviceId, questionId, value) => {
          if (!latest) throw new Error('there is no scan result to answer for yet');
          const at = new Date().toISOString();
          session.push({ deviceId, question: questionId, value, at });
          const device = latest.devices.find((d) => d.id === deviceId);
          const key = device ? deviceKey(device) : null;
          if (store && key) {
            if (value === null) store.forgetAnswer(key, questionId);
            else store.rememberAnswer({ deviceKey: key, question: questionId, value, answeredAt: at });
          }
          const updated = await withAnswers(latest);
          latest = updated;
          keep(updated);
          return updated;
        },
      });
      result = outcome.result;
      // The dashboard's screen is gone once it quits: what `e` wrote stays on the terminal.
      for (const file of new Set(writtenFromDashboard)) io.stderr.write(`homeaudit: ${flowText(flags.lang, 'wrote', { file })}\n`);
    } else {
      io.stderr.write(`homeaudit: ${flowText(flags.lang, 'scanning', { targets: scope.targets.join(', '), hosts: scope.hosts.length })}\n`);
      io.stderr.write(`homeaudit: ${loginAnnouncement(flags, flags.lang)}\n`);
      result = await audit(signal, plainProgress(io.stderr, flags.lang));
      keep(result);
    }
  } finally {
    store?.close();
    await recorder?.close();
  }
  // No result: the confirmation was cancelled (or the scan stopped before it produced one).
  if (!result) return stoppedExitCode(signal);
  for (const warning of answersFile ? unmatchedAnswerWarnings(answersFile, result.devices) : []) io.stderr.write(`homeaudit: ${warning}\n`);

  const written = await writeReports(result, {
    // --json without a file (or "-") sends the JSON report to stdout, through the writer's '-'.
    ...(jsonToStdout ? { json: '-' } : typeof flags.json === 'string' ? { json: flags.json } : {}),
    ...(flags.markdown ? { markdown: flags.markdown } : {}),
    ...(flags.html ? { html: flags.html } : {}),
    lang: flags.lang,
    toolVersion: TOOL_VERSION,
    stdout: io.stdout,
  });
  for (const file of written) if (file !== '-') io.stderr.write(`homeaudit: ${flowText(flags.lang, 'wrote', { file })}\n`);
  if (recorder && flags.record) {
    await writeRecord(flags.record, result, recorder.pages, signal);
    io.stderr.write(`homeaudit: ${flowText(flags.lang, 'wrote', { file: flags.record })}\n`);
  }
  if (!jsonToStdout && !useDashboard) io.stdout.write(toPlainSummary(result, flags.lang));
  if (result.aborted) io.stderr.write(`homeaudit: ${flowText(flags.lang, 'stopped')}\n`);
  else if (result.devices.length === 0) io.stderr.write(`homeaudit: ${flowText(flags.lang, 'nothingAnswered')}\n`);
  return exitCodeFor(result, flags.failOn, signal);
}
