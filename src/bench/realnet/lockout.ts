// Reads, on the device itself, whether the scan locked an account: pam_faillock's own tool over the
// device's tally directory, counted against the device's deny= setting.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RealNetwork } from './network.js';
import { inNamespace, runCommand } from './run-command.js';
import type { Account, Truth } from './spec.js';

/** The device's faillock deny= (0: the device never locks). */
function denyOf(network: RealNetwork, deviceId: string): number {
  for (const daemon of network.spec.devices.find((d) => d.id === deviceId)?.daemons ?? []) {
    if (daemon.type === 'sshd' && daemon.lockout) return daemon.lockout.deny;
  }
  return 0;
}

export async function unlockedAccounts(network: RealNetwork, truth: Truth): Promise<Map<string, boolean>> {
  const state = new Map<string, boolean>();
  for (const device of truth.devices) {
    const deny = denyOf(network, device.id);
    for (const user of device.mustStayUnlocked ?? []) {
      const { stdout } = await runCommand(inNamespace(network.namespaceOf(device.id), ['faillock', '--dir', path.join(network.dir, device.id, 'faillock'), '--user', user]));
      // One line per failure; the last column says whether it still counts (V) or expired (I).
      const valid = stdout.split('\n').filter((line) => /\sV\s*$/.test(line)).length;
      state.set(`${device.id}:${user}`, deny === 0 || valid < deny);
    }
  }
  return state;
}

/**
 * Proves the lock-out device really locks: 3 wrong passwords for one of its accounts with OpenSSH's own
 * client, then the right one, which must be refused. Run after the scans; it locks that account.
 */
export async function lockoutLocks(network: RealNetwork, deviceId: string, account: Account): Promise<{ rightPasswordFirst: boolean; rightPasswordAfterLock: boolean }> {
  const device = network.spec.devices.find((d) => d.id === deviceId)!;
  const askpass = path.join(network.dir, 'askpass.sh');
  const login = async (password: string) => {
    // The client reads the password from SSH_ASKPASS; the script only echoes what it was given.
    writeFileSync(askpass, `#!/bin/sh\nprintf '%s\\n' '${password.replace(/'/g, "'\\''")}'\n`, { mode: 0o700 });
    const { stdout } = await runCommand(inNamespace(network.scannerNamespace, ['env', `SSH_ASKPASS=${askpass}`, 'SSH_ASKPASS_REQUIRE=force', 'DISPLAY=realnet',
      'ssh', '-n', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'NumberOfPasswordPrompts=1', '-o', 'PubkeyAuthentication=no',
      '-o', 'ConnectTimeout=5', `${account.username}@${device.ip}`, 'echo logged-in']), { allowFailure: true, timeoutMs: 20_000 });
    return stdout.includes('logged-in');
  };
  const rightPasswordFirst = await login(account.password);
  for (let attempt = 0; attempt < denyOf(network, deviceId); attempt += 1) await login(`wrong-${attempt}`);
  return { rightPasswordFirst, rightPasswordAfterLock: await login(account.password) };
}
