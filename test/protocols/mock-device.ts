// Starts mock TCP personas for one device on a loopback address, for probe and check tests.

import { newDeviceState } from '../../src/mocks/accounts.js';
import { DEFAULT_KNOBS } from '../../src/mocks/fleet-defaults.js';
import { startTcpService } from '../../src/mocks/tcp/index.js';
import type { DeviceSpec, DeviceState, Knobs, RunningPersona, TcpServiceSpec } from '../../src/mocks/types.js';

export interface MockDevice {
  spec: DeviceSpec;
  state: DeviceState;
  close(): Promise<void>;
}

export async function startMockDevice(
  address: string,
  services: TcpServiceSpec[],
  options: { knobs?: Partial<Knobs>; accounts?: DeviceSpec['accounts']; vendor?: string; model?: string } = {},
): Promise<MockDevice> {
  const spec: DeviceSpec = {
    id: `dev-${address}`,
    address,
    hostname: 'testdevice',
    kind: 'camera',
    vendor: options.vendor ?? 'Acme',
    model: options.model ?? 'X1',
    plants: [],
    knobs: { ...DEFAULT_KNOBS, ...options.knobs },
    accounts: options.accounts ?? [{ username: 'admin', password: '12345' }],
    mdns: [],
    services,
  };
  const state = newDeviceState();
  // One controller per service: on Node 20, getMaxListeners throws on a signal that already had
  // setMaxListeners(0), which the personas call on the signal they are given.
  const controllers: AbortController[] = [];
  const running: RunningPersona[] = [];
  const abortAll = (): void => controllers.forEach((c) => c.abort());
  try {
    for (const service of services) {
      const controller = new AbortController();
      controllers.push(controller);
      running.push(
        await startTcpService({ device: spec, state, fleet: { name: 'test', range: `${address}/32`, devices: [spec] }, signal: controller.signal }, service),
      );
    }
  } catch (error) {
    abortAll();
    await Promise.all(running.map((r) => r.close()));
    throw error;
  }
  return {
    spec,
    state,
    async close() {
      abortAll();
      await Promise.all(running.map((r) => r.close()));
    },
  };
}

export const probeOptions = (timeoutMs = 3000) => ({ signal: new AbortController().signal, timeoutMs });
