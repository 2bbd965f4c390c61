// default-credentials: tries a few factory accounts on each login service of a device, and reports a
// login only with proof. A random password goes first: a device that takes it gets one
// accepts-any-password finding for that service and no factory-password claim.

import type { Device, Finding, Severity } from '../model.js';
import type { Check, CheckContext } from './types.js';
import { etsi, makeFinding, owasp } from './finding.js';
import { maskSecret } from '../util/mask-secret.js';
import { wait } from '../util/wait.js';
import { randomToken } from './login/abortable.js';
import { credentialsFor } from '../knowledge/credentials-for.js';
import type { CredentialEntry } from '../knowledge/types.js';
import { loadLoginForms, type LoginForm } from './login/login-forms.js';
import { loginServicesOf, type LoginService } from './login/login-services.js';
import { LockoutWatch } from './login/lockout-watch.js';
import { probeMqttAnonymous } from './login/mqtt.js';
import { tryServiceLogin, type ServiceLoginProbe } from './login/try-login.js';
import { CUT_OFF, type LoginResult } from './login/types.js';

/**
 * Failed attempts in a row on one device, over all its services: half of maxAttempts, at least 2 (2 by
 * default). Many devices count failures device-wide and the lowest lock-out thresholds are 3.
 */
export function deviceFailureBudget(maxAttempts: number): number {
  return Math.max(2, Math.floor(maxAttempts / 2));
}

/** Kinds whose web admin controls the home's network or shows its inside: a factory password there is critical. */
const CRITICAL_WEB_KINDS = new Set(['router', 'access-point', 'camera', 'doorbell', 'baby-monitor', 'nas']);

/** Shell services first: they matter most, and the device-wide budget may run out. */
const SERVICE_ORDER: Record<LoginService['kind'], number> = {
  telnet: 0, ssh: 1, 'http-digest': 2, 'http-basic': 2, 'http-form': 2, rtsp: 3, ftp: 4, mqtt: 5,
};

/** Usernames that mean "anonymous": the anonymous-ftp and mqtt-no-auth checks report those. */
const ANONYMOUS_USERS = /^(anonymous|ftp|)$/i;

export function factoryPasswordSeverity(service: LoginService, device: Pick<Device, 'kind'>): Severity {
  if (service.kind === 'telnet' || service.kind === 'ssh') return 'critical';
  if (service.protocol === 'http' && CRITICAL_WEB_KINDS.has(device.kind)) return 'critical';
  return 'high';
}

interface DeviceAttempts {
  made: number;
  failed: number;
  stopped?: string;
}

export interface DefaultCredentialsDeps {
  probe?: ServiceLoginProbe;
  forms?: LoginForm[];
}

export function createDefaultCredentialsCheck(deps: DefaultCredentialsDeps = {}): Check {
  const probe = deps.probe ?? tryServiceLogin;
  let forms = deps.forms;
  return {
    id: 'default-credentials',
    description: 'Tries a few factory passwords on each login service (skipped with --no-login)',
    appliesTo: (device) => device.facts.ports.length > 0,
    async run(device, ctx) {
      if (!ctx.options.login) return [];
      forms ??= loadLoginForms();
      const services = loginServicesOf(device, forms).sort((a, b) => SERVICE_ORDER[a.kind] - SERVICE_ORDER[b.kind]);
      const attempts: DeviceAttempts = { made: 0, failed: 0 };
      const findings: Finding[] = [];
      for (const service of services) {
        if (attempts.stopped) break;
        findings.push(...(await auditService(device, service, ctx, probe, attempts)));
      }
      // Unfinished business is said, not hidden: the user learns that not every service was tried.
      if (attempts.stopped) ctx.onNote?.(device.id, `stopped trying factory passwords at a lock-out sign (${attempts.stopped})`);
      return findings;
    },
  };
}

export const defaultCredentialsCheck: Check = createDefaultCredentialsCheck();

async function auditService(
  device: Device,
  service: LoginService,
  ctx: CheckContext,
  probe: ServiceLoginProbe,
  attempts: DeviceAttempts,
): Promise<Finding[]> {
  const { maxAttempts, timeoutMs, attemptSpacingMs } = ctx.options;
  const budget = deviceFailureBudget(maxAttempts);
  // The random probe counts against maxAttempts: the cap is what the device sees, in total.
  const candidates = credentialsFor(device, service.protocol, ctx.knowledge, maxAttempts - 1).filter(
    (c) => !((service.kind === 'ftp' || service.kind === 'mqtt') && ANONYMOUS_USERS.test(c.username)),
  );
  // The decoy and at least one candidate must fit in what is left of the device's budget.
  if (candidates.length === 0 || maxAttempts < 2 || budget - attempts.failed < 2) return [];
  const watch = new LockoutWatch();
  const attempt = async (username: string, password: string): Promise<LoginResult | undefined> => {
    if (attempts.stopped || attempts.failed >= budget) return undefined;
    if (attempts.made > 0) await wait(attemptSpacingMs, ctx.signal);
    ctx.signal.throwIfAborted();
    ctx.onLoginAttempt(device.id, service.kind, service.port);
    attempts.made += 1;
    const started = performance.now();
    const result = await probe(device.ip, service, username, password, { signal: ctx.signal, timeoutMs });
    ctx.signal.throwIfAborted();
    // A device that streams or stalls is cut off by the reader's caps: said, so the service is not taken as checked.
    if (result.outcome === 'error' && CUT_OFF.test(result.detail ?? '')) ctx.onNote?.(device.id, result.detail ?? 'cut off');
    const sign = watch.signOf(result, performance.now() - started);
    if (sign) attempts.stopped = `${service.label} on :${service.port}: ${sign}`;
    // A success resets the count, as devices' own "failures in a row" counters do.
    attempts.failed = result.outcome === 'success' ? 0 : attempts.failed + 1;
    return sign ? undefined : result;
  };

  const decoyPassword = randomToken(16);
  const decoy = await attempt(candidates[0]!.username, decoyPassword);
  if (!decoy || decoy.outcome === 'error') return [];
  if (decoy.outcome === 'success') {
    if (service.kind === 'mqtt' && (await isAnonymousBroker(device, service, ctx))) return [];
    return [acceptsAnyFinding(device, service, candidates[0]!.username, decoyPassword, decoy)];
  }
  for (const candidate of candidates) {
    const result = await attempt(candidate.username, candidate.password);
    if (!result || result.outcome === 'error') return [];
    if (result.outcome === 'success' && result.proof) return [factoryPasswordFinding(device, service, candidate, result)];
  }
  return [];
}

/** A broker that takes any password usually takes none: mqtt-no-auth reports that, not this check. */
async function isAnonymousBroker(
  device: Device,
  service: LoginService,
  ctx: CheckContext,
): Promise<boolean> {
  await wait(ctx.options.attemptSpacingMs, ctx.signal);
  ctx.signal.throwIfAborted();
  ctx.onLoginAttempt(device.id, service.kind, service.port);
  const anonymous = await probeMqttAnonymous({ ip: device.ip, port: service.port, tls: service.tls }, {
    signal: ctx.signal,
    timeoutMs: ctx.options.timeoutMs,
  });
  return anonymous.outcome === 'success';
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
    evidence: [`${service.label} on :${service.port} accepted ${candidate.username} / ${passwordMasked} (${result.proof})`],
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
