// Every login-like contact with a device goes through one ledger: factory passwords, anonymous FTP,
// the anonymous MQTT CONNECT and the SNMP write test alike. It keeps the device's failure counts the
// way devices keep theirs (in a row, per account and device-wide), spaces the attempts, and writes
// down per service what was tried and what was not, and why.

import { wait } from '../../util/wait.js';
import type { Device, LoginCoverage } from '../../model.js';
import type { LoginProtocol } from '../../protocols/table.js';
import type { CheckContext } from '../types.js';
import { loadLockoutFacts, lockoutFactFor, type LockoutFact } from './lockout-facts.js';
import type { LoginResult } from '../../protocols/probe/types.js';
import { silentOnImplausibleHost } from './implausible-host.js';

/** What one login service of one device got: the model's LoginCoverage. */
export type ServiceCoverage = LoginCoverage;

export interface LoginContact {
  kind: string;
  protocol: LoginProtocol;
  port: number;
  label: string;
  /** Banner or HTTP Server header: picks the lock-out fact. */
  software?: string;
}

/** A failure that may still come: a random-password check to follow, or an attempt waiting for its answer. */
interface Held {
  username: string;
  deviceWide: boolean;
  service: string;
}

class DeviceLedger {
  failuresInARow = 0;
  readonly accountFailures = new Map<string, number>();
  readonly serviceFailures = new Map<string, number>();
  /** When the device's last attempt started and when its last answer came: the next one is spaced after both. */
  lastStartAt = 0;
  lastEndAt = 0;
  stopped: string | undefined;
  /** Failures promised to the random-password checks still to come, so candidates cannot spend them. */
  readonly reserved: Held[] = [];
  /** Attempts under way: each may fail, so each counts as a failure until its answer says otherwise. */
  readonly inFlight: Held[] = [];
  /** Attempts past their spacing, talking to the device now, and those waiting for one of them to end. */
  running = 0;
  readonly waitingForSlot: Array<() => void> = [];
  readonly coverage = new Map<string, ServiceCoverage>();
}

const contactKey = (contact: Pick<LoginContact, 'kind' | 'port'>): string => `${contact.kind}/${contact.port}`;

/** At most this many login attempts on one device at the same time: small devices serve few connections. */
export const LOGINS_AT_ONCE_PER_DEVICE = 4;

/** A telnet banner that ends at a login prompt: discovery's banner grab left it there, a failure on some devices. */
const LOGIN_PROMPT = /(login|username|user name|password)\s*:\s*$/i;

export class LoginLedger {
  private readonly devices = new Map<string, DeviceLedger>();
  private facts: ReturnType<typeof loadLockoutFacts> | undefined;

  constructor(facts?: ReturnType<typeof loadLockoutFacts>) {
    this.facts = facts;
  }

  factFor(device: Pick<Device, 'vendor'>, contact: LoginContact): LockoutFact {
    this.facts ??= loadLockoutFacts();
    return lockoutFactFor(this.facts, device, { protocol: contact.protocol, software: contact.software ?? '' });
  }

  of(device: Device): DeviceLedger {
    let entry = this.devices.get(device.id);
    if (!entry) {
      entry = new DeviceLedger();
      // Discovery's banner grab that closed at a login prompt counts as one failure.
      entry.failuresInARow = device.facts.ports.filter((p) => p.name === 'telnet' && LOGIN_PROMPT.test(p.banner ?? '')).length;
      this.devices.set(device.id, entry);
    }
    return entry;
  }

