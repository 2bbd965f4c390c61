// The pipeline in one place: scope → discovery → identification → checks → advice.
// Each stage is plain data in, plain data out; this file only sequences them, times them and
// tells the watcher (dashboard or plain progress) what is happening.

import type { AuditEvent, AuditResult, CheckCoverage, Device, Finding, LoginCoverage, Scope, Stage } from '../model.js';
import { discover } from '../discovery/discover.js';
import type { DiscoverOptionsInput } from '../discovery/options.js';
import { identify, deviceNames, lookupOui } from '../identify/index.js';
import { createProbeTransports, DEFAULT_VERSION_PROBE_CAPS, readFirmwareVersions, type ProbeTransports } from '../identify/version-probes/index.js';
import { LoginLedger } from '../checks/login/ledger.js';
import { runChecks } from '../checks/run-checks.js';
import { CHECKS } from '../checks/registry.js';
import type { Answers } from '../model.js';
import type { Check, CheckContext, CheckOptions } from '../checks/types.js';
import { advise } from '../advice/advise.js';
import { compareByRisk, toDevice, withRisk } from './devices.js';
import { answersById } from './answers.js';
import { trackCoverage } from './coverage.js';
import { ConfirmedLogins, firmwareAfterLogin } from './firmware-after-login.js';
import type { Knowledge } from './knowledge.js';

export interface AuditOptions {
  scope: Scope;
  knowledge: Knowledge;
  /** Try factory passwords (false with --no-login). */
  login: boolean;
  maxAttempts: number;
  answers: Answers;
  discovery?: DiscoverOptionsInput;
  checks?: Partial<Omit<CheckOptions, 'login' | 'maxAttempts'>>;
  /** The registry by default; tests may pass a subset. */
  registry?: readonly Check[];
  now?: () => Date;
  /** The version probes' GET, IPP and SNMP requests; the real ones by default, tests inject them to count. */
  versionProbeTransports?: Partial<ProbeTransports>;
}

export interface AuditHooks {
  signal?: AbortSignal;
  onEvent?: (event: AuditEvent) => void;
}

export const DEFAULT_CHECK_TIMING = { timeoutMs: 3000, attemptSpacingMs: 150 } as const;

