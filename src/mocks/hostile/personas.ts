// One hostile device per attack, each bound to its own loopback address. `outside` is an address out of
// the scanned target where a counting listener waits: a persona that points there tries to lure the scan.

import dnsPacket, { type Answer } from 'dns-packet';
import { SERVICES_META as META } from '../../protocols/mdns/constants.js';
import { description, every, httpServer, pump, ssdpReply, tcpServer, udpAnswerer, type Closer } from './servers.js';

export interface HostilePersona {
  name: string;
  attack: string;
  start(ip: string, outside: string): Promise<Closer[]>;
}

const ESC = '\u001b[2J\u001b]0;owned\u0007\u009b6n\u202e';
const WAN = 'urn:schemas-upnp-org:service:WANIPConnection:1';

const ssdpAt = (ip: string, location: string, server?: string) => udpAnswerer(ip, 1900, () => [ssdpReply(location, server)]);
const mdnsResponse = (answers: Answer[]) => dnsPacket.encode({ type: 'response', id: 0, flags: dnsPacket.AUTHORITATIVE_ANSWER, answers });
const question = (query: Buffer) => {
  try {
    return dnsPacket.decode(query).questions?.[0];
  } catch {
    return undefined;
  }
};

const soap = (inner: string) =>
  `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${inner}</s:Body></s:Envelope>`;
const mappingEntry = (index: number, client: string) =>
  soap(`<u:GetGenericPortMappingEntryResponse><NewExternalPort>${10000 + index}</NewExternalPort><NewProtocol>TCP</NewProtocol><NewInternalPort>80</NewInternalPort><NewInternalClient>${client}</NewInternalClient><NewEnabled>1</NewEnabled><NewPortMappingDescription>m${index}</NewPortMappingDescription></u:GetGenericPortMappingEntryResponse>`);

