// Login attempts side by side on one device: never more failures than the lock-out model allows,
// never more than LOGINS_AT_ONCE_PER_DEVICE at a time, starts spaced, and accounts counted on their
// own (pam_faillock) tried at the same time.

import { describe, expect, it } from 'vitest';
import { createDefaultCredentialsCheck } from '../../../src/checks/default-credentials.js';
import { isRefused, LoginLedger, LOGINS_AT_ONCE_PER_DEVICE, type LoginContact } from '../../../src/checks/login/ledger.js';
import type { ServiceLoginProbe } from '../../../src/checks/login/try-login.js';
import type { LoginResult } from '../../../src/protocols/probe/types.js';
import { credential, makeContext, makeDevice } from '../device-fixture.js';

const telnet: LoginContact = { kind: 'telnet', protocol: 'telnet', port: 23, label: 'telnet' };
const mqtt: LoginContact = { kind: 'mqtt', protocol: 'mqtt', port: 1883, label: 'MQTT' };
const denied: LoginResult = { outcome: 'denied', detail: 'wrong password' };

/** A probe whose answers come only when the test says so, and that counts how many wait at once. */
function heldProbe() {
  const pending: Array<() => void> = [];
  let running = 0;
  let most = 0;
  const run = async (): Promise<LoginResult> => {
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => pending.push(resolve));
    running -= 1;
    return denied;
  };
  const answerAll = async (): Promise<void> => {
    for (let i = 0; i < 50 && pending.length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    for (const resolve of pending.splice(0)) resolve();
  };
  return { run, answerAll, most: () => most, waiting: () => pending.length };
}

describe('login attempts side by side', () => {
  it('counts an attempt waiting for its answer as a failure: five at once on a device-wide budget of 2 send two', async () => {
    const device = makeDevice('127.81.12.1', [{ transport: 'tcp', port: 23, name: 'telnet' }]);
    const { ctx } = makeContext([device], []);
    const ledger = new LoginLedger();
    const probe = heldProbe();
    const all = Promise.all(['root', 'admin', 'user', 'guest', 'support'].map((user) => ledger.attempt(ctx, device, telnet, user, probe.run)));
    await probe.answerAll();
    const results = await all;
    expect(results.filter((r) => !isRefused(r))).toHaveLength(2);
    expect(results.filter(isRefused)[0]).toMatchObject({ refused: expect.stringMatching(/attempts waiting for an answer included/) });
    // Both failed: the next one is refused without contact, as one after the other would have been.
    expect(isRefused(await ledger.attempt(ctx, device, telnet, 'root', probe.run))).toBe(true);
  });

  it(`never has more than ${LOGINS_AT_ONCE_PER_DEVICE} attempts talking to one device, where nothing locks`, async () => {
    const device = makeDevice('127.81.12.2', [{ transport: 'tcp', port: 1883, name: 'mqtt' }]);
    const { ctx } = makeContext([device], []);
    const ledger = new LoginLedger();
    const probe = heldProbe();
    const all = Promise.all(Array.from({ length: 9 }, (_, i) => ledger.attempt(ctx, device, mqtt, `u${i}`, probe.run)));
    for (let round = 0; round < 5; round += 1) {
      await probe.answerAll();
      expect(probe.waiting()).toBeLessThanOrEqual(LOGINS_AT_ONCE_PER_DEVICE);
    }
    const results = await all;
    expect(results.filter((r) => !isRefused(r))).toHaveLength(9);
    expect(probe.most()).toBe(LOGINS_AT_ONCE_PER_DEVICE);
  });

  it('spaces the starts on one device, also when attempts run side by side', async () => {
    const device = makeDevice('127.81.12.3', [{ transport: 'tcp', port: 1883, name: 'mqtt' }]);
    const { ctx } = makeContext([device], [], { attemptSpacingMs: 40 });
    const ledger = new LoginLedger();
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 4 }, (_, i) => ledger.attempt(ctx, device, mqtt, `u${i}`, async () => (starts.push(performance.now()), denied))));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // Timers may fire a millisecond early; never a whole spacing early.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(38);
  });

  it('tries the accounts of an SSH server that counts per account (pam_faillock) at the same time, each under its own budget', async () => {
    const banner = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3';
    const device = makeDevice('127.81.12.4', [{ transport: 'tcp', port: 22, name: 'ssh', banner }], { vendor: 'Unknown' });
    const list = [
      credential('r1', 'root', 'xc3511', ['ssh']),
      credential('r2', 'root', 'vizxv', ['ssh']),
      credential('r3', 'root', 'admin', ['ssh']),
      credential('a1', 'admin', 'admin', ['ssh']),
      credential('s1', 'support', 'support', ['ssh']),
    ];
    const { ctx } = makeContext([device], list, { maxAttempts: 6 });
    let running = 0;
    let most = 0;
    const tried: string[] = [];
    const probe: ServiceLoginProbe = async (_ip, _service, username) => {
      running += 1;
      most = Math.max(most, running);
      tried.push(username);
      await new Promise((r) => setTimeout(r, 60));
      running -= 1;
      return denied;
    };
    const check = createDefaultCredentialsCheck({ probe, forms: [] });
    expect(await check.run(device, ctx)).toEqual([]);
    // root's two allowed failures, admin's and support's one each, all four at once; root/admin would be a third failure for root.
    expect(tried.sort()).toEqual(['admin', 'root', 'root', 'support']);
    expect(most).toBe(4);
  });

  it('keeps guesses one after the other where another service of the device needs the same account', async () => {
    const banner = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3';
    const device = makeDevice('127.81.12.5', [{ transport: 'tcp', port: 22, name: 'ssh', banner }, { transport: 'tcp', port: 21, name: 'ftp', banner: '220 (vsFTPd 3.0.3)' }], { vendor: 'Unknown' });
    const list = [credential('r1', 'root', 'admin', ['ssh']), credential('a1', 'admin', 'admin', ['ssh', 'ftp']), credential('a2', 'admin', '1234', ['ftp'])];
    const { ctx } = makeContext([device], list);
    const order: string[] = [];
    // root/admin works on SSH: one after the other, SSH never spends a guess of admin, which FTP needs.
    const probe: ServiceLoginProbe = async (_ip, service, username, password) => {
      order.push(`${service.kind} ${username}/${['admin', '1234'].includes(password) ? password : 'random'}`);
      await new Promise((r) => setTimeout(r, 20));
      const works = (service.kind === 'ssh' && username === 'root' && password === 'admin') || (service.kind === 'ftp' && password === '1234');
      return works ? { outcome: 'success', proof: 'logged in' } : denied;
    };
    const check = createDefaultCredentialsCheck({ probe, forms: [] });
    const findings = await check.run(device, ctx);
    expect(findings.map((f) => f.details['service'])).toEqual(['ssh', 'ftp']);
    expect(order.filter((line) => line.startsWith('ssh'))).toEqual(['ssh root/admin', 'ssh root/random']);
  });
});