  /**
   * Why one more failure with this account would be one too many (or the port is no login service at
   * all: a silent port of a host that accepts every connection), or undefined when it is safe. The
   * account's count is always checked (PAM counts a user over every service); the device's count too
   * where the fact counts device-wide. Failures reserved for random-password checks and attempts still
   * waiting for their answer count as made, so attempts side by side can never pass the threshold.
   */
  overBudget(device: Device, contact: LoginContact, username: string): string | undefined {
    const entry = this.of(device);
    if (entry.stopped) return `stopped at a lock-out sign (${entry.stopped})`;
    const silent = contact.protocol === 'snmp' ? undefined : silentOnImplausibleHost(device, contact.port);
    if (silent) return silent;
    const fact = this.factFor(device, contact);
    if (fact.failures === null || fact.per === 'none') return undefined;
    const allowed = fact.failures - 1;
    const held = [...entry.reserved, ...entry.inFlight];
    const heldNote = [entry.reserved.length > 0 ? 'random-password checks' : '', entry.inFlight.length > 0 ? 'attempts waiting for an answer' : ''].filter(Boolean).join(' and ');
    const over = (what: string, counted: number): string =>
      `budget: ${counted} failed login(s) ${what === 'the device' ? 'in a row ' : ''}on ${what}${heldNote ? ` (${heldNote} included)` : ''}, the lock-out threshold is ${fact.failures} (${fact.id})`;
    const account = (entry.accountFailures.get(username) ?? 0) + held.filter((h) => h.username === username).length;
    if (account >= allowed) return over(`account ${username}`, account);
    if (fact.per === 'service') {
      const counted = (entry.serviceFailures.get(contactKey(contact)) ?? 0) + held.filter((h) => h.service === contactKey(contact)).length;
      if (counted >= allowed) return over('this service', counted);
    }
    if (fact.per === 'device' || fact.per === 'address') {
      const counted = entry.failuresInARow + held.filter((h) => h.deviceWide).length;
      if (counted >= allowed) return over('the device', counted);
    }
    return undefined;
  }

  /** The failure one attempt with this account may cost, as the counters would take it; undefined where none counts. */
  private heldFor(device: Device, contact: LoginContact, username: string): Held | undefined {
    const fact = this.factFor(device, contact);
    if (fact.failures === null || fact.per === 'none') return undefined;
    return { username, deviceWide: fact.per === 'device' || fact.per === 'address', service: contactKey(contact) };
  }

  /** Keeps one failure free for the random-password check that will follow this success. */
  reserve(device: Device, contact: LoginContact, username: string): void {
    const held = this.heldFor(device, contact, username);
    if (held) this.of(device).reserved.push(held);
  }

  /** Gives the reservation back, right before the random-password check spends it (or when it is dropped). */
  release(device: Device, contact: LoginContact, username: string): void {
    dropHeld(this.of(device).reserved, this.heldFor(device, contact, username));
  }

  private record(device: Device, contact: LoginContact, username: string, result: LoginResult): void {
    const entry = this.of(device);
    const fact = this.factFor(device, contact);
    if (result.outcome === 'success') {
      if (fact.resetsOnSuccess === false) return;
      entry.failuresInARow = 0;
      entry.accountFailures.delete(username);
      entry.serviceFailures.delete(contactKey(contact));
      return;
    }
    if (result.outcome !== 'denied' && result.outcome !== 'locked-out') return;
    // A failure on a service that never locks cannot lock another one; one counted per account
    // (pam_faillock) is not a device-wide failure.
    if (fact.failures === null || fact.per === 'none') return;
    if (fact.per !== 'account') entry.failuresInARow += 1;
    entry.accountFailures.set(username, (entry.accountFailures.get(username) ?? 0) + 1);
    entry.serviceFailures.set(contactKey(contact), (entry.serviceFailures.get(contactKey(contact)) ?? 0) + 1);
  }

  /** The coverage line of one service, made on first use. */
  coverageOf(device: Device, contact: LoginContact): ServiceCoverage {
    const entry = this.of(device);
    const key = contactKey(contact);
    let line = entry.coverage.get(key);
    if (!line) {
      line = { service: contact.kind, port: contact.port, label: contact.label, attempts: 0, accounts: [], result: 'not-tried', lockout: this.factFor(device, contact).id };
      entry.coverage.set(key, line);
    }
    return line;
  }

  stop(device: Device, reason: string): void {
    this.of(device).stopped ??= reason;
  }

  stoppedOn(device: Device): string | undefined {
    return this.of(device).stopped;
  }

