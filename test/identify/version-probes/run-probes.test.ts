// The version-probe runner: one GET per matched probe on a device whose vendor the probe names and
// whose port is open, none at all on any other device, within the device's request budget.

import { describe, expect, it } from 'vitest';
import type { Device, HostFacts, PortInfo } from '../../../src/model.js';
import { identify, loadFingerprints } from '../../../src/identify/index.js';
import { toDevice } from '../../../src/audit/devices.js';
import { loadVersionProbes, type VersionProbe } from '../../../src/knowledge/version-probes.js';
import { DEFAULT_VERSION_PROBE_CAPS, readFirmwareVersions, type ProbeGet } from '../../../src/identify/version-probes/index.js';
import { emptyFacts } from '../../helpers/host-facts.js';

const fingerprints = loadFingerprints();
const probes = loadVersionProbes();

const http = (port: number, tls = false): PortInfo => ({ transport: 'tcp', port, name: tls ? 'https' : 'http', ...(tls ? { tls: true } : {}), http: { status: 200, headers: {} } });

function deviceFrom(facts: HostFacts): Device {
  return toDevice(facts, identify(facts, fingerprints), []);
}

const nestMini = deviceFrom(
  emptyFacts({
    ip: '192.0.2.5',
    mdns: [{ instance: 'Keuken', type: '_googlecast._tcp', port: 8009, txt: { md: 'Google Nest Mini', ve: '05', fn: 'Keuken' } }],
    ports: [http(8008), { transport: 'tcp', port: 8009, name: 'unknown' }],
    discoveredBy: ['mdns', 'tcp'],
  }),
);
// A web server nobody names: no probe fits it.
const unnamed = deviceFrom(emptyFacts({ ip: '192.0.2.9', ports: [http(80), http(8008)], discoveredBy: ['tcp'] }));

/** A fake device answering from a table of URL → body, counting every request per host. */
function countingGet(pages: Record<string, string>, status = 200): { get: ProbeGet; requests: string[] } {
  const requests: string[] = [];
  const get: ProbeGet = async (url) => {
    requests.push(url);
    const body = pages[url];
    if (body === undefined) return { status: 404, body: Buffer.from('not found') };
    return { status, body: Buffer.from(body) };
  };
  return { get, requests };
}

const EUREKA = '{"build_version":"324896","cast_build_revision":"1.56.324896","name":"Keuken"}';

function run(devices: Device[], get: ProbeGet, extra: Partial<Record<keyof typeof DEFAULT_VERSION_PROBE_CAPS, number>> = {}, signal = new AbortController().signal) {
  return readFirmwareVersions(devices, probes, { ...DEFAULT_VERSION_PROBE_CAPS, ...extra, get, signal });
}

describe('version probes', () => {
  it('identification alone leaves the Nest Mini firmware empty (the TXT record has none)', () => {
    expect(nestMini.vendor).toBe('Google');
    expect(nestMini.firmware).toBeNull();
  });

  it('reads the Cast firmware from /setup/eureka_info and says where it came from', async () => {
    const { get, requests } = countingGet({ 'http://192.0.2.5:8008/setup/eureka_info': EUREKA });
    const [device] = await run([nestMini], get);
    expect(requests).toEqual(['http://192.0.2.5:8008/setup/eureka_info']);
    expect(device!.firmware).toBe('1.56.324896');
    expect(device!.identity.firmwareEvidence).toMatchObject({ via: 'status-page', probeId: 'google-cast-eureka-info' });
    expect(device!.identity.selfReported).toContain('firmware');
  });

  it('sends no request at all to a device no probe matched', async () => {
    const { get, requests } = countingGet({});
    const [device] = await run([unnamed], get);
    expect(requests).toEqual([]);
    expect(device).toBe(unnamed);
  });

  it('reads a Cast device of another maker by its announced protocol', async () => {
    const other = deviceFrom(
      emptyFacts({ ip: '192.0.2.6', mdns: [{ instance: 'Woonkamer', type: '_googlecast._tcp', port: 8009, txt: { md: 'Cube 2' } }], ports: [http(8008)], discoveredBy: ['mdns', 'tcp'] }),
    );
    expect(other.vendor).toBeNull();
    const { get, requests } = countingGet({ 'http://192.0.2.6:8008/setup/eureka_info': EUREKA });
    const [device] = await run([other], get);
    expect(requests).toHaveLength(1);
    expect(device!.firmware).toBe('1.56.324896');
  });

  it('sends no request to a matched vendor whose probe port is not open', async () => {
    const closed = { ...nestMini, facts: { ...nestMini.facts, ports: nestMini.facts.ports.filter((p) => p.port !== 8008) } };
    const { get, requests } = countingGet({});
    await run([closed], get);
    expect(requests).toEqual([]);
  });

  it('sends no request to a device whose firmware an announcement already gave', async () => {
    const known = { ...nestMini, firmware: '1.0', identity: { ...nestMini.identity, firmware: '1.0' } };
    const { get, requests } = countingGet({});
    await run([known], get);
    expect(requests).toEqual([]);
  });

  it('keeps to the request budget per device', async () => {
    const hueFacts = emptyFacts({
      ip: '192.0.2.7',
      mdns: [{ instance: 'Hue Bridge - 6A4F21', type: '_hue._tcp', port: 443, txt: { bridgeid: '001788FFFE6A4F21', modelid: 'BSB002' } }],
      ports: [http(80), http(443, true)],
      discoveredBy: ['mdns', 'tcp'],
    });
    const hue = deviceFrom(hueFacts);
    expect(hue.vendor).toBe('Philips');
    const { get, requests } = countingGet({});
    await run([{ ...hue, firmware: null, identity: { ...hue.identity, firmware: null } }], get, { maxRequestsPerDevice: 1 });
    expect(requests).toHaveLength(1);
  });

  it('takes no version from an error page or an answer without the field', async () => {
    const failing = countingGet({ 'http://192.0.2.5:8008/setup/eureka_info': EUREKA }, 500);
    expect((await run([nestMini], failing.get))[0]!.firmware).toBeNull();
    const empty = countingGet({ 'http://192.0.2.5:8008/setup/eureka_info': '{"name":"Keuken"}' });
    expect((await run([nestMini], empty.get))[0]!.firmware).toBeNull();
  });

  it('treats a request that fails as no version, never as a crash', async () => {
    const get: ProbeGet = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    expect((await run([nestMini], get))[0]!.firmware).toBeNull();
  });

  it('sends nothing once the scan is stopped', async () => {
    const controller = new AbortController();
    controller.abort();
    const { get, requests } = countingGet({ 'http://192.0.2.5:8008/setup/eureka_info': EUREKA });
    await run([nestMini], get, {}, controller.signal);
    expect(requests).toEqual([]);
  });

  it('every probe names a vendor or protocol, and a source', () => {
    const bare = probes.filter((probe: VersionProbe) => (probe.match.vendors ?? probe.match.mdnsTypes ?? []).length === 0 || probe.source.length < 3);
    expect(bare).toEqual([]);
  });
});
