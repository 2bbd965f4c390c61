// Issue 3: a scan of the built-in home fleet finds every device, with the vendor, model, kind and
// firmware the fleet file plants, except what a device's `wire:` note says the real device keeps
// behind a login. One audit over real sockets; one comparison per device, then the whole table.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFleet } from '../../src/mocks/index.js';
import type { DeviceSpec } from '../../src/mocks/types.js';
import { auditFleet, startHomeFleet, type AuditOfFleet } from './home-fleet-audit.js';
import { createProbeTransports, DEFAULT_VERSION_PROBE_CAPS, type ProbeTransports } from '../../src/identify/version-probes/index.js';

const RANGE = '127.85.1.0/24';

interface IdentityRow {
  vendor: string | null;
  model: string | null;
  kind: string;
  firmware: string | null;
}

/** What a scan should name: the planted truth, minus what the device does not show on the wire. */
function expectedIdentity(spec: DeviceSpec): IdentityRow {
  return {
    vendor: spec.vendor,
    model: spec.wire?.model ? null : spec.model,
    kind: spec.kind,
    firmware: spec.wire?.firmware ? null : (spec.firmware ?? null),
  };
}

let running: RunningFleet;
let audit: AuditOfFleet;
/** Every version-probe request of the scan (GET, IPP, SNMP), by the URL it went to. */
const probeRequests: string[] = [];
const real = createProbeTransports(DEFAULT_VERSION_PROBE_CAPS.timeoutMs);

beforeAll(async () => {
  running = await startHomeFleet(RANGE);
  const versionProbeTransports: ProbeTransports = {
    get: (url, caps) => (probeRequests.push(url), real.get(url, caps)),
    ipp: (url, attributes, caps) => (probeRequests.push(`ipp ${url}`), real.ipp!(url, attributes, caps)),
    snmp: (target, oids, caps) => (probeRequests.push(`snmp ${target.ip}:${target.port} ${oids.join(',')}`), real.snmp!(target, oids, caps)),
  };
  audit = await auditFleet(running, { login: false, versionProbeTransports });
}, 60_000);

afterAll(async () => {
  await real.close();
  await running?.close();
});

describe('identification of the home fleet, scanned over loopback', () => {
  it('finds every device of the fleet and nothing else', () => {
    const found = audit.result.devices.map((device) => device.ip).sort();
    expect(found).toEqual(running.fleet.devices.map((device) => device.address).sort());
  });

  it('names every device as the fleet plants it', () => {
    const expected: Record<string, IdentityRow> = {};
    const actual: Record<string, IdentityRow | 'not found'> = {};
    for (const spec of running.fleet.devices) {
      expected[spec.id] = expectedIdentity(spec);
      const device = audit.devices.get(spec.id);
      actual[spec.id] = device
        ? { vendor: device.vendor, model: device.model, kind: device.kind, firmware: device.firmware }
        : 'not found';
    }
    // One object keyed by device id: a mismatch prints as a per-device diff.
    expect(actual).toEqual(expected);
  });

  it('never repeats the vendor at the start of a model', () => {
    const repeated = audit.result.devices.filter(
      (device) => device.vendor && device.model?.toLowerCase().startsWith(`${device.vendor.toLowerCase()} `),
    );
    expect(repeated.map((device) => `${device.vendor} | ${device.model}`)).toEqual([]);
  });

  it('keeps the fleet honest: every wire note names an attribute the fleet plants', () => {
    for (const spec of running.fleet.devices) {
      if (spec.wire?.firmware) expect(spec.firmware, spec.id).toBeTruthy();
    }
  });
});

describe('version probes on the home fleet', () => {
  it('asks only the devices no announcement gave a version and a probe fits (the Nest Mini), once each; the printer not again', () => {
    const nest = running.fleet.devices.find((device) => device.id === 'google-nest-mini')!;
    expect(probeRequests.sort()).toEqual([`http://${nest.address}:8008/setup/eureka_info`]);
  });

  it('says the printer firmware came over IPP, read from the answer to discovery\'s one Get-Printer-Attributes', () => {
    const evidence = audit.devices.get('hp-printer')?.identity.firmwareEvidence;
    expect(evidence).toMatchObject({ via: 'status-page', probeId: 'ipp-printer-firmware' });
    expect(evidence?.detail).toBe('self-reported: IPP Get-Printer-Attributes on :631/ipp/print without a login → printer-firmware-string-version TESPDLPP1N001.2009A.00');
  });

  it('says the Nest Mini firmware came from its status page', () => {
    expect(audit.devices.get('google-nest-mini')?.identity.firmwareEvidence).toMatchObject({ via: 'status-page', probeId: 'google-cast-eureka-info' });
  });

  it('counts the probe requests in the scan stats', () => {
    expect(audit.result.stats.versionProbeRequests).toBe(probeRequests.length);
  });
});
