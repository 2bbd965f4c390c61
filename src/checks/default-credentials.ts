// default-credentials: tries a few factory accounts on each login service of a device, and reports a
// login only with proof. Candidates go first; after one works, a random password of the same length
// for the same account must be refused before the factory password is claimed (else the service takes
// any password). Every attempt goes through the device's ledger, which keeps it under the lock-out
// threshold that applies (knowledge/lockout) and writes down what was and was not tried.

import { LOGIN_TRY_ORDER } from '../protocols/table.js';
import type { Device, Finding, Severity } from '../model.js';
import type { Check, CheckContext } from './types.js';
import { etsi, makeFinding, owasp } from './finding.js';
import { maskSecret } from '../util/mask-secret.js';
import { randomToken } from '../protocols/probe/step.js';
import { credentialsFor, isLikelyPair } from '../knowledge/credentials-for.js';
import type { CredentialEntry } from '../knowledge/types.js';
import { loadLoginForms, type LoginForm } from './login/login-forms.js';
import { loginServicesOf, type LoginService } from './login/login-services.js';
import { LockoutWatch } from './login/lockout-watch.js';
import { isRefused, ledgerOf, type LoginContact, type LoginLedger, type ServiceCoverage } from './login/ledger.js';
import { probeMqttAnonymous } from '../protocols/mqtt/login.js';
import { tryServiceLogin, type ServiceLoginProbe } from './login/try-login.js';
import { CUT_OFF, type LoginResult } from '../protocols/probe/types.js';
import { guessesAtOnce, loginLanes, type Lane, type LanePart } from './login/lanes.js';

/** Kinds whose web admin controls the home's network or shows its inside: a factory password there is critical. */
const CRITICAL_WEB_KINDS = new Set(['router', 'access-point', 'camera', 'doorbell', 'baby-monitor', 'nas']);

/** Usernames that mean "anonymous": the anonymous-ftp and mqtt-no-auth checks report those. */
const ANONYMOUS_USERS = /^(anonymous|ftp|)$/i;

/** A decoy for an empty password that worked: long enough that no device has it as a factory password. */
const EMPTY_PASSWORD_DECOY_LENGTH = 8;

export function factoryPasswordSeverity(service: LoginService, device: Pick<Device, 'kind'>): Severity {
  if (service.kind === 'telnet' || service.kind === 'ssh') return 'critical';
  if (service.protocol === 'http' && CRITICAL_WEB_KINDS.has(device.kind)) return 'critical';
  return 'high';
}

export interface DefaultCredentialsDeps {
  probe?: ServiceLoginProbe;
  forms?: LoginForm[];
}

/** A candidate that logged in, waiting for its decoy. */
interface Success {
  service: LoginService;
  candidate: CredentialEntry;
  result: LoginResult;
}

export function contactOf(service: LoginService, device: Device): LoginContact {
  const port = device.facts.ports.find((p) => p.transport === 'tcp' && p.port === service.port);
  const server = port?.http?.headers?.['server'];
  return {
    kind: service.kind,
    protocol: service.protocol,
    port: service.port,
    label: service.label,
    software: [port?.banner, typeof server === 'string' ? server : undefined].filter(Boolean).join(' '),
  };
}

export function createDefaultCredentialsCheck(deps: DefaultCredentialsDeps = {}): Check {
  const probe = deps.probe ?? tryServiceLogin;
  let forms = deps.forms;
  return {
    id: 'default-credentials',
    description: 'Tries a few factory passwords on each login service (skipped with --no-login)',
    appliesTo: (device) => device.facts.ports.length > 0,
    async run(device, ctx) {
      forms ??= loadLoginForms();
      const ledger = ledgerOf(ctx);
      const services = loginServicesOf(device, forms).sort((a, b) => LOGIN_TRY_ORDER[a.protocol] - LOGIN_TRY_ORDER[b.protocol]);
      if (!ctx.options.login) {
        for (const service of services) Object.assign(ledger.coverageOf(device, contactOf(service, device)), { reason: '--no-login' });
        return [];
      }
      const run: DeviceRun = {};
      const states = new Map(services.map((service): [LoginService, ServiceState] => [service, { tried: 0, settled: false, run }]));
      const plans = services.map((service) => ({ service, candidates: candidatesOf(device, service, ctx, ledger) }));
      const lanes = loginLanes(plans.filter((plan) => plan.candidates.length > 0), (service) => ledger.factFor(device, contactOf(service, device)));
      // All lanes at once: the ledger keeps the device to LOGINS_AT_ONCE_PER_DEVICE and spaces the starts.
      const found = await Promise.all(lanes.map((lane) => runLane(device, lane, states, ctx, probe, ledger)));
      for (const service of services) settleCoverage(ledger.coverageOf(device, contactOf(service, device)), states.get(service)!);
      const stopped = ledger.stoppedOn(device);
      // Unfinished business is said, not hidden: the user learns that not every service was tried.
      if (stopped) ctx.onNote?.(device.id, `stopped trying factory passwords at a lock-out sign (${stopped})`);
      const unfinished = services.map((s) => ledger.coverageOf(device, contactOf(s, device))).filter((line) => line.reason);
      if (unfinished.length > 0) ctx.onNote?.(device.id, `not fully checked: ${unfinished.map(describeGap).join('; ')}`);
      // Findings in service order, whichever lane answered first.
      return services.flatMap((service) => found.flat().filter((f) => f.service === service).map((f) => f.finding));
    },
  };
}

