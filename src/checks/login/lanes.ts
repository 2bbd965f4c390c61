// Splits a device's login guesses into lanes that may run side by side: guesses whose failures land
// on the same counter of the device stay in one lane, one after the other, in the order they were
// planned; guesses on counters that cannot add up to each other get lanes of their own.

import type { CredentialEntry } from '../../knowledge/types.js';
import type { LoginProtocol } from '../../protocols/table.js';
import type { LockoutFact } from './lockout-facts.js';
import type { LoginService } from './login-services.js';

/**
 * Guesses of a lane that holds one service alone, on a protocol whose refusals devices slow down on
 * purpose (PAM's fail delay, busybox login's pause, vsftpd's delay_failed_login: 2 to 3 s each), go
 * this many at a time; the ledger's budget still decides how many may go at all, and nothing else on
 * the device needs the counter they spend. A lane of several services goes one guess after the other,
 * so that a success on the first service ends its guesses before they spend what the next one needs;
 * so do protocols that refuse at once (HTTP, RTSP, MQTT), where waiting costs nothing.
 */
export const SLOW_REFUSAL_GUESSES_AT_ONCE = 2;
const SLOWED_REFUSALS = new Set<LoginProtocol>(['telnet', 'ssh', 'ftp']);

/** How many of a lane part's guesses may go at a time. */
export function guessesAtOnce(lane: Lane, part: LanePart): number {
  return lane.length === 1 && ownLanes.has(lane) && SLOWED_REFUSALS.has(part.service.protocol) ? SLOW_REFUSAL_GUESSES_AT_ONCE : 1;
}

/** The guesses of one service that go in one lane. */
export interface LanePart {
  service: LoginService;
  candidates: CredentialEntry[];
}

export type Lane = LanePart[];

/** The lanes whose accounts no other service of the device tries: their guesses spend no counter another lane needs. */
const ownLanes = new WeakSet<Lane>();

/**
 * One lane per account of a service whose fact counts per account (pam_faillock: each user's failures
 * are its own) when no other service of the device tries any of its accounts; else one lane for the
 * service, as for services that count per service or never lock; and one lane for all the services of
 * a device that counts failures device-wide, in service order. A service that shares an account with
 * another stays one lane: side by side, a guess could spend a failure the other service needs, where
 * one after the other the service's first success would have ended its guesses. The ledger's budget
 * stays the safety: it counts an attempt waiting for its answer as a failure, so lanes only decide
 * the order.
 */
export function loginLanes(
  plans: ReadonlyArray<{ service: LoginService; candidates: CredentialEntry[] }>,
  factOf: (service: LoginService) => LockoutFact,
): Lane[] {
  const lanes = new Map<string, Lane>();
  const add = (key: string, part: LanePart): void => {
    const lane = lanes.get(key) ?? [];
    const last = lane.at(-1);
    if (last?.service === part.service) last.candidates.push(...part.candidates);
    else lane.push(part);
    lanes.set(key, lane);
  };
  const servicesOfAccount = new Map<string, number>();
  for (const { candidates } of plans) {
    for (const username of new Set(candidates.map((c) => c.username))) servicesOfAccount.set(username, (servicesOfAccount.get(username) ?? 0) + 1);
  }
  for (const { service, candidates } of plans) {
    const fact = factOf(service);
    const serviceKey = `${service.kind}/${service.port}`;
    if (fact.per === 'device' || fact.per === 'address') {
      add('device', { service, candidates: [...candidates] });
    } else if (fact.per === 'account' && fact.failures !== null && candidates.every((c) => servicesOfAccount.get(c.username) === 1)) {
      for (const candidate of candidates) add(`${serviceKey} ${candidate.username}`, { service, candidates: [candidate] });
    } else {
      add(serviceKey, { service, candidates: [...candidates] });
    }
  }
  const shared = (lane: Lane): boolean => lane.some((part) => part.candidates.some((c) => servicesOfAccount.get(c.username) !== 1));
  for (const lane of lanes.values()) if (!shared(lane)) ownLanes.add(lane);
  return [...lanes.values()];
}