export async function runAudit(options: AuditOptions, hooks: AuditHooks = {}): Promise<AuditResult> {
  const signal = hooks.signal ?? new AbortController().signal;
  const onEvent = hooks.onEvent ?? (() => {});
  const now = options.now ?? (() => new Date());
  const started = now();
  const stageMs: Record<string, number> = {};
  let loginAttempts = 0;
  const loginAttemptsByDevice: Record<string, Record<string, number>> = {};
  const loginLedger = new LoginLedger();

  const stage = async <T>(name: Stage, work: () => Promise<T> | T, total?: number): Promise<T> => {
    const t0 = performance.now();
    onEvent({ type: 'stage-started', stage: name, ...(total === undefined ? {} : { total }) });
    const value = await work();
    stageMs[name] = Math.round(performance.now() - t0);
    onEvent({ type: 'stage-finished', stage: name, ms: stageMs[name] });
    return value;
  };

  await stage('scope', () => options.scope, options.scope.hosts.length);

  const discovered = await stage(
    'discovery',
    () => discover(options.scope, { lookupOui, ...options.discovery }, { signal, onEvent }),
    options.scope.hosts.length,
  );

  // Identification is pure and fast: it runs even after an abort, so what was found is kept.
  let devices: Device[] = await stage('identification', () =>
    discovered.hosts.map((facts) => {
      const device = toDevice(facts, identify(facts, options.knowledge.fingerprints), deviceNames(facts));
      onEvent({ type: 'device-identified', device });
      return device;
    }),
  );

  // Firmware no announcement or banner gave: one request per matched probe, on matched devices only.
  let versionProbeRequests = 0;
  const probeRequestsByDevice = new Map<string, number>();
  const countProbeRequest = (deviceId: string): void => {
    versionProbeRequests += 1;
    probeRequestsByDevice.set(deviceId, (probeRequestsByDevice.get(deviceId) ?? 0) + 1);
  };
  const realTransports = createProbeTransports(DEFAULT_VERSION_PROBE_CAPS.timeoutMs);
  const transports: ProbeTransports = { ...realTransports, ...options.versionProbeTransports };
  try {
    if (!signal.aborted && options.knowledge.versionProbes.length > 0) {
      devices = await readFirmwareVersions(devices, options.knowledge.versionProbes, { ...DEFAULT_VERSION_PROBE_CAPS, ...transports, signal, onRequest: countProbeRequest });
    }
  } finally {
    await realTransports.close();
  }

  let findings: Finding[] = [];
  const checkProblems: string[] = [];
  const coverage = trackCoverage(options.registry ?? CHECKS, signal);
  const checksStarted = !signal.aborted;
  // The one point where the login check's outcome is used again: each confirmed factory web password.
  const confirmedLogins = new ConfirmedLogins();
  if (checksStarted) {
    const checkContext: CheckContext = {
      signal,
      knowledge: options.knowledge.checks,
      devices,
      options: { login: options.login, maxAttempts: options.maxAttempts, ...DEFAULT_CHECK_TIMING, ...options.checks },
      answers: answersById(options.answers, devices),
      onLoginAttempt(deviceId, service, port) {
        loginAttempts += 1;
        const perService = (loginAttemptsByDevice[deviceId] ??= {});
        perService[`${service}/${port}`] = (perService[`${service}/${port}`] ?? 0) + 1;
        onEvent({ type: 'login-attempt', deviceId, service, port });
      },
      onNote: (deviceId, message, check = 'default-credentials') => checkProblems.push(`${check} on ${deviceId}: ${message}`),
      loginLedger,
      now,
      ...(options.login ? { onFactoryPasswordConfirmed: confirmedLogins.add } : {}),
    };
    const run = await stage('checks', () => runChecks(devices, coverage.checks, checkContext, onEvent), devices.length);
    findings = run.findings;
    checkProblems.push(...run.problems.map((p) => `${p.check} on ${p.deviceId}: ${p.message}`));
    // Firmware no probe could read without a login, read with the confirmed factory password (GET only).
    if (!signal.aborted && options.login) {
      ({ devices, findings } = await firmwareAfterLogin(devices, findings, confirmedLogins, options.knowledge.versionProbes, {
        ...DEFAULT_VERSION_PROBE_CAPS,
        ...(options.versionProbeTransports?.get ? { get: options.versionProbeTransports.get } : {}),
        signal,
        spentBefore: (deviceId) => probeRequestsByDevice.get(deviceId) ?? 0,
        onRequest: countProbeRequest,
        // A request with the password is a login the device sees: announced and counted as one.
        onLoginUse: (deviceId, kind, port) => checkContext.onLoginAttempt(deviceId, kind, port),
      }, checkContext));
    }
  }

  devices = withRisk(devices, findings).sort(compareByRisk);
  const advice = await stage('advice', () => advise({ devices, findings, finishedAt: now().toISOString() }, options.knowledge.advice));

  const finished = now();
  const result: AuditResult = {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    scope: options.scope,
    devices,
    findings,
    advice,
    stats: {
      durationMs: finished.getTime() - started.getTime(),
      hostsInScope: options.scope.hosts.length,
      hostsResponding: discovered.hosts.length,
      devices: devices.length,
      findings: findings.length,
      loginAttempts,
      versionProbeRequests,
      loginAttemptsByDevice,
      sourceProblems: discovered.problems,
      checkProblems,
      stageMs,
    },
    knowledgeAsOf: options.knowledge.asOf,
    ...(options.knowledge.overlay ? { knowledgeOverlay: options.knowledge.overlay } : {}),
    aborted: signal.aborted,
    loginCoverage: loginLedger.coverage(),
    checkCoverage: withLoginGaps(coverage.of(devices, checksStarted), loginLedger.coverage()),
  };
  onEvent({ type: 'done', result });
  return result;
}

/** A device whose login services were not all tried to the end is not fully checked either. */
function withLoginGaps(checked: Record<string, CheckCoverage>, login: Record<string, LoginCoverage[]>): Record<string, CheckCoverage> {
  return Object.fromEntries(
    Object.entries(checked).map(([id, coverage]) => [id, coverage === 'all' && login[id]?.some((line) => line.reason !== undefined) ? 'partial' : coverage]),
  );
}
