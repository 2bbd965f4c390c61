// Hostile replies change nothing but the hostile device's own record: no crash, no hang, nothing
// fetched outside scope. Responders are hand-written on 127.80.2.x (mDNS), .3.x (SSDP), .4.x (TCP).

import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import dnsPacket, { type Packet } from 'dns-packet';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discovery/index.js';
import type { DiscoverOptionsInput } from '../../src/discovery/index.js';
import { resolveScope } from '../../src/scope/index.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function udpResponder(address: string, port: number, answer: (query: Buffer) => Buffer | null): Promise<void> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, rinfo) => {
    const reply = answer(message);
    if (reply) socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(port, address, resolve));
  closers.push(() => new Promise((resolve) => socket.close(() => resolve())));
}

async function httpServer(address: string, port: number, handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, address, resolve));
  closers.push(() => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return server;
}

const only = (source: 'mdns' | 'ssdp' | 'tcp'): DiscoverOptionsInput['sources'] => ({
  mdns: source === 'mdns', ssdp: source === 'ssdp', snmp: false, tcp: source === 'tcp', neighbours: false,
});

/** Answers every DNS-SD question for one _http._tcp instance the way a well-behaved device does. */
function goodMdnsAnswer(query: Buffer): Buffer {
  const question = dnsPacket.decode(query).questions?.[0];
  const name = question?.name ?? '';
  const packet: Packet = { type: 'response', id: dnsPacket.decode(query).id ?? 0, flags: dnsPacket.AUTHORITATIVE_ANSWER, questions: question ? [question] : [], answers: [] };
  if (name === '_services._dns-sd._udp.local') packet.answers = [{ type: 'PTR', name, ttl: 10, data: '_http._tcp.local' }];
  else if (name === '_http._tcp.local') packet.answers = [{ type: 'PTR', name, ttl: 10, data: 'Plug._http._tcp.local' }];
  else if (question?.type === 'SRV') packet.answers = [{ type: 'SRV', name, ttl: 10, data: { target: 'plug.local', port: 80 } }];
  else if (question?.type === 'TXT') packet.answers = [{ type: 'TXT', name, ttl: 10, data: ['model=P110'] }];
  else if (question?.type === 'A') packet.answers = [{ type: 'A', name, ttl: 10, data: '127.80.2.12' }];
  return dnsPacket.encode(packet);
}

describe('hostile mDNS replies', () => {
  it('reads only the whole records of truncated and oversized packets and keeps the well-behaved device', async () => {
    await udpResponder('127.80.2.10', 5353, (query) => goodMdnsAnswer(query).subarray(0, 20));
    await udpResponder('127.80.2.11', 5353, (query) => {
      const id = dnsPacket.decode(query).id ?? 0;
      const huge = Array.from({ length: 200 }, (_, i) => `k${i}=${'x'.repeat(200)}`);
      const name = '_services._dns-sd._udp.local';
      return dnsPacket.encode({ type: 'response', id, answers: [{ type: 'PTR', name, ttl: 10, data: '_http._tcp.local' }, { type: 'TXT', name: 'x.local', ttl: 10, data: huge }] });
    });
    await udpResponder('127.80.2.12', 5353, goodMdnsAnswer);

    const result = await discover(resolveScope({ targets: ['127.80.2.10-12'] }), { sources: only('mdns') });
    expect(result.problems).toEqual([]);
    // 2.10's 20 bytes hold no whole record; 2.11's first 9000 bytes hold its service type, not the huge TXT.
    expect(result.hosts.map((h) => h.ip)).toEqual(['127.80.2.11', '127.80.2.12']);
    expect(result.hosts[0]!.mdns).toEqual([{ instance: '', type: '_http._tcp', port: 0, txt: {} }]);
    expect(result.hosts[1]!.mdns).toEqual([{ instance: 'Plug', type: '_http._tcp', port: 80, host: 'plug.local', txt: { model: 'P110' }, txtSent: [{ key: 'model', value: 'P110' }] }]);
  });
});

