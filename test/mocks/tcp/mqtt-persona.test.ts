import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { TcpServiceSpec } from '../../../src/mocks/types.js';
import { FACTORY_ACCOUNT, personaStarter } from './persona-fixture.js';

// This file's loopback range: 127.79.6.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.6.${nextHost++}`;
const personas = personaStarter();
afterEach(() => personas.closeAll());

const spec = (anonymous: boolean): TcpServiceSpec => ({ type: 'mqtt', port: 1883, anonymous });

/** Connects once (no reconnects) and resolves the CONNACK return code. */
function connackCode(address: string, credentials: { username?: string; password?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect({ host: address, port: 1883, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000, ...credentials });
    client.on('connect', (packet) => {
      client.end(true);
      resolve(packet.returnCode ?? 0);
    });
    client.on('error', (error) => {
      client.end(true);
      const code = (error as { code?: number }).code;
      if (typeof code === 'number') resolve(code);
      else reject(error);
    });
  });
}

describe('mqtt persona', () => {
  it('accepts anonymous clients when configured, refuses them (5) otherwise', async () => {
    const open = nextAddress();
    await personas.start(open, spec(true));
    expect(await connackCode(open)).toBe(0);
    const closed = nextAddress();
    await personas.start(closed, spec(false));
    expect(await connackCode(closed)).toBe(5);
  });

  it('checks credentials: right ones 0, wrong ones 4, counted on the device', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, spec(false));
    expect(await connackCode(address, { username: 'admin', password: 'wrong' })).toBe(4);
    expect(await connackCode(address, { username: FACTORY_ACCOUNT.username, password: FACTORY_ACCOUNT.password })).toBe(0);
    expect(ctx.state).toMatchObject({ loginAttempts: 2, successfulLogins: 1 });
  });

  it('refuses with 5 while locked out and lets anything in under accept-any', async () => {
    const locked = nextAddress();
    await personas.start(locked, spec(false), { lockoutAfter: 1 });
    expect(await connackCode(locked, { username: 'admin', password: 'bad' })).toBe(4);
    expect(await connackCode(locked, { username: FACTORY_ACCOUNT.username, password: FACTORY_ACCOUNT.password })).toBe(5);

    const trap = nextAddress();
    await personas.start(trap, spec(false), { acceptAnyPassword: true });
    expect(await connackCode(trap, { username: 'who', password: 'ever' })).toBe(0);
  });
});
