import makeMdns from 'multicast-dns';
import type { Answer, Packet } from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import { startMdnsResponder } from '../../src/mocks/mdns/responder.js';
import type { RunningPersona } from '../../src/mocks/types.js';
import { contextFor, fleetOf } from './helpers.js';

// Loopback sub-range of this file: 127.78.1.0/24.
const fleet = fleetOf(`
name: mdns-test
range: 127.78.1.0/24
devices:
  - id: speaker
    kind: speaker
    vendor: Google
    model: Google Nest Mini
    hostname: Google-Nest-Mini-1234
    mdns:
      - { type: _googlecast._tcp, instance: Google-Nest-Mini-abc, port: 8009, txt: { md: Google Nest Mini, fn: Keuken, id: abc, ve: "05" } }
      - { type: _spotify-connect._tcp, instance: Keuken, port: 36327, txt: { CPath: /zc, VERSION: "1.0" } }
  - id: vacuum
    kind: vacuum
    vendor: Roborock
    model: S5 Max
    hostname: roborock-vacuum-s5e_miio326157948
    mdns: [{ type: _miio._udp, instance: roborock-vacuum-s5e_miio326157948, port: 54321, txt: { epoch: "1" } }]
  - id: printer
    kind: printer
    vendor: Brother
    model: HL-L2350DW
    mdns:
      - type: _ipp._tcp
        instance: Brother HL-L2350DW series
        port: 631
        txt: { txtvers: "1", ty: Brother HL-L2350DW series, rp: ipp/print, note: "", Duplex: T, pdl: "application/octet-stream,image/urf", adminurl: "http://BRN3C2AF4.local./net/net/airprint.html?a=b", "UUID": null, Naïve: "Überall ünïcode" }
  - id: quiet
    kind: plug
    vendor: Tuya
    model: P
    knobs: { silent: true }
    mdns: [{ type: _http._tcp, port: 80 }]
`);

const running: RunningPersona[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});

/** Sends one legacy unicast query (from an ephemeral port) and collects the first response. */
async function ask(address: string, name: string, type: string, waitMs = 1500): Promise<Packet | null> {
  const client = makeMdns({ multicast: false, port: 0, bind: '127.78.1.250' } as never);
  client.on('warning', () => {});
  try {
    return await new Promise<Packet | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), waitMs);
      client.on('response', (packet: Packet) => {
        clearTimeout(timer);
        resolve(packet);
      });
      client.query({ id: 4242, questions: [{ name, type: type as 'PTR' }] } as never, { port: 5353, address } as never);
    });
  } finally {
    await new Promise<void>((resolve) => client.destroy(() => resolve()));
  }
}

const byType = (records: Answer[] | undefined, type: string): Answer[] => (records ?? []).filter((r) => r.type === type);