export const defaultCredentialsCheck: Check = createDefaultCredentialsCheck();

function describeGap(line: ServiceCoverage): string {
  const tried = line.attempts > 0 ? `${line.attempts} attempt(s) with ${line.accounts.length} account(s), then ` : '';
  return `${line.label} on :${line.port} ${tried}${line.reason}`;
}

/** What the device showed so far, over all its lanes. */
interface DeviceRun {
  /** A service took a random password: the device takes any, and no guess elsewhere can show more. */
  acceptsAny?: string;
}

/** What one service got so far, over the lanes that try it. */
interface ServiceState {
  /** Candidates sent to it (not the random password). */
  tried: number;
  /** A candidate worked and its random password decided the result: the other lanes leave it alone. */
  settled: boolean;
  run: DeviceRun;
}

/** The service's candidates: the device's own and its vendor's first, at most the cap less one for the random password. */
function candidatesOf(device: Device, service: LoginService, ctx: CheckContext, ledger: LoginLedger): CredentialEntry[] {
  const { maxAttempts } = ctx.options;
  const line = ledger.coverageOf(device, contactOf(service, device));
  const candidates = credentialsFor(device, service.protocol, ctx.knowledge, maxAttempts - 1, service.hints).filter(
    (c) => !((service.kind === 'ftp' || service.kind === 'mqtt') && ANONYMOUS_USERS.test(c.username)),
  );
  if (candidates.length === 0 || maxAttempts < 2) {
    line.reason = maxAttempts < 2 ? '--max-attempts below 2 leaves no room for the check with a random password' : 'no factory account is known for it';
    return [];
  }
  return candidates;
}

/** The coverage result of a service once every lane is done, unless its random password already decided it. */
function settleCoverage(line: ServiceCoverage, state: ServiceState): void {
  if (state.settled || line.result !== 'not-tried') return;
  if (line.reason === undefined) line.result = 'none-worked';
  else line.result = state.tried > 0 ? 'partly-tried' : 'not-tried';
}

/** One lane: its parts one after the other, each candidate after the last, the random password right after a success. */
async function runLane(
  device: Device,
  lane: Lane,
  states: Map<LoginService, ServiceState>,
  ctx: CheckContext,
  probe: ServiceLoginProbe,
  ledger: LoginLedger,
): Promise<Array<{ service: LoginService; finding: Finding }>> {
  const found: Array<{ service: LoginService; finding: Finding }> = [];
  for (const part of lane) {
    const state = states.get(part.service)!;
    const search = searchPart(device, part, guessesAtOnce(lane, part), state, ctx, probe, ledger);
    try {
      // The random password goes as soon as a candidate worked, beside a guess still waiting for its answer.
      const success = await search.first;
      if (success) for (const finding of await confirm(device, success, state, ctx, probe, ledger)) found.push({ service: part.service, finding });
    } finally {
      await search.all;
    }
  }
  return found;
}

