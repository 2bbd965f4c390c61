// The five devices that used to stall a scan: each one now ends within its budget, the cut-off says
// what and where, and an honest device beside it is still found. Loopback range: 127.95.0.0/16.

import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import { afterAll, describe, expect, it } from 'vitest';
import { readPortMappings } from '../../src/protocols/upnp/igd.js';
import { probeTelnetLogin } from '../../src/protocols/telnet/login.js';
import { discover } from '../../src/discovery/index.js';
import { resolveScope } from '../../src/scope/index.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function listen(server: net.Server, port: number, address: string): Promise<void> {
  await new Promise<void>((resolve) => server.listen(port, address, resolve));
  closers.push(() => new Promise((resolve) => {
    if (server instanceof http.Server) server.closeAllConnections();
    server.close(() => resolve());
  }));
}

async function udp(address: string, port: number, answer: (query: Buffer) => Buffer[]): Promise<void> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, rinfo) => {
    for (const reply of answer(message)) socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(port, address, resolve));
  closers.push(() => new Promise((resolve) => socket.close(() => resolve())));
}

const sources = (only: 'mdns' | 'ssdp') => ({ mdns: only === 'mdns', ssdp: only === 'ssdp', snmp: false, tcp: false, neighbours: false });
const ssdpReply = (location: string) => Buffer.from(`HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\nUSN: uuid:1::upnp:rootdevice\r\nLOCATION: ${location}\r\n\r\n`);
const GOOD_XML = '<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><friendlyName>Plug</friendlyName><manufacturer>TP-Link</manufacturer><modelName>P110</modelName></device></root>';

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe('a scan that always ends', () => {
  it('cuts off a description body that trickles a byte at a time, and says where', async () => {
    let trickled = 0;
    const trickle = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<?xml version="1.0"?><root>');
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        trickled += 1;
        res.write('a');
      }, 100);
    });
    await listen(trickle, 8080, '127.95.1.10');
    await listen(http.createServer((_req, res) => res.end(GOOD_XML)), 8080, '127.95.1.11');
    await udp('127.95.1.10', 1900, () => [ssdpReply('http://127.95.1.10:8080/desc.xml')]);
    await udp('127.95.1.11', 1900, () => [ssdpReply('http://127.95.1.11:8080/desc.xml')]);

    const { value: result, ms } = await timed(() =>
      discover(resolveScope({ targets: ['127.95.1.10-11'] }), { sources: sources('ssdp'), ssdp: { waitMs: 300, fetchTimeoutMs: 1000 } }),
    );
    expect(ms).toBeLessThan(300 + 1000 + 1500);
    const slow = result.hosts.find((h) => h.ip === '127.95.1.10')!.ssdp[0]!;
    expect(slow.description).toBeUndefined();
    expect(slow.descriptionError).toMatch(/127\.95\.1\.10:8080\/desc\.xml cut off: not complete within 1000 ms/);
    expect(trickled).toBeGreaterThan(3); // the body really was trickling when it was cut off
    expect(result.hosts.find((h) => h.ip === '127.95.1.11')!.ssdp[0]!.description).toMatchObject({ modelName: 'P110' });
  });

  it('cuts off a telnet service that streams forever, with bounded reading', async () => {
    let sent = 0;
    const endless = net.createServer((socket) => {
      socket.on('error', () => {});
      const line = Buffer.from('Welcome to the device, here is some more text without a prompt\r\n'.repeat(64));
      const pump = () => {
        while (!socket.destroyed && sent < 64 * 1024 * 1024) {
          sent += line.length;
          if (!socket.write(line)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    await listen(endless, 2323, '127.95.2.10');
    const { value: result, ms } = await timed(() =>
      probeTelnetLogin({ ip: '127.95.2.10', port: 2323 }, 'admin', 'admin', { signal: new AbortController().signal, timeoutMs: 5000 }),
    );
    expect(result).toMatchObject({ outcome: 'error' });
    expect((result as { detail: string }).detail).toMatch(/127\.95\.2\.10:2323: cut off: sent more than \d+ bytes/);
    expect(ms).toBeLessThan(3000);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
  });

  it('cuts off a telnet negotiation (IAC SB) that never closes', async () => {
    const open = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.write(Buffer.from([255, 250, 24]));
      const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(Buffer.alloc(1024, 0x41))), 5);
    });
    await listen(open, 2323, '127.95.2.11');
    const { value: result, ms } = await timed(() =>
      probeTelnetLogin({ ip: '127.95.2.11', port: 2323 }, 'admin', 'admin', { signal: new AbortController().signal, timeoutMs: 5000 }),
    );
    expect((result as { detail: string }).detail).toMatch(/127\.95\.2\.11:2323: cut off: a negotiation left open/);
    expect(ms).toBeLessThan(3000);
  });

  it('asks an mDNS host that names many types and then goes silent in a few rounds, not one wait per question', async () => {
    const types = Array.from({ length: 40 }, (_, i) => `_t${i}._tcp.local`);
    await udp('127.95.3.10', 5353, (query) => {
      const question = dnsPacket.decode(query).questions?.[0];
      if (question?.name !== '_services._dns-sd._udp.local') return [];
      const answers = types.map((data) => ({ type: 'PTR' as const, name: question.name, ttl: 10, data }));
      // Each type has instances too, announced up front; the SRV/TXT/A questions that follow get silence.
      const instances = types.slice(0, 30).map((type) => ({ type: 'PTR' as const, name: type, ttl: 10, data: `Dev._x.${type}` }));
      return [dnsPacket.encode({ type: 'response', id: 0, answers: [...answers, ...instances] })];
    });
    const { value: result, ms } = await timed(() =>
      discover(resolveScope({ targets: ['127.95.3.10'] }), { sources: sources('mdns'), mdns: { multicast: false, hostTimeoutMs: 300 } }),
    );
    // Four rounds at most (types, instances, SRV+TXT, addresses); one question at a time took 60+ waits.
    expect(ms).toBeLessThan(4 * 300 + 1500);
    expect(result.problems).toEqual([]);
    // Listed with what it said: the instances it named (no port or TXT ever came) and its other types.
    const host = result.hosts.find((h) => h.ip === '127.95.3.10');
    expect(host?.discoveredBy).toEqual(['mdns']);
    const named = host!.mdns.filter((s) => s.instance !== '');
    expect(named).toHaveLength(24);
    expect(named[0]).toEqual({ instance: 'Dev._x', type: '_t0._tcp', port: 0, txt: {} });
    expect(host!.mdns.filter((s) => s.instance === '')).toHaveLength(0);
  });

  it('ends quickly on malformed mDNS: pointer loops, over-long labels, 10 000 PTRs', async () => {
    const header = (id: number, answers: number) => Buffer.from([id >> 8, id & 255, 0x84, 0, 0, 0, 0, answers, 0, 0, 0, 0]);
    // A name that points at itself.
    const loop = Buffer.concat([header(0, 1), Buffer.from([0xc0, 12, 0, 12, 0, 1, 0, 0, 0, 10, 0, 2, 0xc0, 12])]);
    // A label that claims 63 bytes and runs past the end.
    const longLabel = Buffer.concat([header(0, 1), Buffer.from([63]), Buffer.alloc(20, 0x61)]);
    await udp('127.95.3.11', 5353, () => [loop, longLabel]);
    const many = Array.from({ length: 10_000 }, (_, i) => ({ type: 'PTR' as const, name: '_services._dns-sd._udp.local', ttl: 10, data: `_s${i}._tcp.local` }));
    const flood = dnsPacket.encode({ type: 'response', id: 0, answers: many });
    await udp('127.95.3.12', 5353, () => [flood.subarray(0, 60_000)]);
    const { value: result, ms } = await timed(() =>
      discover(resolveScope({ targets: ['127.95.3.11-12'] }), { sources: sources('mdns'), mdns: { multicast: false, hostTimeoutMs: 300 } }),
    );
    expect(ms).toBeLessThan(4 * 300 + 1500);
    // The loop and the bad label say nothing; the flood's whole records within 9000 bytes name its types.
    expect(result.hosts.map((h) => h.ip)).toEqual(['127.95.3.12']);
    const types = result.hosts[0]!.mdns.map((s) => s.type);
    expect(types).toHaveLength(24);
    expect(types).toContain('_s0._tcp');
  });

  it("caps a slow router's mapping list in time and says where it stopped", async () => {
    let calls = 0;
    const slow = http.createServer((req, res) => {
      req.resume();
      calls += 1;
      const index = calls;
      setTimeout(() => {
        res.setHeader('content-type', 'text/xml');
        res.end(
          '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
            `<u:GetGenericPortMappingEntryResponse><NewExternalPort>${1000 + index}</NewExternalPort><NewProtocol>TCP</NewProtocol>` +
            '<NewInternalPort>80</NewInternalPort><NewInternalClient>127.95.4.20</NewInternalClient><NewEnabled>1</NewEnabled>' +
            '</u:GetGenericPortMappingEntryResponse></s:Body></s:Envelope>',
        );
      }, 150);
    });
    await listen(slow, 49000, '127.95.4.10');
    const endpoint = { ip: '127.95.4.10', port: 49000, path: '/ctl', serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:1' };
    const { value: reading, ms } = await timed(() =>
      readPortMappings(endpoint, { signal: new AbortController().signal, timeoutMs: 2000 }, { budgetMs: 1000 }),
    );
    expect(ms).toBeLessThan(1800);
    expect(reading.cutOff).toBe(true);
    expect(reading.stoppedBy).toMatch(/time cap of 1000 ms after \d+ entries/);
    expect(reading.mappings.length).toBeGreaterThan(1);
    expect(reading.mappings.length).toBeLessThan(128);
  });
});