describe('hostile SSDP replies and descriptions', () => {
  const GOOD = '<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType><friendlyName>Plug</friendlyName><manufacturer>TP-Link</manufacturer><modelName>P110</modelName></device></root>';
  const BOMB = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><root><device><friendlyName>&lol9;</friendlyName></device></root>`;

  const ssdpReply = (location: string) => () =>
    Buffer.from(`HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\nUSN: uuid:1::upnp:rootdevice\r\nSERVER: Linux UPnP/1.0\r\nLOCATION: ${location}\r\n\r\n`);

  it('refuses XML bombs, 50 MB descriptions and LOCATIONs elsewhere; keeps the good device', async () => {
    let outsideRequests = 0;
    let bigBytesSent = 0;
    const outside = net.createServer((socket) => {
      outsideRequests++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => outside.listen(8080, '127.80.3.99', resolve));
    closers.push(() => new Promise((resolve) => outside.close(() => resolve())));

    await httpServer('127.80.3.10', 8080, (_req, res) => res.end(BOMB));
    await httpServer('127.80.3.11', 8080, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (bigBytesSent < 50 * 1024 * 1024 && !res.destroyed) {
          bigBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await httpServer('127.80.3.13', 8080, (_req, res) => res.end(GOOD));
    await udpResponder('127.80.3.10', 1900, ssdpReply('http://127.80.3.10:8080/bomb.xml'));
    await udpResponder('127.80.3.11', 1900, ssdpReply('http://127.80.3.11:8080/big.xml'));
    await udpResponder('127.80.3.12', 1900, ssdpReply('http://127.80.3.99:8080/desc.xml'));
    await udpResponder('127.80.3.13', 1900, ssdpReply('http://plug.local:8080/desc.xml'));

    const result = await discover(resolveScope({ targets: ['127.80.3.8/29'] }), { sources: only('ssdp'), ssdp: { waitMs: 400 } });
    const error = (ip: string) => result.hosts.find((h) => h.ip === ip)?.ssdp[0]?.descriptionError;

    expect(result.problems).toEqual([]);
    expect(result.hosts.map((h) => h.ip)).toEqual(['127.80.3.10', '127.80.3.11', '127.80.3.12', '127.80.3.13']);
    expect(error('127.80.3.10')).toMatch(/DTD/);
    expect(error('127.80.3.11')).toMatch(/large|size/i);
    expect(bigBytesSent).toBeLessThan(50 * 1024 * 1024);
    expect(error('127.80.3.12')).toMatch(/points at 127\.80\.3\.99/);
    expect(outsideRequests).toBe(0);
    // A host name in LOCATION is replaced by the address that answered.
    expect(result.hosts.find((h) => h.ip === '127.80.3.13')?.ssdp[0]?.description).toMatchObject({ manufacturer: 'TP-Link', modelName: 'P110' });
  });
});

describe('hostile banners', () => {
  it('strips terminal escape codes and telnet negotiation from banners and page titles', async () => {
    const telnet = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.resume(); // reads our refusals, so it sees our close
      socket.write(Buffer.concat([
        Buffer.from([255, 251, 1, 255, 253, 31]),
        Buffer.from('\u001b[2J\u001b]0;owned\u0007Welcome \u001b[31mto the\u001b[0m router\u009b6n\r\nlogin: '),
      ]));
    });
    await new Promise<void>((resolve) => telnet.listen(2323, '127.80.4.10', resolve));
    closers.push(() => new Promise((resolve) => telnet.close(() => resolve())));
    // A raw server: node:http would refuse to send what a hostile device sends.
    const web = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => {
        const body = '<html><title>\u001b[1;1HAdmin\u202e panel\u0007</title></html>';
        socket.end(`HTTP/1.1 200 OK\r\nServer: evil\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      });
    });
    await new Promise<void>((resolve) => web.listen(8080, '127.80.4.10', resolve));
    closers.push(() => new Promise((resolve) => web.close(() => resolve())));

    const result = await discover(resolveScope({ targets: ['127.80.4.10'] }), {
      sources: only('tcp'),
      tcp: { ports: [{ port: 2323, name: 'telnet', probe: 'banner' }, { port: 8080, name: 'http', probe: 'http' }, { port: 80, name: 'http', probe: 'http' }] },
    });
    const ports = result.hosts[0]!.ports;
    const banner = ports.find((p) => p.port === 2323)!.banner!;
    expect(banner).toBe('Welcome to the router\nlogin:');
    const page = ports.find((p) => p.port === 8080)!.http!;
    expect(page.title).toBe('Admin panel');
    expect(page.server).toBe('evil');
    expect(JSON.stringify(result.hosts)).not.toMatch(/\\u001b|\\u0007|\u009b|\u202e/);
  });
});
