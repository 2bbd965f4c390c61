import dgram from 'node:dgram';
import { Agent, request } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSsdpResponder } from '../../src/mocks/ssdp/responder.js';
import { startUpnpHttp } from '../../src/mocks/upnp/http-server.js';
import type { RunningPersona } from '../../src/mocks/types.js';
import { contextFor, fleetOf } from './helpers.js';

// Loopback sub-range of this file: 127.78.6.0/24.
const fleet = fleetOf(`
name: knobs-test
range: 127.78.6.0/24
devices:
  - { id: slow, kind: tv, vendor: LG, model: OLED55C1, knobs: { delayMs: 300, slowMs: 5 }, ssdp: { port: 7677, modelDescription: "${'x'.repeat(1200)}" } }
  - { id: silent, kind: tv, vendor: LG, model: OLED55C1, knobs: { silent: true }, ssdp: { port: 7677 } }
`);

const dispatcher = new Agent({ connect: { timeout: 1000 }, headersTimeout: 600, bodyTimeout: 2000 });
afterAll(() => dispatcher.close());
const running: RunningPersona[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});

/** Sends a unicast M-SEARCH and resolves with the replies seen until `until` settles. */
async function mSearch(address: string, until: Promise<unknown>): Promise<string[]> {
  const socket = dgram.createSocket('udp4');
  const replies: string[] = [];
  socket.on('message', (message) => replies.push(message.toString()));
  await new Promise<void>((resolve) => socket.bind(0, '127.78.6.250', () => resolve()));
  socket.send(`M-SEARCH * HTTP/1.1\r\nHOST: ${address}:1900\r\nMAN: "ssdp:discover"\r\nST: upnp:rootdevice\r\n\r\n`, 1900, address);
  await until;
  socket.close();
  return replies;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('behaviour knobs', () => {
  it('delay: the answer still comes, and a close during the delay cancels it', async () => {
    const ctx = contextFor(fleet, 'slow');
    running.push(await startSsdpResponder(ctx));
    expect(await mSearch('127.78.6.1', pause(900))).toHaveLength(1);

    const responder = running.pop()!;
    const replies = mSearch('127.78.6.1', pause(600));
    await pause(50);
    await responder.close();
    expect(await replies).toHaveLength(0);
  });

  it('slow: a body sent in chunks arrives whole', async () => {
    running.push(await startUpnpHttp(contextFor(fleet, 'slow')));
    const response = await request('http://127.78.6.1:7677/description.xml', { dispatcher, headersTimeout: 3000 });
    const xml = await response.body.text();
    expect(xml).toContain('x'.repeat(1200));
    expect(xml.trimEnd().endsWith('</root>')).toBe(true);
  });

  it('silent: ports stay bound but nothing answers', async () => {
    const ctx = contextFor(fleet, 'silent');
    running.push(await startSsdpResponder(ctx), await startUpnpHttp(ctx));
    expect(await mSearch('127.78.6.2', pause(400))).toHaveLength(0);
    await expect(request('http://127.78.6.2:7677/description.xml', { dispatcher })).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    const rebind = dgram.createSocket('udp4');
    const bound = await new Promise<string>((resolve) => {
      rebind.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      rebind.bind(1900, '127.78.6.2', () => resolve('bound'));
    });
    rebind.close();
    expect(bound).toBe('EADDRINUSE');
  });
});