/** Runs one attempt through the ledger, reading lock-out signs; undefined when it may not or must not go on. */
async function attemptOnce(
  device: Device,
  service: LoginService,
  ctx: CheckContext,
  probe: ServiceLoginProbe,
  ledger: LoginLedger,
  watch: LockoutWatch,
  username: string,
  password: string,
): Promise<LoginResult | undefined> {
  const contact = contactOf(service, device);
  const line = ledger.coverageOf(device, contact);
  const started = performance.now();
  const result = await ledger.attempt(ctx, device, contact, username, () =>
    probe(device.ip, service, username, password, { signal: ctx.signal, timeoutMs: ctx.options.timeoutMs }),
  );
  if (isRefused(result)) {
    line.reason ??= result.refused;
    return undefined;
  }
  // A device that streams or stalls is cut off by the reader's caps: said, so the service is not taken as checked.
  if (result.outcome === 'error' && CUT_OFF.test(result.detail ?? '')) {
    ctx.onNote?.(device.id, result.detail ?? 'cut off');
    line.reason ??= result.detail ?? 'cut off';
  }
  const sign = watch.signOf(result, performance.now() - started);
  if (sign) {
    ledger.stop(device, `${service.label} on :${service.port}: ${sign}`);
    line.reason ??= `lock-out sign: ${sign}`;
    return undefined;
  }
  return result;
}

const watches = new WeakMap<LoginService, LockoutWatch>();
const watchOf = (service: LoginService): LockoutWatch => watches.get(service) ?? watches.set(service, new LockoutWatch()).get(service)!;

/**
 * The candidates of one lane part, `width` at a time in list order, until one logs in with proof, the
 * budget says no, or a sign says stop. A likely first pair (the vendor's own, or one the device's
 * words name) goes alone, so that it costs no guess beside it when it works. `first`: the success as
 * soon as it comes (undefined when none came); `all`: when every guess has its answer.
 */
function searchPart(
  device: Device,
  part: LanePart,
  width: number,
  state: ServiceState,
  ctx: CheckContext,
  probe: ServiceLoginProbe,
  ledger: LoginLedger,
): { first: Promise<Success | undefined>; all: Promise<unknown> } {
  const { service } = part;
  const contact = contactOf(service, device);
  const line = ledger.coverageOf(device, contact);
  const exhausted = new Set<string>();
  const queue = part.candidates.values();
  let found: (success: Success | undefined) => void = () => {};
  const first = new Promise<Success | undefined>((resolve) => (found = resolve));
  let ended = false;
  let firstAnswered: () => void = () => {};
  const firstAnswer = new Promise<void>((resolve) => (firstAnswered = resolve));
  const guess = async (): Promise<void> => {
    for (const candidate of queue) {
      // Another guess or lane found this service's factory password: nothing here can change its result.
      if (ended || state.settled) return;
      if (state.run.acceptsAny) {
        line.reason ??= `not tried: the device accepts any password (${state.run.acceptsAny})`;
        return;
      }
      if (ledger.stoppedOn(device)) {
        line.reason ??= `stopped at a lock-out sign elsewhere on the device (${ledger.stoppedOn(device)})`;
        return;
      }
      // An account at its budget is skipped; another account may still be tried.
      if (exhausted.has(candidate.username)) continue;
      const refused = ledger.overBudget(device, contact, candidate.username);
      if (refused) {
        exhausted.add(candidate.username);
        line.reason ??= refused;
        continue;
      }
      const result = await attemptOnce(device, service, ctx, probe, ledger, watchOf(service), candidate.username, candidate.password);
      firstAnswered();
      state.tried += 1;
      if (!result) return void (ended = true);
      if (result.outcome === 'error') {
        // An RTSP stream that plays without a login has no password to guess: nothing is left untried.
        if (!(result.status === 200 && service.kind === 'rtsp')) line.reason ??= `no answer (${result.detail ?? 'error'})`;
        return void (ended = true);
      }
      if (result.outcome === 'success' && result.proof && !state.settled) {
        // Claimed at once, so that the other guesses and lanes of this service stop before their next one.
        state.settled = true;
        // The budget note of a skipped account does not matter once a login worked.
        delete line.reason;
        ledger.reserve(device, contact, candidate.username);
        found({ service, candidate, result });
        return;
      }
    }
  };
  const likelyFirst = part.candidates[0] !== undefined && isLikelyPair(part.candidates[0], service.hints);
  const later = async (): Promise<void> => {
    if (likelyFirst) await firstAnswer;
    await guess();
  };
  // The first guesser's end lets the others go too, whatever ended it (budget, a sign, an abort).
  const all = Promise.all([guess().finally(firstAnswered), ...Array.from({ length: width - 1 }, later)]);
  void all.then(() => found(undefined), () => found(undefined));
  return { first, all };
}

