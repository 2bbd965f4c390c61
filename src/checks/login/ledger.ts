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

class DeviceLedger {
  failuresInARow = 0;
  readonly accountFailures = new Map<string, number>();
  readonly serviceFailures = new Map<string, number>();
  lastAttemptAt = 0;
  stopped: string | undefined;
  /** Failures promised to the random-password checks still to come, so candidates cannot spend them. */
  readonly reserved: Array<{ username: string; deviceWide: boolean }> = [];
  readonly coverage = new Map<string, ServiceCoverage>();
}

const contactKey = (contact: Pick<LoginContact, 'kind' | 'port'>): string => `${contact.kind}/${contact.port}`;

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
   * Why one more failure with this account would be one too many, or undefined when it is safe. The
   * account's count is always checked (PAM counts a user over every service); the device's count too
   * where the fact counts device-wide; failures reserved for random-password checks count as made.
   */
  overBudget(device: Device, contact: LoginContact, username: string): string | undefined {
    const entry = this.of(device);
    if (entry.stopped) return `stopped at a lock-out sign (${entry.stopped})`;
    const fact = this.factFor(device, contact);
    if (fact.failures === null || fact.per === 'none') return undefined;
    const allowed = fact.failures - 1;
    const account = (entry.accountFailures.get(username) ?? 0) + entry.reserved.filter((r) => r.username === username).length;
    const over = (what: string, counted: number): string =>
      `budget: ${counted} failed login(s) ${what === 'the device' ? 'in a row ' : ''}on ${what}${entry.reserved.length > 0 ? ' (random-password checks included)' : ''}, the lock-out threshold is ${fact.failures} (${fact.id})`;
    if (account >= allowed) return over(`account ${username}`, account);
    if (fact.per === 'service') {
      const counted = entry.serviceFailures.get(contactKey(contact)) ?? 0;
      if (counted >= allowed) return over('this service', counted);
    }
    if (fact.per === 'device' || fact.per === 'address') {
      const counted = entry.failuresInARow + entry.reserved.filter((r) => r.deviceWide).length;
      if (counted >= allowed) return over('the device', counted);
    }
    return undefined;
  }

  /** Keeps one failure free for the random-password check that will follow this success. */
  reserve(device: Device, contact: LoginContact, username: string): void {
    const fact = this.factFor(device, contact);
    if (fact.failures === null || fact.per === 'none') return;
    this.of(device).reserved.push({ username, deviceWide: fact.per === 'device' || fact.per === 'address' });
  }

  /** Gives the reservation back, right before the random-password check spends it (or when it is dropped). */
  release(device: Device, contact: LoginContact, username: string): void {
    const reserved = this.of(device).reserved;
    const fact = this.factFor(device, contact);
    const index = reserved.findIndex((r) => r.username === username && r.deviceWide === (fact.per === 'device' || fact.per === 'address'));
    if (index >= 0) reserved.splice(index, 1);
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
   * One login-like contact: refused (undefined) when a failure would reach the lock-out threshold,
   * otherwise spaced after the device's previous attempt, counted and recorded.
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
    const since = performance.now() - entry.lastAttemptAt;
    if (entry.lastAttemptAt > 0 && since < ctx.options.attemptSpacingMs) await wait(ctx.options.attemptSpacingMs - since, ctx.signal);
    ctx.signal.throwIfAborted();
    ctx.onLoginAttempt(device.id, contact.kind, contact.port);
    const line = this.coverageOf(device, contact);
    line.attempts += 1;
    if (!line.accounts.includes(username)) line.accounts.push(username);
    const result = await run();
    entry.lastAttemptAt = performance.now();
    ctx.signal.throwIfAborted();
    this.record(device, contact, username, result);
    return result;
  }

  /** Per device id, its login services' coverage lines. */
  coverage(): Record<string, ServiceCoverage[]> {
    return Object.fromEntries([...this.devices].filter(([, e]) => e.coverage.size > 0).map(([id, e]) => [id, [...e.coverage.values()]]));
  }
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
