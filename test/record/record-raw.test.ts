// Issue 11, record and replay of what discovery used to keep decoded only: SSDP replies with headers beyond
// ST, USN, SERVER and LOCATION (vendor headers, BOOTID.UPNP.ORG, an empty EXT:, lower-case names) and TXT
// records with mixed-case keys, keys sent alone, empty and binary values. Recorded, replayed, and the
// replay's wire bytes compared with the recorded device's: equal but for the stand-ins of what identifies
// the household and the device's own address.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fleetFromText, startFleet, type RunningFleet } from '../../src/mocks/index.js';
import { recordScan } from '../../src/mocks/record/recorder.js';
import { auditFleet, type AuditOfFleet } from '../integration/home-fleet-audit.js';
import { sameBut, searchReplies, txtStrings, withoutDate } from './wire.js';

const RECORDED_RANGE = '127.96.13.0/28';
const REPLAY_RANGE = '127.96.14.0/28';
const BINARY = Buffer.from([0x00, 0xff, 0x1b, 0x41]);

const FLEET = `
name: record-raw
range: ${RECORDED_RANGE}
devices:
  - id: speaker
    kind: speaker
    vendor: Sonos
    model: One
    hostname: Sonos-000E58A0B1C2
    mdns:
      - type: _sonos._tcp
        instance: Sonos-000E58A0B1C2
        port: 1443
        txt:
          info: /api/v1/players/RINCON_000E58A0B1C201400/info
          vers: "3"
          protovers: "1.24.1"
          MHHID: Sonos_Xy7Qp2Lm9Rt4Vb8Nc3Kd6Wf1Gh5
          MD: One
          Flag: null
          empty: ""
          bin: { base64: "${BINARY.toString('base64')}" }
          mac: "00:0E:58:A0:B1:C2"
    ssdp:
      port: 1400
      descriptionPath: /xml/device_description.xml
      server: "Linux UPnP/1.0 Sonos/70.3-35220 (ZPS9)"
      deviceType: urn:schemas-upnp-org:device:ZonePlayer:1
      manufacturer: Sonos, Inc.
      modelName: Sonos One
      udn: uuid:RINCON_000E58A0B1C201400
      serviceTypes: [urn:schemas-upnp-org:service:AlarmClock:1]
      extraHeaders:
        - { name: X-User-Agent, value: redsonic }
        - { name: X-RINCON-HOUSEHOLD, value: Sonos_Xy7Qp2Lm9Rt4Vb8Nc3Kd6Wf1Gh5 }
        - { name: X-RINCON-BOOTSEQ, value: "71" }
        - { name: OPT, value: '"http://schemas.upnp.org/upnp/1/0/"; ns=01' }
        - { name: 01-NLS, value: 9b3e1c4a-77d2-4b8e-9c1f-5a6b7c8d9e0f }
        - { name: X-Empty, value: "" }
  - id: printer
    kind: printer
    vendor: Quillon
    model: JetDesk 600
    mdns:
      - type: _ipps._tcp
        instance: Quillon JetDesk 600
        port: 443
        txt: { txtvers: "1", rp: ipp/secure, ty: Quillon JetDesk 600, TLS: "1.2", Duplex: T, "URF": "W8,SRGB24,RS300" }
    services:
      - type: https
        port: 443
        auth: none
        title: JetDesk 600
        ipp: { path: /ipp/secure, attributes: { printer-make-and-model: Quillon JetDesk 600, printer-device-id: "MFG:Quillon;MDL:JetDesk 600;CMD:PDF,URF;" } }
  - id: bulb
    kind: light
    vendor: Yeelight
    model: Color Bulb
    ssdp:
      port: 49153
      manufacturer: Yeelight
      modelName: color
      replies:
        - headers:
            - { name: Cache-Control, value: max-age=3600 }
            - { name: Ext, value: "" }
            - { name: Location, value: "http://192.0.2.9:49153/description.xml" }
            - { name: server, value: "POSIX UPnP/1.0 YGLC/1" }
            - { name: st, value: upnp:rootdevice }
            - { name: usn, value: "uuid:0x000000000361fd8f::upnp:rootdevice" }
            - { name: BOOTID.UPNP.ORG, value: "5" }
            - { name: model, value: color }
            - { name: fw_ver, value: "65" }
            - { name: support, value: get_prop set_default set_power toggle }
`;

let recorded: RunningFleet;
let replayed: RunningFleet | undefined;
let first: AuditOfFleet;
let second: AuditOfFleet;
let text: string;

beforeAll(async () => {
  recorded = await startFleet(fleetFromText('record-raw', FLEET));
  first = await auditFleet(recorded, { login: false });
  text = await recordScan(first.result, new Map(), AbortSignal.timeout(60_000));
  replayed = await startFleet(fleetFromText('recorded', text, { range: REPLAY_RANGE }));
  second = await auditFleet(replayed, { login: false });
}, 180_000);

afterAll(async () => {
  await recorded?.close();
  await replayed?.close();
});

/** The replayed device that stands for a recorded fleet device (recordings number devices in scan order). */
const pair = (fleetId: string) => {
  const original = recorded.fleet.devices.find((device) => device.id === fleetId)!;
  const index = first.result.devices.findIndex((device) => device.ip === original.address);
  return { original, replay: replayed!.fleet.devices[index]! };
};

