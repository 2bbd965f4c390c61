// The version-probe runner: one GET per matched probe on a device whose vendor the probe names and
// whose port is open, none at all on any other device, within the device's request budget.

import { describe, expect, it } from 'vitest';
import type { Device, HostFacts, PortInfo } from '../../../src/model.js';
import { identify, loadFingerprints } from '../../../src/identify/index.js';
import { toDevice } from '../../../src/audit/devices.js';
import { loadVersionProbes, type VersionProbe } from '../../../src/knowledge/version-probes.js';
import { DEFAULT_VERSION_PROBE_CAPS, readFirmwareVersions, type ProbeGet, type ProbeIpp, type ProbeSnmp } from '../../../src/identify/version-probes/index.js';
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

  it('every probe names a vendor, protocol or kind (any device only after a login), and a source', () => {
    const bare = probes.filter(
      (probe: VersionProbe) =>
        (probe.match.anyDevice ? !probe.afterLogin : [...(probe.match.vendors ?? []), ...(probe.match.mdnsTypes ?? []), ...(probe.match.kinds ?? [])].length === 0) ||
        probe.source.length < 3,
    );
    expect(bare).toEqual([]);
  });
});

const printer = deviceFrom(
  emptyFacts({
    ip: '192.0.2.40',
    mdns: [{ instance: 'Quillon JetDesk 410', type: '_ipp._tcp', port: 631, txt: { ty: 'Quillon JetDesk 410', usb_MFG: 'Quillon', usb_MDL: 'JetDesk 410' } }],
    snmp: { community: 'public', version: '2c', sysDescr: 'Quillon JetDesk 410' },
    ports: [http(80), { transport: 'tcp', port: 631, name: 'ipp' }, { transport: 'udp', port: 161, name: 'snmp' }],
    discoveredBy: ['mdns', 'snmp', 'tcp'],
  }),
);

