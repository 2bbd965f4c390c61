// Issue 11, record and replay: the home fleet scanned with a recorder, written as a fleet file, that
// file served again and scanned again: every device named the same (vendor, model, kind, firmware),
// nothing in the file that identifies the household (MACs, serials, UUIDs, personal names), and the
// replay's SSDP replies and TXT records the same bytes as the recorded devices' but for those stand-ins.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fleetFromText, startFleet, type RunningFleet } from '../../src/mocks/index.js';
import { recordText } from '../../src/mocks/record/recorder.js';
import { startProbeRecorder } from '../../src/commands/record-probes.js';
import type { Device } from '../../src/model.js';
import { auditFleet, startHomeFleet, type AuditOfFleet } from '../integration/home-fleet-audit.js';
import { sameBut, searchReplies, txtStrings, withoutDate } from './wire.js';

const RECORDED_RANGE = '127.96.3.0/24';
const REPLAY_RANGE = '127.96.4.0/24';

let home: RunningFleet;
let replayed: RunningFleet | undefined;
let first: AuditOfFleet;
let second: AuditOfFleet;
let text: string;

const named = (device: Device | undefined) =>
  device ? { vendor: device.vendor, model: device.model, kind: device.kind, firmware: device.firmware } : 'not found';

beforeAll(async () => {
  home = await startHomeFleet(RECORDED_RANGE);
  const recorder = startProbeRecorder();
  try {
    first = await auditFleet(home, { login: false, versionProbeTransports: recorder.transports });
  } finally {
    await recorder.close();
  }
  text = recordText(first.result.devices, recorder.pages);
  replayed = await startFleet(fleetFromText('recorded home', text, { range: REPLAY_RANGE }));
  second = await auditFleet(replayed, { login: false });
}, 120_000);

afterAll(async () => {
  await home?.close();
  await replayed?.close();
});

describe('the home fleet, recorded and replayed', () => {
  it('records every device the scan found', () => {
    expect(first.result.devices.length).toBe(home.fleet.devices.length);
    expect(replayed!.fleet.devices.length).toBe(first.result.devices.length);
  });

  it('names every replayed device as the recording scan named it', () => {
    const recordedIps = first.result.devices.map((device) => device.ip);
    const expected: Record<string, unknown> = {};
    const actual: Record<string, unknown> = {};
    replayed!.fleet.devices.forEach((spec, index) => {
      const original = first.result.devices.find((device) => device.ip === recordedIps[index]);
      const key = `${spec.id} (${original?.vendor} ${original?.model})`;
      expected[key] = named(original);
      actual[key] = named(second.devices.get(spec.id));
    });
    expect(actual).toEqual(expected);
  });

  it('keeps out MAC addresses (the vendor half stays), serial numbers, UUIDs and passwords', () => {
    for (const spec of home.fleet.devices) {
      if (spec.mac) {
        const tail = spec.mac.toLowerCase().split(':').slice(3).join('');
        expect(text.toLowerCase(), spec.id).not.toContain(spec.mac.toLowerCase());
        expect(text.toLowerCase().replace(/[:-]/g, ''), spec.id).not.toContain(spec.mac.toLowerCase().replace(/:/g, ''));
        expect(tail.length).toBe(6);
      }
      if (spec.ssdp?.serialNumber) expect(text, spec.id).not.toContain(spec.ssdp.serialNumber);
      for (const account of [...spec.accounts, ...spec.services.flatMap((service) => ('accounts' in service ? (service.accounts ?? []) : []))]) {
        if (account.password.length >= 6) expect(text, spec.id).not.toContain(account.password);
      }
    }
    expect(text).not.toContain('TH0AB1C2D3'); // the HP printer's serial in its Server header
    const uuids = text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
    expect(uuids.length).toBeGreaterThan(0);
    expect(uuids.filter((uuid) => !uuid.startsWith('00000000-0000-4000-8000-'))).toEqual([]);
    const fleet = parse(text) as { devices: Array<{ accounts?: unknown }> };
    expect(fleet.devices.every((device) => device.accounts === undefined)).toBe(true);
  });

  it('says on the wire what each recorded device said: its SSDP replies and TXT records, but for the stand-ins', async () => {
    const recordedIps = first.result.devices.map((device) => device.ip);
    let replies = 0;
    let strings = 0;
    await Promise.all(replayed!.fleet.devices.map(async (replay, index) => {
      const original = home.fleet.devices.find((device) => device.address === recordedIps[index])!;
      const addresses = { replayed: replay.address, original: original.address };
      if (original.ssdp) {
        const [sent, resent] = await Promise.all([searchReplies(original.address), searchReplies(replay.address)]);
        expect(resent.length, original.id).toBe(sent.length);
        sent.forEach((reply, i) => {
          expect(sameBut(withoutDate(resent[i] ?? ''), withoutDate(reply), addresses), `${original.id} reply ${i}:\n${resent[i]}\nrecorded from\n${reply}`).toBe(true);
          replies += 1;
        });
      }
      for (const service of original.mdns) {
        const again = replay.mdns.find((m) => m.type === service.type)!;
        const [sent, resent] = await Promise.all([
          txtStrings(original.address, `${service.instance}.${service.type}.local`),
          txtStrings(replay.address, `${again.instance}.${again.type}.local`),
        ]);
        expect(resent, `${original.id} ${service.type}`).toHaveLength(sent!.length);
        sent!.forEach((string, i) => {
          expect(sameBut(resent![i]!, string, addresses), `${original.id} ${service.type}: ${resent![i]} for ${string}`).toBe(true);
          strings += 1;
        });
      }
    }));
    expect(replies).toBeGreaterThanOrEqual(15);
    expect(strings).toBeGreaterThan(40);
  }, 60_000);
});