describe('SSDP replies, recorded and replayed', () => {
  it('are the same replies, header for header in order and spelling, but for the stand-ins and the address', async () => {
    for (const id of ['speaker', 'bulb']) {
      const { original, replay } = pair(id);
      const [sent, resent] = await Promise.all([searchReplies(original.address), searchReplies(replay.address)]);
      expect(sent.length, id).toBeGreaterThan(0);
      expect(resent.length, id).toBe(sent.length);
      sent.forEach((reply, i) => {
        const again = resent[i]!;
        expect(sameBut(withoutDate(again), withoutDate(reply), { replayed: replay.address, original: original.address }), `${id} reply ${i}:\n${again}\nrecorded from\n${reply}`).toBe(true);
      });
    }
  });

  it('keep the extra headers, empty values and the device\'s own spelling on the wire', async () => {
    const speaker = (await searchReplies(pair('speaker').replay.address))[0]!;
    expect(speaker).toMatch(/\r\nEXT:\r\n/);
    expect(speaker).toMatch(/\r\nX-User-Agent: redsonic\r\n/);
    expect(speaker).toMatch(/\r\nBOOTID\.UPNP\.ORG: 1\r\n/);
    expect(speaker).toMatch(/\r\nX-Empty:\r\n/);
    expect(speaker).toMatch(/\r\n01-NLS: 00000000-0000-4000-8000-[0-9a-f]{12}\r\n/);
    const bulb = (await searchReplies(pair('bulb').replay.address))[0]!;
    expect(bulb.split('\r\n').map((line) => line.split(':')[0])).toEqual(['HTTP/1.1 200 OK', 'Cache-Control', 'Ext', 'Location', 'server', 'st', 'usn', 'BOOTID.UPNP.ORG', 'model', 'fw_ver', 'support', '', '']);
    expect(bulb).toContain(`\r\nLocation: http://${pair('bulb').replay.address}:49153/description.xml\r\n`);
  });

  it('are written with the fleet format\'s header blocks, the household\'s values replaced', () => {
    const fleet = parse(text) as { devices: Array<{ ssdp?: { replies?: Array<{ headers?: Array<{ name: string; value: string }> }> } }> };
    const blocks = fleet.devices.flatMap((device) => device.ssdp?.replies ?? []).map((reply) => reply.headers);
    expect(blocks.every((block) => Array.isArray(block))).toBe(true);
    expect(text).toContain('X-RINCON-BOOTSEQ');
    expect(text).not.toMatch(/000E58A0B1C2|9b3e1c4a-77d2|Xy7Qp2Lm9Rt4/i);
    // The household id, in the SSDP header and the TXT record alike, by one stand-in.
    expect(text.match(/Household1/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain(recorded.fleet.devices[0]!.address);
  });
});

describe('TXT records, recorded and replayed', () => {
  it('are the same strings byte for byte (key case, order, keys alone, empty and binary values), but for the stand-ins', async () => {
    const { original, replay } = pair('speaker');
    const [sent, resent] = await Promise.all([
      txtStrings(original.address, 'Sonos-000E58A0B1C2._sonos._tcp.local'),
      txtStrings(replay.address, `${replayed!.fleet.devices.find((d) => d.id === replay.id)!.mdns[0]!.instance}._sonos._tcp.local`),
    ]);
    expect(sent).toBeDefined();
    expect(resent).toHaveLength(sent!.length);
    sent!.forEach((string, i) => expect(sameBut(resent![i]!, string, { replayed: replay.address, original: original.address }), `${resent![i]} for ${string}`).toBe(true));
    expect(resent!.map((string) => string.split('=')[0])).toEqual(['info', 'vers', 'protovers', 'MHHID', 'MD', 'Flag', 'empty', 'bin', 'mac']);
    expect(resent).toContain('Flag');
    expect(resent).toContain('empty=');
    expect(resent).toContain(`bin=${BINARY.toString('latin1')}`);
    expect(resent).toContain('mac=00:0E:58:00:00:01');
  });

  it('are written as sent: keys in their case, a key alone as null, binary as base64', () => {
    const fleet = parse(text) as { devices: Array<{ mdns?: Array<{ txt: Record<string, unknown> }> }> };
    const txt = fleet.devices.flatMap((device) => device.mdns ?? [])[0]!.txt;
    expect(Object.keys(txt)).toEqual(['info', 'vers', 'protovers', 'MHHID', 'MD', 'Flag', 'empty', 'bin', 'mac']);
    expect(txt).toMatchObject({ MD: 'One', Flag: null, empty: '', bin: { base64: BINARY.toString('base64') } });
  });
});

describe('a printer that speaks IPP over TLS only, recorded and replayed', () => {
  it('serves its make and model over TLS again, where the printer did', () => {
    const { original, replay } = pair('printer');
    const read = (audit: AuditOfFleet, ip: string) => audit.result.devices.find((device) => device.ip === ip)?.facts.ports.find((p) => p.port === 443);
    expect(read(first, original.address)).toMatchObject({ tls: true, ipp: { makeAndModel: 'Quillon JetDesk 600', path: '/ipp/secure' } });
    expect(read(second, replay.address)).toMatchObject({ tls: true, ipp: { makeAndModel: 'Quillon JetDesk 600', path: '/ipp/secure' } });
  });
});

describe('identification of the replay', () => {
  it('is what the recording scan named (it reads the decoded values, unchanged)', () => {
    const named = (audit: AuditOfFleet, ip: string) => audit.result.devices.find((device) => device.ip === ip);
    for (const id of ['speaker', 'bulb', 'printer']) {
      const { original, replay } = pair(id);
      const before = named(first, original.address)!;
      const after = named(second, replay.address)!;
      expect({ vendor: after.vendor, model: after.model, kind: after.kind }, id).toEqual({ vendor: before.vendor, model: before.model, kind: before.kind });
    }
  });
});
