// The ATAG One announcement: decode, garbage, and a listener that stays bounded. The payload below is the shape
// pyatag's discovery.py comment shows ('ONE xxxx-xxxx-xxxx_xx-xx-xxx-xxx (ST)', id masked) with the masked
// characters filled in; no unmasked recording is public. Sockets only on loopback: run inside a namespace.

import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { atagModel, decodeAtagAnnouncement } from '../../src/protocols/atag/announce.js';
import { listenForAtag } from '../../src/discovery/atag/listen.js';

const SHAPED = Buffer.from('ONE 6808-1500-2109_15-48-001-544 (ST)', 'ascii');

describe('ATAG announcement decode', () => {
  it('reads the product, device id and suffix of the documented shape', () => {
    expect(SHAPED.length).toBe(37); // what pyatag reads in one recvfrom
    const decoded = decodeAtagAnnouncement(SHAPED);
    expect(decoded).toEqual({ product: 'ONE', deviceId: '6808-1500-2109_15-48-001-544', suffix: 'ST' });
    expect(atagModel(decoded!)).toBe('ATAG One');
  });

  it('ignores garbage, binary and oversized datagrams', () => {
    for (const text of ['', 'ONE', 'TWO 1234 (ST)', 'ONE a b c', 'M-SEARCH * HTTP/1.1', `ONE ${'1'.repeat(60)}`])
      expect(decodeAtagAnnouncement(Buffer.from(text))).toBeNull();
    expect(decodeAtagAnnouncement(Buffer.from([0x4f, 0x4e, 0x45, 0x20, 0x00, 0x31]))).toBeNull();
    expect(decodeAtagAnnouncement(Buffer.alloc(2000, 0x41))).toBeNull();
  });
});

async function send(port: number, payloads: Buffer[]): Promise<void> {
  const socket = dgram.createSocket('udp4');
  for (const payload of payloads) await new Promise<void>((resolve) => socket.send(payload, port, '127.0.0.1', () => resolve()));
  await new Promise<void>((resolve) => socket.close(() => resolve()));
}

describe('ATAG listener', () => {
  it('hears an announcement and names the sender', async () => {
    const result = await listenForAtag({
      address: '127.0.0.1', port: 0, windowMs: 1500,
      onListening: (port) => void send(port, [Buffer.from('garbage'), SHAPED]),
    });
    expect(result.heard).toEqual([{ ip: '127.0.0.1', announcement: expect.objectContaining({ deviceId: '6808-1500-2109_15-48-001-544' }) }]);
    expect(result.ignored).toBeGreaterThanOrEqual(1);
  });

  it('stops looking after maxDatagrams in a flood, long before the window ends', async () => {
    const started = Date.now();
    const flood = Array.from({ length: 400 }, (_, i) => (i % 2 ? SHAPED : Buffer.alloc(200, 0x41)));
    const result = await listenForAtag({ address: '127.0.0.1', port: 0, windowMs: 10_000, maxDatagrams: 50, onListening: (port) => void send(port, flood) });
    expect(result.datagrams).toBe(50);
    expect(result.heard).toHaveLength(1); // one sender, kept once
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ends at once when aborted and when the window passes', async () => {
    const controller = new AbortController();
    const aborted = listenForAtag({ address: '127.0.0.1', port: 0, windowMs: 60_000, signal: controller.signal, onListening: () => controller.abort() });
    await expect(aborted).resolves.toEqual({ heard: [], datagrams: 0, ignored: 0, capped: false });
    await expect(listenForAtag({ address: '127.0.0.1', port: 0, windowMs: 100 })).resolves.toMatchObject({ heard: [] });
  });
});
