// Reads, on the device itself, whether the scan locked an account: pam_faillock's own tool over the
// device's tally directory, counted against the device's deny= setting.

import path from 'node:path';
import type { RealNetwork } from './network.js';
import { inNamespace, runCommand } from './run-command.js';
import type { Truth } from './spec.js';

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
