import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newDeviceState } from '../../../src/mocks/accounts.js';
import { MockBindError } from '../../../src/mocks/errors.js';
import { MockServiceError, startTcpService } from '../../../src/mocks/tcp/index.js';
import type { RunningPersona, TcpServiceSpec } from '../../../src/mocks/types.js';
import { mockDevice, personaStarter } from './persona-fixture.js';
import { rawConnect } from './raw-client.js';

// This file's loopback range: 127.79.9.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.9.${nextHost++}`;
const personas = personaStarter();
afterEach(() => personas.closeAll());

const EVERY_KIND: TcpServiceSpec[] = [
  { type: 'http', port: 18080, title: 'Router', auth: 'basic' },
  { type: 'https', port: 18443, title: 'Router', auth: 'none' },
  { type: 'telnet', port: 10023, banner: 'NAS telnetd', prompt: '# ' },
  { type: 'ssh', port: 10022, ident: 'dropbear_2019.78' },
  { type: 'ftp', port: 10021, banner: 'FTP ready', anonymous: true },
  { type: 'mqtt', port: 11883, anonymous: true },
  { type: 'rtsp', port: 10554, auth: 'digest' },
  { type: 'vnc', port: 15900, noAuth: true },
  { type: 'open', port: 13389 },
];

function bindSucceeds(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

describe('every TCP persona', () => {
  it.each(EVERY_KIND.map((spec) => [spec.type, spec] as const))(
    '%s: lists what it serves, drops open connections on close() and frees the port',
    async (type, spec) => {
      const address = nextAddress();
      const { persona, ctx } = await personas.start(address, spec);
      expect(persona.served).toEqual([{ deviceId: ctx.device.id, address, protocol: type, port: spec.port, transport: 'tcp' }]);
      expect(await bindSucceeds(address, spec.port)).toBe(false);
      const client = await rawConnect(address, spec.port);
      await persona.close();
      await client.closed;
      expect(await bindSucceeds(address, spec.port)).toBe(true);
    },
  );

  it('closes when the fleet signal aborts', async () => {
    const address = nextAddress();
    const { persona, abort } = await personas.start(address, { type: 'telnet', port: 10023, banner: 'x', prompt: '# ' });
    const client = await rawConnect(address, 10023);
    abort.abort();
    await client.closed; // the abort alone tore the connection down
    await persona.close();
    expect(await bindSucceeds(address, 10023)).toBe(true);
  });

  it('shares one fleet signal between many personas without warnings, and closes them all on abort', async () => {
    const fleet = new AbortController();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const address = nextAddress();
    const device = mockDevice(address);
    const ctx = { device, state: newDeviceState(), fleet: { name: 't', range: `${address}/32`, devices: [device] }, signal: fleet.signal };
    const ports = Array.from({ length: 14 }, (_, index) => 20000 + index);
    const running: RunningPersona[] = [];
    for (const port of ports) running.push(await startTcpService(ctx, { type: 'open', port }));
    fleet.abort();
    await Promise.all(running.map((persona) => persona.close()));
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings).toEqual([]);
    for (const port of ports) expect(await bindSucceeds(address, port)).toBe(true);
  });

  it('names the device and port when the port is taken', async () => {
    const address = nextAddress();
    await personas.start(address, { type: 'open', port: 13389 });
    const clash = personas.start(address, { type: 'http', port: 13389, title: 'x', auth: 'none' });
    await expect(clash).rejects.toBeInstanceOf(MockBindError);
    await expect(clash).rejects.toThrow(`device "dev-${address.replace(/\./g, '-')}" cannot serve http on ${address}:13389: the address is already in use`);
  });

  it('refuses to start once the fleet is stopping', async () => {
    const address = nextAddress();
    const device = mockDevice(address);
    const stopped = AbortSignal.abort();
    const ctx = { device, state: newDeviceState(), fleet: { name: 't', range: `${address}/32`, devices: [device] }, signal: stopped };
    await expect(startTcpService(ctx, { type: 'open', port: 13389 })).rejects.toBeInstanceOf(MockServiceError);
    expect(await bindSucceeds(address, 13389)).toBe(true);
  });
});

describe('open ports', () => {
  it('sends the banner when there is one', async () => {
    const address = nextAddress();
    await personas.start(address, { type: 'open', port: 16668, banner: 'HELLO-DEVICE\r\n' });
    const client = await rawConnect(address, 16668);
    await client.waitFor('HELLO-DEVICE\r\n');
    client.close();
  });

  it('stays quiet without a banner and closes when the client leaves', async () => {
    const address = nextAddress();
    await personas.start(address, { type: 'open', port: 15555 });
    const client = await rawConnect(address, 15555);
    client.write('CNXN\0\0\0\x01');
    client.socket.end();
    await client.closed;
    expect(client.received().length).toBe(0);
  });
});

describe('knobs', () => {
  it('silent: accepts the connection and sends nothing, even to a full request', async () => {
    const address = nextAddress();
    await personas.start(address, { type: 'http', port: 18080, title: 'Quiet', auth: 'none' }, { silent: true });
    const client = await rawConnect(address, 18080);
    client.write(`GET / HTTP/1.1\r\nHost: ${address}\r\nConnection: close\r\n\r\n`);
    client.socket.end();
    await client.closed;
    expect(client.received().length).toBe(0);
  });

  it('delay: the answer still comes after a short delay', async () => {
    const address = nextAddress();
    await personas.start(address, { type: 'ftp', port: 10021, banner: 'Delayed FTP', anonymous: false }, { delayMs: 30 });
    const client = await rawConnect(address, 10021);
    await client.waitFor('220 Delayed FTP\r\n');
    client.close();
  });

  it('delay: closing the persona during a long delay ends the wait, nothing is sent', async () => {
    const address = nextAddress();
    const { persona } = await personas.start(address, { type: 'telnet', port: 10023, banner: 'x', prompt: '# ' }, { delayMs: 600_000 });
    const client = await rawConnect(address, 10023);
    await persona.close();
    await client.closed;
    expect(client.received().length).toBe(0);
  });

  it('slow: a long answer arrives whole when sent in slow chunks', async () => {
    const address = nextAddress();
    const page = `<html><body>${'status ok; '.repeat(40)}end-of-page</body></html>`;
    await personas.start(address, { type: 'http', port: 18080, title: 'Slow', auth: 'none', pages: { '/s.html': page } }, { slowMs: 2 });
    const client = await rawConnect(address, 18080);
    client.write(`GET /s.html HTTP/1.1\r\nHost: ${address}\r\nConnection: close\r\n\r\n`);
    await client.closed;
    expect(client.text()).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(client.text().endsWith(page)).toBe(true);
  });
});
