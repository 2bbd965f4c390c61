import { afterEach, describe, expect, it } from 'vitest';
import { personaStarter } from './persona-fixture.js';
import { rawConnect } from './raw-client.js';

// This file's loopback range: 127.79.8.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.8.${nextHost++}`;
const personas = personaStarter();
afterEach(() => personas.closeAll());

describe('vnc persona', () => {
  it('sends the RFB banner and offers None when the device has no authentication', async () => {
    const address = nextAddress();
    await personas.start(address, { type: 'vnc', port: 5900, noAuth: true });
    const client = await rawConnect(address, 5900);
    expect((await client.waitForBytes(12)).toString('latin1')).toBe('RFB 003.008\n');
    client.write('RFB 003.008\n');
    expect([...(await client.waitForBytes(14)).subarray(12)]).toEqual([1, 1]);
    client.write(Buffer.from([1]));
    expect((await client.waitForBytes(18)).readUInt32BE(14)).toBe(0); // SecurityResult OK
    client.write(Buffer.from([1])); // ClientInit, shared
    const init = await client.waitForBytes(18 + 24);
    expect(init.readUInt16BE(18)).toBeGreaterThan(0); // framebuffer width
    client.close();
  });

  it('offers VNC authentication otherwise and fails the challenge', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, { type: 'vnc', port: 5900, noAuth: false, version: '003.008' });
    const client = await rawConnect(address, 5900);
    await client.waitForBytes(12);
    client.write('RFB 003.008\n');
    expect([...(await client.waitForBytes(14)).subarray(12)]).toEqual([1, 2]);
    client.write(Buffer.from([2]));
    await client.waitForBytes(14 + 16); // the challenge
    client.write(Buffer.alloc(16, 7));
    await client.closed;
    const result = client.received().subarray(30);
    expect(result.readUInt32BE(0)).toBe(1);
    expect(result.subarray(8).toString('latin1')).toBe('Authentication failed');
    expect(ctx.state).toMatchObject({ loginAttempts: 1, successfulLogins: 0 });
  });

  it('speaks RFB 3.3 to an old client: the security type as one word', async () => {
    const address = nextAddress();
    await personas.start(address, { type: 'vnc', port: 5900, noAuth: false });
    const client = await rawConnect(address, 5900);
    await client.waitForBytes(12);
    client.write('RFB 003.003\n');
    expect((await client.waitForBytes(16)).readUInt32BE(12)).toBe(2);
    client.close();
  });
});