describe('mDNS responder (legacy unicast)', () => {
  it('lists its service types for the DNS-SD browse', async () => {
    running.push(await startMdnsResponder(contextFor(fleet, 'speaker')));
    const reply = await ask('127.78.1.1', '_services._dns-sd._udp.local', 'PTR');
    expect(reply?.id).toBe(4242);
    expect(reply?.questions?.[0]?.name).toBe('_services._dns-sd._udp.local');
    expect(byType(reply?.answers, 'PTR').map((a) => (a as { data: string }).data).sort()).toEqual(['_googlecast._tcp.local', '_spotify-connect._tcp.local']);
  });

  it('answers a type PTR with the instance, and SRV, TXT and A as additionals', async () => {
    running.push(await startMdnsResponder(contextFor(fleet, 'speaker')));
    const reply = await ask('127.78.1.1', '_googlecast._tcp.local', 'PTR');
    expect(byType(reply?.answers, 'PTR')[0]).toMatchObject({ name: '_googlecast._tcp.local', data: 'Google-Nest-Mini-abc._googlecast._tcp.local' });
    const srv = byType(reply?.additionals, 'SRV')[0] as { data: { port: number; target: string } };
    expect(srv.data).toMatchObject({ port: 8009, target: 'Google-Nest-Mini-1234.local' });
    const txt = (byType(reply?.additionals, 'TXT')[0] as { data: Buffer[] }).data.map(String);
    expect(txt).toEqual(expect.arrayContaining(['md=Google Nest Mini', 'fn=Keuken', 'id=abc', 've=05']));
    expect(byType(reply?.additionals, 'A')[0]).toMatchObject({ name: 'Google-Nest-Mini-1234.local', data: '127.78.1.1' });
    for (const record of [...(reply?.answers ?? []), ...(reply?.additionals ?? [])]) {
      expect((record as { ttl: number }).ttl).toBeLessThanOrEqual(10);
    }
  });

  it('answers SRV, TXT and A questions directly', async () => {
    running.push(await startMdnsResponder(contextFor(fleet, 'speaker')));
    const srv = await ask('127.78.1.1', 'Keuken._spotify-connect._tcp.local', 'SRV');
    expect((byType(srv?.answers, 'SRV')[0] as { data: { port: number } }).data.port).toBe(36327);
    const txt = await ask('127.78.1.1', 'Keuken._spotify-connect._tcp.local', 'TXT');
    expect((byType(txt?.answers, 'TXT')[0] as { data: Buffer[] }).data.map(String)).toEqual(['CPath=/zc', 'VERSION=1.0']);
    const a = await ask('127.78.1.1', 'google-nest-mini-1234.local', 'A');
    expect(byType(a?.answers, 'A')[0]).toMatchObject({ data: '127.78.1.1' });
  });

  it('sends any TXT record as written: order, case, empty values, "=" in values, UTF-8, a key alone', async () => {
    running.push(await startMdnsResponder(contextFor(fleet, 'printer')));
    const reply = await ask('127.78.1.3', 'Brother HL-L2350DW series._ipp._tcp.local', 'TXT');
    const strings = (byType(reply?.answers, 'TXT')[0] as { data: Buffer[] }).data.map((part) => part.toString('utf8'));
    expect(strings).toEqual([
      'txtvers=1', 'ty=Brother HL-L2350DW series', 'rp=ipp/print', 'note=', 'Duplex=T', 'pdl=application/octet-stream,image/urf',
      'adminurl=http://BRN3C2AF4.local./net/net/airprint.html?a=b', 'UUID', 'Naïve=Überall ünïcode',
    ]);
  });

  it('sends a host name with underscores as the device has it', async () => {
    running.push(await startMdnsResponder(contextFor(fleet, 'vacuum')));
    const reply = await ask('127.78.1.2', '_miio._udp.local', 'PTR');
    const srv = byType(reply?.additionals, 'SRV')[0] as { data: { port: number; target: string } };
    expect(srv.data).toEqual(expect.objectContaining({ port: 54321, target: 'roborock-vacuum-s5e_miio326157948.local' }));
  });

  it('stays quiet about names it does not own, and when the device is silent', async () => {
    running.push(await startMdnsResponder(contextFor(fleet, 'speaker')));
    running.push(await startMdnsResponder(contextFor(fleet, 'quiet')));
    expect(await ask('127.78.1.1', '_ipp._tcp.local', 'PTR', 400)).toBeNull();
    expect(await ask('127.78.1.3', '_http._tcp.local', 'PTR', 400)).toBeNull();
  });

  it('survives garbage and keeps answering', async () => {
    running.push(await startMdnsResponder(contextFor(fleet, 'speaker')));
    const { createSocket } = await import('node:dgram');
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.send(Buffer.from([0xff, 0x00, 0x13]), 5353, '127.78.1.1', () => resolve()));
    socket.close();
    expect(await ask('127.78.1.1', '_googlecast._tcp.local', 'PTR')).not.toBeNull();
  });
});
