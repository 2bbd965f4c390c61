import dgram from 'node:dgram';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { startSnmpAgent, SYSTEM_OIDS, type RunningSnmpAgent } from '../../src/mocks/snmp/agent.js';
import { contextFor, fleetOf } from './helpers.js';

// Loopback sub-range of this file: 127.78.3.0/24. Port 16161 so the test needs no privileges.
const snmp = createRequire(import.meta.url)('net-snmp') as {
  Version1: number;
  Version2c: number;
  ObjectType: { OctetString: number };
  createSession(host: string, community: string, options: object): Session;
  isVarbindError(varbind: Varbind): boolean;
};
interface Varbind { oid: string; type: number; value: unknown }
interface Session {
  get(oids: string[], cb: (error: Error | null, varbinds?: Varbind[]) => void): void;
  set(varbinds: Varbind[], cb: (error: Error | null, varbinds?: Varbind[]) => void): void;
  close(): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

const fleet = fleetOf(`
name: snmp-test
range: 127.78.3.0/24
devices:
  - id: printer
    kind: printer
    vendor: HP
    model: OfficeJet Pro 9010
    snmp:
      port: 16161
      sysDescr: "HP ETHERNET MULTI-ENVIRONMENT"
      sysObjectID: "1.3.6.1.4.1.11.2.3.9.1"
      sysLocation: Werkkamer
      readCommunities: [public]
      writeCommunities: [private]
      objects:
        "1.3.6.1.2.1.25.3.2.1.3.1": { type: OctetString, value: "HP OfficeJet Pro 9010 series" }
        "1.3.6.1.2.1.25.3.2.1.3.2": { type: OctetString, value: "Fax" }
        "1.3.6.1.2.1.43.5.1.1.17.1": { type: OctetString, value: "TH0AB1C2D3" }
        "1.3.6.1.2.1.25.3.2.1.5.1": { type: Integer, value: 2 }
  - id: unnamed
    kind: printer
    vendor: Brother
    model: HL-L2350DW
    snmp: { port: 16161 }
  - id: quiet
    kind: printer
    vendor: Brother
    model: HL-L2350DW
    knobs: { silent: true }
    snmp: { port: 16161 }
`);

const running: RunningSnmpAgent[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});

function session(address: string, community: string, version = snmp.Version2c): Session {
  const s = snmp.createSession(address, community, { port: 16161, version, timeout: 400, retries: 0, transport: 'udp4' });
  s.on('error', () => {});
  return s;
}

function get(s: Session, oids: string[]): Promise<Varbind[]> {
  return new Promise((resolve, reject) => s.get(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? []))));
}

function set(s: Session, varbinds: Varbind[]): Promise<Varbind[]> {
  return new Promise((resolve, reject) => s.set(varbinds, (error, result) => (error ? reject(error) : resolve(result ?? []))));
}

const oid = (name: keyof typeof SYSTEM_OIDS): string => `${SYSTEM_OIDS[name]}.0`;

