// What identifies a household is replaced in a recorded fleet, the same value by the same stand-in
// everywhere, and what identifies the make (the MAC's OUI, a vendor's UDN prefix) stays.

import { describe, expect, it } from 'vitest';
import type { RawFleet } from '../../src/mocks/fleet-defaults.js';
import { redactFleet } from '../../src/mocks/record/redact.js';
import { atagBroadcastText } from '../../src/mocks/atag/broadcaster.js';
import { decodeAtagAnnouncement } from '../../src/protocols/atag/announce.js';

const recorded: RawFleet = {
  name: 'recorded',
  devices: [
    {
      id: 'device-1',
      hostname: 'Jans-iPhone',
      kind: 'phone',
      vendor: 'Apple',
      model: 'iPhone',
      mac: '24:65:11:4a:0c:01',
      mdns: [
        { type: '_companion-link._tcp', instance: "Jan's iPhone", port: 49152, txt: { rpBA: '24:65:11:4A:0C:01', macaddress: '1CCAE3718D24' } },
        { type: '_hue._tcp', instance: 'Hue Bridge', port: 443, txt: { bridgeid: '001788FFFE6A4F21', sn: '0017886a4f21' } },
      ],
      ssdp: {
        port: 49153,
        replies: [{ st: 'upnp:rootdevice', usn: 'uuid:Socket-1_0-221517K0101769::upnp:rootdevice' }],
        descriptionXml: '<root><device><UDN>uuid:Socket-1_0-221517K0101769</UDN><serialNumber>221517K0101769</serialNumber><friendlyName>iPhone van Jan</friendlyName></device></root>',
      },
      snmp: { sysContact: 'jan@example.nl', sysDescr: 'Printer; Serial Number: TH0AB1C2D3' },
      services: [
        {
          type: 'http',
          port: 80,
          auth: 'none',
          server: 'HP HTTP Server; Serial Number: TH0AB1C2D3',
          answer: { status: 200, headers: { 'Set-Cookie': 'sid=9f8e7d6c5b4a', 'X-Device': '7c1f2c8e-4a9b-5d60-8e3f-1a2b3c4d5e6f' }, body: 'id 7c1f2c8e-4a9b-5d60-8e3f-1a2b3c4d5e6f' },
        },
        { type: 'http', port: 631, auth: 'none', ipp: { path: '/ipp/print', attributes: { 'printer-device-id': 'MFG:HP;MDL:OfficeJet Pro 9010 series;SN:CN9AB8C7D6;CLS:PRINTER;' } } },
      ],
    },
  ],
};

/** A recorded fleet of one router with these sections. */
const routerFleet = (sections: Pick<RawFleet['devices'][number], 'ssdp' | 'services' | 'atag'>): RawFleet => ({
  name: 'recorded',
  devices: [{ id: 'device-1', kind: 'router', vendor: 'Linksys', model: 'WAG200G', ...sections }],
});

