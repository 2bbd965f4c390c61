// One place decides whether a mock device lets a login in, so every protocol honours the same knobs.

import type { Account, DeviceSpec, DeviceState } from './types.js';

export type LoginOutcome = 'ok' | 'denied' | 'locked';

export function newDeviceState(): DeviceState {
  return { failedLogins: 0, lockedUntil: 0, loginAttempts: 0, successfulLogins: 0 };
}

/** Accounts a service accepts: its own list, else the device's. */
export function accountsFor(device: DeviceSpec, serviceAccounts?: Account[]): Account[] {
  return serviceAccounts && serviceAccounts.length > 0 ? serviceAccounts : device.accounts;
}

export function tryLogin(
  device: DeviceSpec,
  state: DeviceState,
  accounts: Account[],
  username: string,
  password: string,
  now: number = Date.now(),
): LoginOutcome {
  state.loginAttempts += 1;
  if (state.lockedUntil > now) return 'locked';
  const ok =
    device.knobs.acceptAnyPassword ||
    device.knobs.acceptAnyPasswordFor.includes(username) ||
    password.length < device.knobs.acceptPasswordsShorterThan ||
    accounts.some((a) => a.username === username && a.password === password);
  if (ok) {
    state.failedLogins = 0;
    state.successfulLogins += 1;
    return 'ok';
  }
  state.failedLogins += 1;
  if (device.knobs.lockoutAfter > 0 && state.failedLogins >= device.knobs.lockoutAfter) {
    state.lockedUntil = now + device.knobs.lockoutMs;
    state.failedLogins = 0;
  }
  return 'denied';
}