async function confirm(
  device: Device,
  success: Success,
  state: ServiceState,
  ctx: CheckContext,
  probe: ServiceLoginProbe,
  ledger: LoginLedger,
): Promise<Finding[]> {
  const { service, candidate, result } = success;
  const line = ledger.coverageOf(device, contactOf(service, device));
  // Same account, a random password as long as the real one: catches "any password for admin" and
  // "any password shorter than N" alike.
  const decoyPassword = randomToken(candidate.password.length > 0 ? candidate.password.length : EMPTY_PASSWORD_DECOY_LENGTH);
  ledger.release(device, contactOf(service, device), candidate.username);
  const decoy = await attemptOnce(device, service, ctx, probe, ledger, watchOf(service), candidate.username, decoyPassword);
  state.settled = true;
  if (!decoy || decoy.outcome === 'error') {
    line.result = 'partly-tried';
    line.reason ??= 'a factory password was accepted but could not be checked against a random one';
    return [];
  }
  if (decoy.outcome === 'success') {
    line.result = 'accepts-any';
    // Its other services are not guessed at: a device that lets in any password shows nothing more by a factory one.
    state.run.acceptsAny ??= `${service.label} on :${service.port} took a random password`;
    if (service.kind === 'mqtt' && (await isAnonymousBroker(device, service, ctx, ledger))) return [];
    return [acceptsAnyFinding(device, service, candidate.username, decoyPassword, decoy)];
  }
  line.result = 'found';
  ctx.onFactoryPasswordConfirmed?.(device.id, { kind: service.kind, port: service.port, tls: service.tls, username: candidate.username, password: candidate.password });
  return [factoryPasswordFinding(device, service, candidate, result)];
}

/** A broker that takes any password usually takes none: mqtt-no-auth reports that, not this check. */
async function isAnonymousBroker(device: Device, service: LoginService, ctx: CheckContext, ledger: LoginLedger): Promise<boolean> {
  const anonymous = await ledger.attempt(ctx, device, contactOf(service, device), '', () =>
    probeMqttAnonymous({ ip: device.ip, port: service.port, tls: service.tls }, { signal: ctx.signal, timeoutMs: ctx.options.timeoutMs }),
  );
  return !isRefused(anonymous) && anonymous.outcome === 'success';
}

function factoryPasswordFinding(device: Device, service: LoginService, candidate: CredentialEntry, result: LoginResult): Finding {
  const passwordMasked = maskSecret(candidate.password);
  return makeFinding({
    check: 'default-credentials',
    device,
    key: `${service.kind}:${service.port}`,
    severity: factoryPasswordSeverity(service, device),
    title: {
      en: `Factory password works on ${service.label} (port ${service.port})`,
      nl: `Fabriekswachtwoord werkt op ${service.label} (poort ${service.port})`,
    },
    evidence: [
      `${service.label} on :${service.port} accepted ${candidate.username} / ${passwordMasked} (${result.proof})`,
      candidate.password.length > 0
        ? `a random password of the same length for ${candidate.username} was refused`
        : `a random ${EMPTY_PASSWORD_DECOY_LENGTH}-character password for ${candidate.username} was refused`,
    ],
    standards: [etsi('5.1-1'), owasp('I1')],
    confidence: 'confirmed',
    details: {
      service: service.kind,
      port: service.port,
      username: candidate.username,
      passwordMasked,
      ...(result.status !== undefined ? { status: result.status } : {}),
    },
  });
}

function acceptsAnyFinding(device: Device, service: LoginService, username: string, password: string, result: LoginResult): Finding {
  return makeFinding({
    check: 'accepts-any-password',
    device,
    key: `${service.kind}:${service.port}`,
    severity: 'medium',
    title: {
      en: `${service.label} (port ${service.port}) lets in any password`,
      nl: `${service.label} (poort ${service.port}) laat elk wachtwoord toe`,
    },
    evidence: [
      `${service.label} on :${service.port} accepted ${username} with a random ${password.length}-character password (${result.proof ?? 'login accepted'}); no factory password is claimed for it`,
    ],
    standards: [etsi('5.1-1'), owasp('I1')],
    confidence: result.proof ? 'confirmed' : 'likely',
    details: { service: service.kind, port: service.port, username },
  });
}