describe('redactFleet', () => {
  const text = JSON.stringify(redactFleet(recorded));

  it('replaces MAC addresses in every spelling, keeping the vendor half (OUI)', () => {
    for (const original of ['4a:0c:01', '4A:0C:01', '718d24', '718D24', '6A4F21', '6a4f21']) expect(text).not.toContain(original);
    expect(text).toContain('24:65:11:00:00:01');
    expect(text).toContain('24:65:11:00:00:01'.toUpperCase());
    expect(text).toContain('1CCAE3');
    expect(text).toContain('001788FFFE');
  });

  it('replaces serial numbers wherever they occur, a vendor UDN keeping its prefix', () => {
    expect(text).not.toContain('221517K0101769');
    expect(text).not.toContain('TH0AB1C2D3');
    // In a printer's IEEE 1284 device ID, the serial has a key of its own; maker and model stay.
    expect(text).not.toContain('CN9AB8C7D6');
    expect(text).toContain('MFG:HP;MDL:OfficeJet Pro 9010 series;SN:SERIAL');
    expect(text).toContain('uuid:Socket-1_0-SERIAL');
  });

  it('replaces UUIDs, personal names, e-mail addresses, SNMP contacts and cookies, each consistently', () => {
    expect(text).not.toMatch(/7c1f2c8e/);
    expect(text.match(/00000000-0000-4000-8000-000000000001/g)).toHaveLength(2);
    expect(text).not.toMatch(/\bJan\b|Jans-/);
    expect(text).toContain("Person1's iPhone");
    expect(text).toContain('iPhone van Person1');
    expect(text).not.toContain('jan@example.nl');
    expect(text).not.toContain('9f8e7d6c5b4a');
  });

  it('replaces a serial as a whole token only, never inside a UUID or a longer number', () => {
    const fleet = routerFleet({
      ssdp: { port: 49152, descriptionXml: '<serialNumber>0000001</serialNumber><UDN>uuid:8ca2eb37-1dd2-11b2-86f1-001a70000001</UDN><modelNumber>10000001</modelNumber>' },
    });
    const xml = redactFleet(fleet).devices[0]!.ssdp!.descriptionXml!;
    expect(xml).toBe('<serialNumber>SERIAL0001</serialNumber><UDN>uuid:00000000-0000-4000-8000-000000000001</UDN><modelNumber>10000001</modelNumber>');
  });

  it("replaces an ATAG One's device id from its broadcast like a serial, keeping a shape the decoder accepts", () => {
    const fleet = routerFleet({ atag: { product: 'ONE', deviceId: '6808-1500-2109_15-48-001-544', suffix: 'ST' } });
    const atag = redactFleet(fleet).devices[0]!.atag!;
    expect(atag).toEqual({ product: 'ONE', deviceId: 'SERIAL0001', suffix: 'ST' });
    expect(decodeAtagAnnouncement(Buffer.from(atagBroadcastText({ product: 'ONE', deviceId: atag.deviceId!, suffix: 'ST' })))).toMatchObject({ deviceId: 'SERIAL0001' });
  });

  it("replaces a router's WAN address wherever it occurs, and a possessive written as an XML entity", () => {
    const fleet = routerFleet({
      ssdp: { port: 49000, igd: { externalIp: '198.51.100.23', portMappings: [{ externalPort: 80, internalClient: '10.0.0.2', internalPort: 80, description: 'Jan&apos;s NAS' }] } },
      services: [{ type: 'http', port: 80, auth: 'none', answer: { status: 200, headers: {}, body: 'WAN 198.51.100.23, not 198.51.100.230' } }],
    });
    const text = JSON.stringify(redactFleet(fleet));
    expect(text).toContain('"externalIp":"203.0.113.1"');
    expect(text).toContain('WAN 203.0.113.1, not 198.51.100.230');
    expect(text).toContain('Person1&apos;s NAS');
  });

  it('is the same for the same input: a recording replays identically run after run', () => {
    expect(JSON.stringify(redactFleet(recorded))).toBe(text);
  });
});

describe('what discovery keeps as sent, in a recording', () => {
  const raw: RawFleet = {
    name: 'recorded',
    devices: [
      {
        id: 'device-1', hostname: 'speaker', kind: 'speaker', vendor: 'Sonos', model: 'One',
        mdns: [{
          type: '_sonos._tcp', port: 1443,
          txt: { MHHID: 'Sonos_Xy7Qp2Lm9Rt4Vb8Nc3', bin: { base64: Buffer.from('mac=00:0E:58:A0:B1:C2;\u0000\u00ff', 'latin1').toString('base64') } },
        }],
        ssdp: {
          port: 1400,
          replies: [{
            path: '/xml/device_description.xml',
            headers: [
              { name: 'X-RINCON-HOUSEHOLD', value: 'Sonos_Xy7Qp2Lm9Rt4Vb8Nc3' },
              { name: 'Set-Cookie', value: 'session=abc123' },
              { name: 'USN', value: 'uuid:9b3e1c4a-77d2-4b8e-9c1f-5a6b7c8d9e0f::upnp:rootdevice' },
              { name: 'EXT', value: '' },
            ],
          }],
        },
      },
    ],
  };

  it('replaces household ids, secret headers, UUIDs in header blocks, and what binary TXT values spell', () => {
    const out = redactFleet(raw).devices[0]!;
    expect(out.ssdp!.replies![0]!.headers).toEqual([
      { name: 'X-RINCON-HOUSEHOLD', value: 'Household1' },
      { name: 'Set-Cookie', value: 'redacted' },
      { name: 'USN', value: 'uuid:00000000-0000-4000-8000-000000000001::upnp:rootdevice' },
      { name: 'EXT', value: '' },
    ]);
    const txt = out.mdns![0]!.txt!;
    expect(txt.MHHID).toBe('Household1');
    const bytes = Buffer.from((txt.bin as { base64: string }).base64, 'base64');
    expect(bytes.toString('latin1')).toBe('mac=00:0E:58:00:00:01;\u0000\u00ff');
  });
});