describe('SNMP agent', () => {
  it('answers the system group to the read community, v2c and v1', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'printer')));
    for (const version of [snmp.Version2c, snmp.Version1]) {
      const s = session('127.78.3.1', 'public', version);
      try {
        const varbinds = await get(s, [oid('sysDescr'), oid('sysObjectID'), oid('sysName'), oid('sysLocation'), oid('sysUpTime')]);
        expect(varbinds.map((v) => String(v.value))).toEqual([
          'HP ETHERNET MULTI-ENVIRONMENT', '1.3.6.1.4.1.11.2.3.9.1', 'printer', 'Werkkamer', expect.stringMatching(/^\d+$/),
        ]);
      } finally {
        s.close();
      }
    }
  });

  it('serves objects beyond the system group with their types, and nothing under them that was not given', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'printer')));
    const s = session('127.78.3.1', 'public');
    try {
      const varbinds = await get(s, ['1.3.6.1.2.1.25.3.2.1.3.1', '1.3.6.1.2.1.25.3.2.1.3.2', '1.3.6.1.2.1.43.5.1.1.17.1', '1.3.6.1.2.1.25.3.2.1.5.1']);
      expect(varbinds.map((v) => String(v.value))).toEqual(['HP OfficeJet Pro 9010 series', 'Fax', 'TH0AB1C2D3', '2']);
      expect(varbinds.map((v) => v.type)).toEqual([4, 4, 4, 2]);
      const [missing] = await get(s, ['1.3.6.1.2.1.25.3.2.1.3.3']);
      expect(snmp.isVarbindError(missing!)).toBe(true);
    } finally {
      s.close();
    }
  });

  it('serves no sysDescr or sysObjectID the fleet does not give', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'unnamed')));
    const s = session('127.78.3.2', 'public');
    try {
      const [descr, objectId, name] = await get(s, [oid('sysDescr'), oid('sysObjectID'), oid('sysName')]);
      expect(snmp.isVarbindError(descr!)).toBe(true);
      expect(snmp.isVarbindError(objectId!)).toBe(true);
      expect(String(name!.value)).toBe('unnamed');
    } finally {
      s.close();
    }
  });

  it('lets the write community SET sysContact, and the read community not', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'printer')));
    const writer = session('127.78.3.1', 'private');
    const reader = session('127.78.3.1', 'public');
    try {
      const denied = await set(reader, [{ oid: oid('sysContact'), type: snmp.ObjectType.OctetString, value: 'intruder' }]).catch((error: Error) => error);
      expect(denied).toBeInstanceOf(Error);
      await set(writer, [{ oid: oid('sysContact'), type: snmp.ObjectType.OctetString, value: 'audit@example.org' }]);
      const [contact] = await get(reader, [oid('sysContact')]);
      expect(String(contact!.value)).toBe('audit@example.org');
    } finally {
      writer.close();
      reader.close();
    }
  });

  it('ignores a wrong community: the client times out', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'printer')));
    const s = session('127.78.3.1', 'secret');
    try {
      await expect(get(s, [oid('sysDescr')])).rejects.toMatchObject({ name: 'RequestTimedOutError' });
    } finally {
      s.close();
    }
  });

  it('says nothing when the device is silent', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'quiet')));
    const s = session('127.78.3.3', 'public');
    try {
      await expect(get(s, [oid('sysDescr')])).rejects.toMatchObject({ name: 'RequestTimedOutError' });
    } finally {
      s.close();
    }
  });

  it('survives hostile packets and keeps answering', async () => {
    const agent = await startSnmpAgent(contextFor(fleet, 'printer'));
    running.push(agent);
    const socket = dgram.createSocket('udp4');
    const hostile = [
      Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), // absurd BER length
      Buffer.from([0x30, 0x03, 0x02, 0x01]), // truncated
      Buffer.from('30260201010406707562','hex'), // v2c header cut short
      Buffer.from([0x30, 0x0b, 0x02, 0x01, 0x01, 0x04, 0x06, 0x70, 0x75, 0x62, 0x6c, 0x69, 0x63, 0xa0, 0x00]), // PDU without fields
      Buffer.alloc(0),
      // A v2c GET for public whose OID starts with a multi-byte subidentifier: net-snmp's agent throws
      // "object identifier does not begin with 0, 1, or 2" from its socket handler on this one.
      Buffer.from('302902010104067075626c6963a01c02041a2b3c4d020100020100300e300c0608e3060102010101000500', 'hex'),
    ];
    for (const packet of hostile) {
      await new Promise<void>((resolve) => socket.send(packet, 16161, '127.78.3.1', () => resolve()));
    }
    socket.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const s = session('127.78.3.1', 'public');
    try {
      const [descr] = await get(s, [oid('sysDescr')]);
      expect(String(descr!.value)).toBe('HP ETHERNET MULTI-ENVIRONMENT');
    } finally {
      s.close();
    }
    expect(agent.rejectedPackets()).toBeGreaterThanOrEqual(3);
  });
});