/** An IGD router whose every SOAP answer takes `delayMs`, with an endless mapping list. */
function igdRouter(ip: string, delayMs: number, client: string): Promise<Closer[]> {
  const desc = description(
    { deviceType: 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', friendlyName: 'Router', manufacturer: 'Acme', modelName: 'R1' },
    `<serviceList><service><serviceType>${WAN}</serviceType><controlURL>/ctl</controlURL></service></serviceList>`,
  );
  let index = 0;
  return Promise.all([
    ssdpAt(ip, `http://${ip}:49000/desc.xml`),
    httpServer(ip, 49000, (req, res) => {
      req.resume();
      if (req.method === 'GET') return void res.end(desc);
      const timer = setTimeout(() => res.end(mappingEntry(index++, client)), delayMs);
      res.on('close', () => clearTimeout(timer));
    }),
  ]);
}

export const HOSTILE_PERSONAS: HostilePersona[] = [
  {
    name: 'trickling-description',
    attack: 'UPnP description: headers at once, then the body at one byte a second',
    start: (ip) => Promise.all([
      ssdpAt(ip, `http://${ip}:8080/desc.xml`),
      httpServer(ip, 8080, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.write('<?xml version="1.0"?><root>');
        every(1000, res, () => res.write('a'));
      }),
    ]),
  },
  {
    name: 'endless-telnet',
    attack: 'telnet that streams text forever without a prompt',
    start: (ip) => Promise.all([tcpServer(ip, 23, (socket) => {
      const line = Buffer.from('BusyBox v1.19 built-in shell, and more text that never ends\r\n'.repeat(32));
      pump(socket, () => line);
    })]),
  },
  {
    name: 'open-negotiation',
    attack: 'telnet that opens a negotiation (IAC SB) and never closes it',
    start: (ip) => Promise.all([tcpServer(ip, 23, (socket) => {
      socket.write(Buffer.from([255, 250, 24]));
      const filler = Buffer.alloc(4096, 0x41);
      pump(socket, () => filler);
    })]),
  },
  {
    name: 'mdns-then-silence',
    attack: 'mDNS: dozens of types and instances in the first answer, then silence',
    start: (ip) => Promise.all([udpAnswerer(ip, 5353, (query) => {
      if (question(query)?.name !== META) return [];
      const types = Array.from({ length: 40 }, (_, i) => `_t${i}._tcp.local`);
      return [mdnsResponse([
        ...types.map((data): Answer => ({ type: 'PTR', name: META, ttl: 10, data })),
        ...types.map((type): Answer => ({ type: 'PTR', name: type, ttl: 10, data: `Dev._x.${type}` })),
      ])];
    })]),
  },
  {
    name: 'malformed-mdns',
    attack: 'mDNS: pointer loops, over-long labels, 10 000 PTRs',
    start: (ip) => {
      const header = Buffer.from([0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
      const loop = Buffer.concat([header, Buffer.from([0xc0, 12, 0, 12, 0, 1, 0, 0, 0, 10, 0, 2, 0xc0, 12])]);
      const longLabel = Buffer.concat([header, Buffer.from([63]), Buffer.alloc(20, 0x61)]);
      const many = Array.from({ length: 10_000 }, (_, i): Answer => ({ type: 'PTR', name: META, ttl: 10, data: `_s${i}._tcp.local` }));
      const flood = dnsPacket.encode({ type: 'response', id: 0, answers: many }).subarray(0, 60_000);
      return Promise.all([udpAnswerer(ip, 5353, () => [loop, longLabel, flood])]);
    },
  },
  {
    name: 'ssdp-flood',
    attack: 'SSDP: 3000 replies to one search, each with another LOCATION',
    start: (ip) => Promise.all([
      udpAnswerer(ip, 1900, () => Array.from({ length: 3000 }, (_, i) => ssdpReply(`http://${ip}:8080/d${i}.xml`))),
      httpServer(ip, 8080, (_req, res) => res.end(description({ deviceType: 'urn:schemas-upnp-org:device:Basic:1', friendlyName: 'Flood', manufacturer: 'Acme', modelName: 'F1' }))),
    ]),
  },
  {
    name: 'slow-soap-router',
    attack: 'UPnP router answering every SOAP call after 2.7 s, mapping list endless',
    start: (ip) => igdRouter(ip, 2700, ip),
  },
  {
    name: 'escapes-everywhere',
    attack: 'terminal escape codes in every field a device sends',
    start: (ip) => Promise.all([
      ssdpAt(ip, `http://${ip}:8080/desc.xml`, `Linux${ESC} UPnP/1.0`),
      httpServer(ip, 8080, (_req, res) => {
        res.end(description({ deviceType: 'urn:x:device:Basic:1', friendlyName: `Cam${ESC}`, manufacturer: `Acme${ESC}`, modelName: `M${ESC}1`, modelNumber: ESC }));
      }),
      tcpServer(ip, 23, (socket) => {
        socket.resume();
        socket.write(`Welcome${ESC}\r\nlogin: `);
      }),
      tcpServer(ip, 80, (socket) => socket.once('data', () => {
        const body = `<html><title>Admin${ESC}</title></html>`;
        socket.end(`HTTP/1.1 200 OK\r\nServer: evil${ESC}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      })),
      udpAnswerer(ip, 5353, (query) => {
        const q = question(query);
        if (!q) return [];
        if (q.name === META) return [mdnsResponse([{ type: 'PTR', name: META, ttl: 10, data: '_http._tcp.local' }])];
        if (q.name === '_http._tcp.local') return [mdnsResponse([{ type: 'PTR', name: q.name, ttl: 10, data: `Evil${ESC}._http._tcp.local` }])];
        if (q.type === 'SRV') return [mdnsResponse([{ type: 'SRV', name: q.name, ttl: 10, data: { target: 'evil.local', port: 80 } }])];
        if (q.type === 'TXT') return [mdnsResponse([{ type: 'TXT', name: q.name, ttl: 10, data: [`model=${ESC}`] }])];
        return [];
      }),
    ]),
  },
  {
    name: 'xml-bomb',
    attack: 'billion laughs and XXE in the description',
    start: (ip) => {
      const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('');
      const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY xxe SYSTEM "file:///etc/passwd">${entities}]><root><device><friendlyName>&lol9;&xxe;</friendlyName></device></root>`;
      return Promise.all([ssdpAt(ip, `http://${ip}:8080/desc.xml`), httpServer(ip, 8080, (_req, res) => res.end(bomb))]);
    },
  },
  {
    name: 'lure-out-of-scope',
    attack: 'SSDP LOCATION, HTTP redirect, SRV target and IGD control URL pointing out of scope',
    start: (ip, outside) => Promise.all([
      ssdpAt(ip, `http://${outside}:8080/desc.xml`),
      tcpServer(ip, 80, (socket) => socket.once('data', () => {
        socket.end(`HTTP/1.1 302 Found\r\nLocation: http://${outside}:80/login\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      })),
      udpAnswerer(ip, 5353, (query) => {
        const q = question(query);
        if (q?.name === META) return [mdnsResponse([{ type: 'PTR', name: META, ttl: 10, data: '_http._tcp.local' }])];
        if (q?.name === '_http._tcp.local') return [mdnsResponse([{ type: 'PTR', name: q.name, ttl: 10, data: 'Lure._http._tcp.local' }])];
        if (q?.type === 'SRV') return [mdnsResponse([{ type: 'SRV', name: q.name, ttl: 10, data: { target: 'lure.local', port: 8080 } }, { type: 'A', name: 'lure.local', ttl: 10, data: outside }])];
        return [];
      }),
    ]),
  },
  {
    name: 'huge-banner',
    attack: 'a 10 MB banner on telnet and FTP ports',
    start: (ip) => {
      const chunk = Buffer.alloc(64 * 1024, 0x42);
      const tenMegabytes = (socket: import('node:net').Socket) => {
        let sent = 0;
        pump(socket, () => (sent >= 10 * 1024 * 1024 ? null : ((sent += chunk.length), chunk)));
      };
      return Promise.all([tcpServer(ip, 23, tenMegabytes), tcpServer(ip, 21, tenMegabytes)]);
    },
  },
  {
    name: 'tarpit',
    attack: 'accepts every connection and never says a word; HTTP headers at one byte a second (slowloris)',
    start: (ip) => Promise.all([
      tcpServer(ip, 23, (socket) => socket.resume()),
      tcpServer(ip, 22, (socket) => socket.resume()),
      tcpServer(ip, 80, (socket) => {
        socket.resume();
        const head = Buffer.from('HTTP/1.1 200 OK\r\nX-Slow: ');
        let i = 0;
        every(1000, socket, () => socket.write(i < head.length ? head.subarray(i, ++i) : Buffer.from('a')));
      }),
    ]),
  },
];

/** A well-behaved plug beside the hostile one: SSDP, a description and a web page. */
export function honestPlug(ip: string): Promise<Closer[]> {
  const desc = description({ deviceType: 'urn:schemas-upnp-org:device:Basic:1', friendlyName: 'Plug', manufacturer: 'TP-Link', modelName: 'P110' });
  return Promise.all([
    ssdpAt(ip, `http://${ip}:8080/desc.xml`),
    httpServer(ip, 8080, (_req, res) => res.end(desc)),
    httpServer(ip, 80, (_req, res) => res.end('<html><title>Tapo P110</title></html>')),
  ]);
}

/** Listens where lures point, counting every contact: TCP 80/8080/49000, UDP 1900/5353. */
export async function outsideCounter(ip: string): Promise<{ contacts: () => number; closers: Closer[] }> {
  let contacts = 0;
  const count = () => {
    contacts += 1;
  };
  const closers = await Promise.all([
    ...[80, 8080, 49000].map((port) => tcpServer(ip, port, (socket) => {
      count();
      socket.destroy();
    })),
    ...[1900, 5353].map((port) => udpAnswerer(ip, port, () => (count(), []))),
  ]);
  return { contacts: () => contacts, closers };
}
