// Builds a device and persona context by hand, so these tests need no fleet loader.

import { newDeviceState } from '../../../src/mocks/accounts.js';
import type { DeviceSpec, Knobs, PersonaContext, RunningPersona, TcpServiceSpec } from '../../../src/mocks/types.js';
import { startTcpService } from '../../../src/mocks/tcp/index.js';

export const FACTORY_ACCOUNT = { username: 'admin', password: 'admin123' };

export function mockDevice(address: string, knobs: Partial<Knobs> = {}): DeviceSpec {
  return {
    id: `dev-${address.replace(/\./g, '-')}`,
    address,
    hostname: 'ipcam-hall',
    kind: 'camera',
    vendor: 'Acme',
    model: 'IPC-100',
    plants: [],
    knobs: { delayMs: 0, slowMs: 0, silent: false, lockoutAfter: 0, lockoutMs: 60_000, failedLoginDelayMs: 0, acceptAnyPassword: false, acceptAnyPasswordFor: [], acceptPasswordsShorterThan: 0, answersAnyCommunity: false, ...knobs },
    accounts: [FACTORY_ACCOUNT],
    mdns: [],
    services: [],
  };
}

export interface StartedPersona {
  ctx: PersonaContext;
  persona: RunningPersona;
  abort: AbortController;
}

/** Starts one service; every persona started here is closed by closeAll(). */
export function personaStarter() {
  const started: StartedPersona[] = [];
  return {
    async start(address: string, spec: TcpServiceSpec, knobs: Partial<Knobs> = {}): Promise<StartedPersona> {
      const device = mockDevice(address, knobs);
      device.services = [spec];
      const abort = new AbortController();
      const ctx: PersonaContext = {
        device,
        state: newDeviceState(),
        fleet: { name: 'test', range: `${address}/32`, devices: [device] },
        signal: abort.signal,
      };
      const persona = await startTcpService(ctx, spec);
      const entry = { ctx, persona, abort };
      started.push(entry);
      return entry;
    },
    async closeAll(): Promise<void> {
      await Promise.all(started.splice(0).map((entry) => entry.persona.close()));
    },
  };
}