  /**
   * One login-like contact: refused when a failure would reach the lock-out threshold, otherwise
   * counted as a failure while it waits for its answer, started `attemptSpacingMs` after the device's
   * previous start and previous answer, and recorded.
   */
  async attempt<R extends LoginResult>(
    ctx: CheckContext,
    device: Device,
    contact: LoginContact,
    username: string,
    run: () => Promise<R>,
  ): Promise<R | { refused: string }> {
    const refused = this.overBudget(device, contact, username);
    if (refused) return { refused };
    const entry = this.of(device);
    const held = this.heldFor(device, contact, username);
    if (held) entry.inFlight.push(held);
    let result: R;
    try {
      await this.slot(ctx, entry);
      try {
        await this.spaced(ctx, entry);
        ctx.onLoginAttempt(device.id, contact.kind, contact.port);
        const line = this.coverageOf(device, contact);
        line.attempts += 1;
        if (!line.accounts.includes(username)) line.accounts.push(username);
        result = await run();
        entry.lastEndAt = performance.now();
      } finally {
        freeSlot(entry);
      }
    } finally {
      // This very entry: another attempt with the same account may be in flight too.
      if (held) entry.inFlight.splice(entry.inFlight.indexOf(held), 1);
    }
    ctx.signal.throwIfAborted();
    this.record(device, contact, username, result);
    return result;
  }

  /** Waits, abortably, until fewer than LOGINS_AT_ONCE_PER_DEVICE attempts talk to the device, and takes a place. */
  private async slot(ctx: CheckContext, entry: DeviceLedger): Promise<void> {
    while (entry.running >= LOGINS_AT_ONCE_PER_DEVICE) {
      ctx.signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          ctx.signal.removeEventListener('abort', wake);
          resolve();
        };
        entry.waitingForSlot.push(wake);
        ctx.signal.addEventListener('abort', wake, { once: true });
      });
    }
    ctx.signal.throwIfAborted();
    entry.running += 1;
  }

  /** Waits until the device's last start and last answer are both `attemptSpacingMs` ago, then claims the start. */
  private async spaced(ctx: CheckContext, entry: DeviceLedger): Promise<void> {
    const spacing = ctx.options.attemptSpacingMs;
    for (;;) {
      const last = Math.max(entry.lastStartAt, entry.lastEndAt);
      const due = last > 0 ? last + spacing - performance.now() : 0;
      if (due <= 0) break;
      await wait(due, ctx.signal);
    }
    ctx.signal.throwIfAborted();
    entry.lastStartAt = performance.now();
  }

  /** Per device id, its login services' coverage lines. */
  coverage(): Record<string, ServiceCoverage[]> {
    return Object.fromEntries([...this.devices].filter(([, e]) => e.coverage.size > 0).map(([id, e]) => [id, [...e.coverage.values()]]));
  }
}

function freeSlot(entry: DeviceLedger): void {
  entry.running -= 1;
  // Everyone waiting looks again: one of them takes the place, an aborted one just leaves.
  for (const wake of entry.waitingForSlot.splice(0)) wake();
}

/** Removes one entry equal to `held`, if any. */
function dropHeld(list: Held[], held: Held | undefined): void {
  if (!held) return;
  const index = list.findIndex((h) => h.username === held.username && h.deviceWide === held.deviceWide && h.service === held.service);
  if (index >= 0) list.splice(index, 1);
}

const ledgers = new WeakMap<object, LoginLedger>();

/** The context's ledger: the audit's own when it made one, else one per context. */
export function ledgerOf(ctx: CheckContext): LoginLedger {
  if (ctx.loginLedger) return ctx.loginLedger;
  let ledger = ledgers.get(ctx);
  if (!ledger) ledgers.set(ctx, (ledger = new LoginLedger()));
  return ledger;
}

/** True when a probe's answer is the ledger refusing it for the budget. */
export function isRefused<R extends LoginResult>(value: R | { refused: string }): value is { refused: string } {
  return 'refused' in value;
}