describe('IPP and SNMP version probes', () => {
  const noPages = countingGet({});
  function fakeIpp(attributes: Record<string, string>) {
    const requests: Array<{ url: string; asked: readonly string[] }> = [];
    const ipp: ProbeIpp = async (url, asked) => {
      requests.push({ url, asked });
      return new Map(asked.filter((name) => attributes[name] !== undefined).map((name) => [name, attributes[name]!]));
    };
    return { ipp, requests };
  }
  function fakeSnmp(objects: Record<string, string>) {
    const requests: string[][] = [];
    const snmp: ProbeSnmp = async (_target, oids) => {
      requests.push([...oids]);
      return new Map(oids.filter((oid) => objects[oid] !== undefined).map((oid) => [oid, objects[oid]!]));
    };
    return { snmp, requests };
  }
  const runWith = (devices: Device[], transports: { ipp?: ProbeIpp; snmp?: ProbeSnmp }) =>
    readFirmwareVersions(devices, probes, { ...DEFAULT_VERSION_PROBE_CAPS, get: noPages.get, ...transports, signal: new AbortController().signal });

  it('identifies the printer as a printer with no firmware from its announcement', () => {
    expect(printer.kind).toBe('printer');
    expect(printer.firmware).toBeNull();
  });

  it('reads printer-firmware-string-version over IPP on port 631, and says so', async () => {
    const { ipp, requests } = fakeIpp({ 'printer-firmware-string-version': '2.4.1', 'printer-make-and-model': 'Quillon JetDesk 410' });
    const [device] = await runWith([printer], { ipp, snmp: fakeSnmp({}).snmp });
    expect(requests).toEqual([{ url: 'http://192.0.2.40:631/ipp/print', asked: ['printer-firmware-string-version', 'printer-firmware-version', 'printer-make-and-model'] }]);
    expect(device!.firmware).toBe('2.4.1');
    expect(device!.identity.firmwareEvidence).toMatchObject({ via: 'status-page', probeId: 'ipp-printer-firmware' });
    expect(device!.identity.firmwareEvidence!.detail).toMatch(/IPP Get-Printer-Attributes on :631\/ipp\/print without a login → printer-firmware-string-version 2\.4\.1/);
  });

  it('falls back to printer-firmware-version, then to a firmware written in printer-make-and-model', async () => {
    const byVersion = fakeIpp({ 'printer-firmware-version': '3.1' });
    expect((await runWith([printer], { ipp: byVersion.ipp }))[0]!.firmware).toBe('3.1');
    const byModel = fakeIpp({ 'printer-make-and-model': 'Quillon JetDesk 410 firmware 2.4.1' });
    expect((await runWith([printer], { ipp: byModel.ipp }))[0]!.firmware).toBe('2.4.1');
    const modelOnly = fakeIpp({ 'printer-make-and-model': 'Quillon JetDesk 410' });
    expect((await runWith([printer], { ipp: modelOnly.ipp }))[0]!.firmware).toBeNull();
  });

  it('asks SNMP for hrDeviceDescr and prtGeneralPrinterName when IPP gave no version, within 2 requests', async () => {
    const { ipp, requests: ippRequests } = fakeIpp({});
    const { snmp, requests } = fakeSnmp({ '1.3.6.1.2.1.43.5.1.1.16.1': 'JetDesk 410 fw 2.4.1', '1.3.6.1.2.1.25.3.2.1.3.1': 'Quillon JetDesk 410' });
    const [device] = await runWith([printer], { ipp, snmp });
    expect(ippRequests).toHaveLength(1);
    expect(requests).toEqual([['1.3.6.1.2.1.25.3.2.1.3.1', '1.3.6.1.2.1.43.5.1.1.16.1']]);
    expect(device!.firmware).toBe('2.4.1');
    expect(device!.identity.firmwareEvidence).toMatchObject({ probeId: 'printer-mib-firmware-word' });
  });

  // A printer whose only admin surface is IPP over TLS: discovery's one Get-Printer-Attributes on 443 asked
  // for the firmware too, so the probe reads that answer and sends nothing.
  const ippsOnly = (ipp: NonNullable<PortInfo['ipp']>) =>
    deviceFrom(
      emptyFacts({
        ip: '192.0.2.42',
        mdns: [{ instance: 'Quillon JetDesk 600', type: '_ipps._tcp', port: 443, txt: { rp: 'ipp/secure', ty: 'Quillon JetDesk 600' } }],
        ports: [{ ...http(443, true), ipp }],
        discoveredBy: ['mdns', 'tcp'],
      }),
    );

  it('reads the firmware from the answer discovery held over IPPS on 443, with no request of its own', async () => {
    const printerOverTls = ippsOnly({ makeAndModel: 'Quillon JetDesk 600', firmwareStringVersion: '2.6.0', firmwareVersion: '2.6', path: '/ipp/secure' });
    expect(printerOverTls.kind).toBe('printer');
    const { ipp, requests } = fakeIpp({ 'printer-firmware-string-version': '9.9' });
    const [device] = await runWith([printerOverTls], { ipp });
    expect(requests).toEqual([]);
    expect(device!.firmware).toBe('2.6.0');
    expect(device!.identity.firmwareEvidence).toMatchObject({ via: 'status-page', probeId: 'ipp-printer-firmware' });
    expect(device!.identity.firmwareEvidence!.detail).toBe('self-reported: IPPS (IPP over TLS) Get-Printer-Attributes on :443/ipp/secure without a login → printer-firmware-string-version 2.6.0');
  });

  it('takes printer-firmware-version from the held answer when the string version is missing', async () => {
    const [device] = await runWith([ippsOnly({ firmwareVersion: '3.1.4', path: '/ipp/print' })], { ipp: fakeIpp({}).ipp });
    expect(device!.firmware).toBe('3.1.4');
    expect(device!.identity.firmwareEvidence!.detail).toMatch(/IPPS \(IPP over TLS\) .* → printer-firmware-version 3\.1\.4$/);
  });

  it('asks nothing more over IPP when the held answer has no firmware: the one request already asked for it', async () => {
    const plain = deviceFrom(
      emptyFacts({
        ...printer.facts,
        ports: printer.facts.ports.map((open) => (open.port === 631 ? { ...open, ipp: { makeAndModel: 'Quillon JetDesk 410', path: '/ipp/print' } } : open)),
      }),
    );
    const { ipp, requests } = fakeIpp({ 'printer-firmware-string-version': '2.4.1' });
    const { snmp } = fakeSnmp({ '1.3.6.1.2.1.25.3.2.1.3.1': 'Quillon JetDesk 410 firmware 2.4.2' });
    const [device] = await runWith([plain], { ipp, snmp });
    expect(requests).toEqual([]);
    expect(device!.identity.firmwareEvidence).toMatchObject({ probeId: 'printer-mib-firmware-word' });
  });

  it('sends no IPP or SNMP request to a device that is no printer, even with 631 open and an agent answering', async () => {
    const other = deviceFrom(
      emptyFacts({
        ip: '192.0.2.41',
        snmp: { community: 'public', version: '2c', sysDescr: 'Linux box 6.1' },
        ports: [http(80), { transport: 'tcp', port: 631, name: 'ipp' }],
        discoveredBy: ['snmp', 'tcp'],
      }),
    );
    expect(other.kind).not.toBe('printer');
    const ipp = fakeIpp({ 'printer-firmware-string-version': '9.9' });
    const snmp = fakeSnmp({ '1.3.6.1.2.1.25.3.2.1.3.1': 'firmware 9.9' });
    const [device] = await runWith([other], { ipp: ipp.ipp, snmp: snmp.snmp });
    expect(ipp.requests).toEqual([]);
    expect(snmp.requests).toEqual([]);
    expect(device).toBe(other);
  });
});
