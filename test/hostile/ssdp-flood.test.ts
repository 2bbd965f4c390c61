// An SSDP responder that floods thousands of replies, each with another LOCATION: fetches stay bounded
// per host and per scan, what was held stays bounded, the cut-off is said, and the device beside it is
// still read in full. Loopback range: 127.95.6.0/24.

import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discovery/index.js';
import { MAX_HEADER_BYTES_PER_HOST, MAX_LOCATIONS_PER_HOST, MAX_REPLIES_PER_HOST, SsdpReplyCollector } from '../../src/discovery/ssdp/reply-caps.js';
import { groupReplies } from '../../src/discovery/ssdp/source.js';
import { parseSsdpReply } from '../../src/protocols/ssdp/reply.js';
import { description, httpServer, ssdpReply, udpAnswerer, type Closer } from '../../src/mocks/hostile/servers.js';
import { resolveScope } from '../../src/scope/index.js';

const closers: Closer[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const PLUG = description({ deviceType: 'urn:schemas-upnp-org:device:Basic:1', friendlyName: 'Plug', manufacturer: 'TP-Link', modelName: 'P110' });
const ssdpOnly = { mdns: false, ssdp: true, snmp: false, tcp: false, neighbours: false };

/** A host answering one search with `count` replies, each naming another description; counts the fetches. */
async function flooder(ip: string, count: number): Promise<{ fetches: () => number }> {
  let fetches = 0;
  closers.push(
    await udpAnswerer(ip, 1900, () => Array.from({ length: count }, (_, i) => ssdpReply(`http://${ip}:8080/d${i}.xml`))),
    await httpServer(ip, 8080, (_req: http.IncomingMessage, res: http.ServerResponse) => {
      fetches += 1;
      res.end(PLUG);
    }),
  );
  return { fetches: () => fetches };
}

async function honest(ip: string): Promise<void> {
  closers.push(await udpAnswerer(ip, 1900, () => [ssdpReply(`http://${ip}:8080/desc.xml`)]), await httpServer(ip, 8080, (_req, res) => res.end(PLUG)));
}

describe('an SSDP flood', () => {
  it('keeps a few replies per host however many arrive, and counts the rest', () => {
    const collector = new SsdpReplyCollector();
    for (let i = 0; i < 100_000; i++) collector.add({ ip: '10.0.0.9', st: 'upnp:rootdevice', location: `http://10.0.0.9/d${i}.xml` });
    for (let i = 0; i < 100; i++) collector.add({ ip: '10.0.0.10', st: `urn:x:service:S${i}:1`, location: 'http://10.0.0.10/desc.xml' });
    const kept = collector.replies();
    expect(kept.filter((r) => r.ip === '10.0.0.9')).toHaveLength(MAX_LOCATIONS_PER_HOST);
    expect(kept.filter((r) => r.ip === '10.0.0.10')).toHaveLength(MAX_REPLIES_PER_HOST);
    expect(collector.cutOffs()).toEqual([
      `10.0.0.9: SSDP replies cut off: ${100_000 - MAX_LOCATIONS_PER_HOST} more replies ignored after ${MAX_LOCATIONS_PER_HOST} kept (at most 8 LOCATIONs and 64 replies per host)`,
      `10.0.0.10: SSDP replies cut off: 36 more replies ignored after 64 kept (at most 8 LOCATIONs and 64 replies per host)`,
    ]);
  });

  it('holds header blocks as sent up to a budget per host: past it, replies are kept decoded only', () => {
    const collector = new SsdpReplyCollector();
    // Each block near the per-reply bound, each reply another type of one device.
    const block = (i: number) => parseSsdpReply('10.0.0.11', Buffer.from(
      `HTTP/1.1 200 OK\r\nST: urn:x:service:S${i}:1\r\nUSN: uuid:1::S${i}\r\nLOCATION: http://10.0.0.11/d.xml\r\n${Array.from({ length: 20 }, (_, j) => `X-PAD-${j}: ${'p'.repeat(80)}`).join('\r\n')}\r\n\r\n`,
    ))!;
    expect(block(0).headers).toHaveLength(23);
    for (let i = 0; i < 10_000; i++) collector.add(block(i));
    const kept = collector.replies();
    expect(kept).toHaveLength(MAX_REPLIES_PER_HOST);
    const held = kept.flatMap((reply) => reply.headers ?? []).reduce((sum, h) => sum + h.name.length + h.value.length + 4, 0);
    expect(held).toBeLessThanOrEqual(MAX_HEADER_BYTES_PER_HOST);
    expect(kept.filter((reply) => reply.headers).length).toBeGreaterThan(10);
    expect(kept.every((reply) => reply.st !== undefined)).toBe(true);
    const [device] = groupReplies(kept);
    expect(device!.info.headerBlocks!.length).toBe(kept.filter((reply) => reply.headers).length);
  });

  it('fetches at most a few descriptions from the flooding host, says so, and reads the honest one', async () => {
    const flood = await flooder('127.95.6.10', 3000);
    await honest('127.95.6.11');
    // The default window: the flood is sent by this very process, so it competes with the scan for time.
    const result = await discover(resolveScope({ targets: ['127.95.6.10-11'] }), { sources: ssdpOnly });
    expect(flood.fetches(), 'fetches from the flooding host').toBeGreaterThan(0);
    expect(flood.fetches(), 'fetches from the flooding host').toBeLessThanOrEqual(MAX_LOCATIONS_PER_HOST);
    const flooding = result.hosts.find((h) => h.ip === '127.95.6.10')!;
    expect(flooding.ssdp.length).toBeLessThanOrEqual(MAX_LOCATIONS_PER_HOST);
    expect(result.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^127\.95\.6\.10: SSDP replies cut off: \d+ more replies ignored/));
    expect(result.hosts.find((h) => h.ip === '127.95.6.11')?.ssdp[0]?.description, 'the honest neighbour').toMatchObject({ modelName: 'P110' });
  });

  it('caps the description fetches of the whole scan and names the ones left out', async () => {
    const floods = await Promise.all(['127.95.6.20', '127.95.6.21', '127.95.6.22'].map((ip) => flooder(ip, 50)));
    const result = await discover(resolveScope({ targets: ['127.95.6.20-22'] }), { sources: ssdpOnly, ssdp: { waitMs: 600, maxFetches: 10 } });
    expect(floods.reduce((sum, f) => sum + f.fetches(), 0)).toBe(10);
    const left = result.hosts.flatMap((h) => h.ssdp).filter((s) => s.descriptionError?.startsWith('not fetched'));
    expect(left).toHaveLength(3 * MAX_LOCATIONS_PER_HOST - 10);
    expect(result.problems.map((p) => p.message)).toContain(`${3 * MAX_LOCATIONS_PER_HOST - 10} UPnP descriptions not fetched: the scan's cap of 10 fetches was reached`);
  });
});
