// IPP over TLS (IPPS, RFC 7472): a printer that serves its attributes only over TLS, on 631 or on the port
// its `_ipps._tcp` record names (443), is asked for its make and model there with a self-signed certificate
// accepted for that read; a web port that no IPP record names is asked nothing; a TLS printer that stalls
// costs the read's bound, not more. Loopback range 127.80.9.0/24.

import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type DiscoveryResult } from '../../src/discovery/index.js';
import { MAX_PRINTER_READS_PER_HOST, printerReads } from '../../src/discovery/tcp/announced-ipp.js';
import { probeIpp } from '../../src/discovery/tcp/ipp-probe.js';
import { resolveFleet, type RawFleet } from '../../src/mocks/fleet-defaults.js';
import { startFleet, type RunningFleet } from '../../src/mocks/runner.js';
import { createSelfSignedCertificate } from '../../src/mocks/tcp/self-signed-cert.js';
import type { HostFacts } from '../../src/model.js';
import { createLimitedAgent } from '../../src/protocols/http/limited-client.js';
import { resolveScope } from '../../src/scope/index.js';

const ATTRIBUTES = (model: string, firmware: Record<string, string> = {}) => ({ 'printer-make-and-model': `Quillon ${model}`, 'printer-device-id': `MFG:Quillon;MDL:${model};CMD:PDF,URF;`, ...firmware });

const RAW: RawFleet = {
  name: 'ipps-test',
  range: '127.80.9.0/24',
  devices: [
    {
      // IPPS on 631 only, as CUPS with "DefaultEncryption Required" and IPP Everywhere printers set to TLS only.
      id: 'tls-631', address: '127.80.9.10', hostname: 'jetdesk-500', kind: 'printer', vendor: 'Quillon', model: 'JetDesk 500',
      mdns: [{ type: '_ipps._tcp', instance: 'Quillon JetDesk 500', port: 631, txt: { rp: 'ipp/print', ty: 'Quillon JetDesk 500' } }],
      services: [{ type: 'https', port: 631, title: 'JetDesk 500', auth: 'none', ipp: { path: '/ipp/print', attributes: ATTRIBUTES('JetDesk 500', { 'printer-firmware-string-version': '5.0.2', 'printer-firmware-version': '5.0.2' }) } }],
    },
    {
      // IPPS announced on 443, where the printer's web pages are too; the resource path from TXT rp.
      id: 'tls-443', address: '127.80.9.11', hostname: 'jetdesk-600', kind: 'printer', vendor: 'Quillon', model: 'JetDesk 600',
      mdns: [{ type: '_ipps._tcp', instance: 'Quillon JetDesk 600', port: 443, txt: { rp: 'ipp/secure', ty: 'Quillon JetDesk 600' } }],
      services: [{ type: 'https', port: 443, title: 'JetDesk 600', auth: 'none', ipp: { path: '/ipp/secure', attributes: ATTRIBUTES('JetDesk 600', { 'printer-firmware-version': '6.1' }) } }],
    },
    {
      // The same 443 service, but nothing says it is a printer's: it is a web port and is asked nothing over IPP.
      id: 'no-record', address: '127.80.9.12', hostname: 'webthing', kind: 'unknown', vendor: 'Quillon', model: 'Web',
      mdns: [{ type: '_http._tcp', instance: 'webthing', port: 8080, txt: {} }],
      services: [{ type: 'https', port: 443, title: 'Web', auth: 'none', ipp: { path: '/ipp/print', attributes: ATTRIBUTES('Hidden') } }],
    },
  ],
};

let fleet: RunningFleet;
let result: DiscoveryResult;
const port = (ip: string, number: number) => result.hosts.find((h) => h.ip === ip)?.ports.find((p) => p.transport === 'tcp' && p.port === number);

beforeAll(async () => {
  fleet = await startFleet(resolveFleet(RAW));
  result = await discover(resolveScope({ targets: ['127.80.9.10-12'] }), {
    sources: { mdns: true, ssdp: false, snmp: false, tcp: true, neighbours: false },
    // A loaded machine answers late; what is tested is what is read, not how fast.
    tcp: { connectTimeoutMs: 3000 },
    mdns: { hostTimeoutMs: 3000 },
  });
}, 60_000);

afterAll(async () => {
  await fleet?.close();
});

describe('IPP over TLS', () => {
  it('reads the make and model over TLS on 631 when the port speaks only TLS', () => {
    expect(port('127.80.9.10', 631)).toMatchObject({ name: 'ipps', tls: true, ipp: { makeAndModel: 'Quillon JetDesk 500', deviceId: 'MFG:Quillon;MDL:JetDesk 500;CMD:PDF,URF;' } });
  });

  it('reads it on 443 where the printer announces _ipps._tcp, on the path its TXT rp names', () => {
    expect(port('127.80.9.11', 443)).toMatchObject({ name: 'https', tls: true, ipp: { makeAndModel: 'Quillon JetDesk 600', path: '/ipp/secure' } });
  });

  it('reads the firmware in the same request, over TLS, on 631 and on 443', () => {
    expect(port('127.80.9.10', 631)?.ipp).toMatchObject({ firmwareStringVersion: '5.0.2', firmwareVersion: '5.0.2' });
    expect(port('127.80.9.11', 443)?.ipp).toEqual({ makeAndModel: 'Quillon JetDesk 600', deviceId: 'MFG:Quillon;MDL:JetDesk 600;CMD:PDF,URF;', firmwareVersion: '6.1', path: '/ipp/secure' });
  });

  it('asks a web port nothing over IPP when no IPP record names it', () => {
    const web = port('127.80.9.12', 443);
    expect(web).toMatchObject({ tls: true, http: { status: 200 } });
    expect(web?.ipp).toBeUndefined();
  });
});

describe('which announced ports are read over IPP', () => {
  const facts = (tls: boolean | undefined, type: string, ipp = false): HostFacts => ({
    ip: '10.0.0.5', mac: null, macVendor: null, hostnames: [], snmp: null, discoveredBy: ['mdns', 'tcp'], ssdp: [],
    mdns: [{ instance: 'P', type, port: 443, txt: { rp: '../etc' } }],
    ports: [{ transport: 'tcp', port: 443, name: 'https', ...(tls === undefined ? {} : { tls }), http: { status: 200, headers: {} }, ...(ipp ? { ipp: { makeAndModel: 'x' } } : {}) }],
  });

  it('an _ipps._tcp port that answered over TLS, not one that answered plain HTTP, nor one already read', () => {
    expect(printerReads([facts(true, '_ipps._tcp')])).toEqual([expect.objectContaining({ ip: '10.0.0.5', tls: true })]);
    expect(printerReads([facts(false, '_ipps._tcp')])).toEqual([]);
    expect(printerReads([facts(true, '_ipps._tcp', true)])).toEqual([]);
    expect(printerReads([facts(false, '_ipp._tcp')])).toEqual([expect.objectContaining({ tls: false })]);
    expect(printerReads([facts(true, '_http._tcp')])).toEqual([]);
  });

  it('reads at most a few ports of one host, however many IPP records it sends', () => {
    const many: HostFacts = {
      ...facts(true, '_ipps._tcp'),
      mdns: Array.from({ length: 48 }, (_, i) => ({ instance: `P${i}`, type: '_ipps._tcp', port: 1000 + i, txt: {} })),
      ports: Array.from({ length: 48 }, (_, i) => ({ transport: 'tcp' as const, port: 1000 + i, name: 'ipps', tls: true, http: { status: 200, headers: {} } })),
    };
    expect(printerReads([many])).toHaveLength(MAX_PRINTER_READS_PER_HOST);
  });

  it('takes the TXT rp path only when it is a plain path', () => {
    expect(printerReads([facts(true, '_ipps._tcp')])[0]!.path).toBeUndefined();
  });
});

describe('a TLS printer that never answers', () => {
  let server: https.Server;
  let requests = 0;
  beforeAll(async () => {
    const cert = createSelfSignedCertificate({ commonName: 'stall', altNames: ['127.80.9.20'] });
    server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, () => {
      requests += 1; // taken and never answered
    });
    await new Promise<void>((resolve) => server.listen(0, '127.80.9.20', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('costs the read its time bound and gives nothing', async () => {
    const agent = createLimitedAgent(1000);
    const started = performance.now();
    try {
      const answer = await probeIpp('127.80.9.20', (server.address() as AddressInfo).port, agent, 1000, AbortSignal.timeout(20_000), true);
      expect(answer).toBeNull();
    } finally {
      await agent.close();
    }
    // One request: a silence does not mend on another path. The time is only a guard against a hang.
    expect(requests).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
