// Issue 11, record and replay on real daemons: the real-daemon network scanned with `scan --record`
// from the scanner's namespace, the recorded file served by `homeaudit mock` on loopback inside that
// namespace and scanned again: every device named as the recording scan named it, with the same remote
// access and the router's port mappings (recorded from miniupnpd's own answers), miniupnpd's search
// replies kept header for header and avahi's TXT records as sent.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildRealNetwork, type RealNetwork } from '../../src/bench/realnet/network.js';
import { realnetSkipReason } from '../../src/bench/realnet/requirements.js';
import { scanRealNetwork, type ScanRun } from '../../src/bench/realnet/scan.js';
import { REPO_ROOT } from '../../src/bench/realnet/spec.js';
import { LIVENESS_PORTS } from '../../src/discovery/ports.js';

const REPLAY_RANGE = '127.96.9.0/24';
const MOCK_READY_MS = 30_000;

const skipReason = realnetSkipReason();
if (skipReason) console.log(`realnet record/replay test skipped: ${skipReason}`);

async function waitForLine(file: string, text: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (existsSync(file) && readFileSync(file, 'utf8').includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${file} did not say "${text}" within ${ms} ms: ${existsSync(file) ? readFileSync(file, 'utf8').slice(-2000) : 'no log'}`);
}

interface RecordedDevice {
  id: string;
  mdns?: unknown[];
  ssdp?: unknown;
  snmp?: unknown;
  services?: Array<{ port: number }>;
}

/**
 * On the LAN the neighbour table shows every host, so discovery sweeps all its ports; loopback has none,
 * and a host that answers no source and opens no liveness port (the plug's MQTT 1883 alone) is not found.
 */
const foundOnLoopback = (device: RecordedDevice): boolean =>
  Boolean(device.mdns?.length || device.ssdp || device.snmp || device.services?.some((service) => LIVENESS_PORTS.includes(service.port)));

/** A device's remote-access and port-mapping findings, without the address-derived device id. */
const exposure = (run: ScanRun, deviceId: string): string[] =>
  run.report.findings
    .filter((finding) => finding.deviceId === deviceId && (finding.check === 'remote-access' || finding.check === 'exposed-by-port-mapping'))
    .map((finding) => finding.id.split(deviceId).join('DEVICE'))
    .sort();

const named = (device: ScanRun['report']['devices'][number] | undefined) =>
  device ? { vendor: device.vendor ?? null, model: device.model ?? null, kind: device.kind, firmware: device.firmware ?? null } : 'not found';

describe.skipIf(skipReason !== null)('the real-daemon network, recorded and replayed', () => {
  let network: RealNetwork;
  let recorded: ScanRun;
  let replayed: ScanRun;
  let fleet: { devices: RecordedDevice[] };
  let replayAddresses: string[];

  beforeAll(async () => {
    network = await buildRealNetwork();
    const file = path.join(network.dir, 'recorded.yaml');
    recorded = await scanRealNetwork(network, ['--no-login', '--record', file], 'record');
    fleet = parse(readFileSync(file, 'utf8')) as typeof fleet;
    // The fleet gives its devices addresses in file order; the replay range's hosts from .1 on.
    replayAddresses = fleet.devices.map((_, index) => `127.96.9.${index + 1}`);
    network.startInNamespace(network.scannerNamespace, 'mock', [process.execPath, `${REPO_ROOT}dist/bin.js`, 'mock', file, '--range', REPLAY_RANGE]);
    await waitForLine(path.join(network.dir, `${network.scannerNamespace}-mock.log`), 'Scan it with', MOCK_READY_MS);
    replayed = await scanRealNetwork({ ...network, spec: { ...network.spec, subnet: REPLAY_RANGE } }, ['--no-login'], 'replay');
  }, 240_000);

  afterAll(async () => {
    await network?.teardown();
  });

  it('records every device the scan found', () => {
    expect(recorded.report.devices.length).toBeGreaterThanOrEqual(network.spec.devices.length);
    expect(fleet.devices.length).toBe(recorded.report.devices.length);
  });

  it('names every replayed device as the recording scan named it', () => {
    const expected: Record<string, unknown> = {};
    const actual: Record<string, unknown> = {};
    recorded.report.devices.forEach((device, index) => {
      if (!foundOnLoopback(fleet.devices[index]!)) return;
      const key = `${fleet.devices[index]!.id} (${device.ip})`;
      expected[key] = named(device);
      actual[key] = named(replayed.report.devices.find((found) => found.ip === replayAddresses[index]));
    });
    expect(actual).toEqual(expected);
  });

  it("reports the same remote access and port mappings: the router's mappings and login services replayed", () => {
    const expected: Record<string, string[]> = {};
    const actual: Record<string, string[]> = {};
    recorded.report.devices.forEach((device, index) => {
      if (!foundOnLoopback(fleet.devices[index]!)) return;
      const key = `${fleet.devices[index]!.id} (${device.ip})`;
      expected[key] = exposure(recorded, device.id);
      const replayedDevice = replayed.report.devices.find((found) => found.ip === replayAddresses[index]);
      actual[key] = replayedDevice ? exposure(replayed, replayedDevice.id) : ['not found'];
    });
    expect(Object.values(expected).flat().filter((id) => id.startsWith('exposed-by-port-mapping')).length).toBeGreaterThanOrEqual(2);
    expect(actual).toEqual(expected);
  });

  it('records the router as it was: its description as sent, its mappings, no password', () => {
    const text = readFileSync(path.join(network.dir, 'recorded.yaml'), 'utf8');
    const routers = fleet.devices.filter((device) => (device.ssdp as { igd?: unknown } | undefined)?.igd);
    expect(routers.length).toBe(1);
    const ssdp = routers[0]!.ssdp as { descriptionXml: string; igd: { portMappings: unknown[] } };
    // As miniupnpd sent it: WANDevice › WANConnectionDevice nested, each service with its SCPD URL (a
    // description written back from parsed fields has neither).
    expect(ssdp.descriptionXml).toMatch(/<deviceList>[\s\S]*<deviceList>/);
    expect(ssdp.descriptionXml).toContain('<SCPDURL>');
    expect(ssdp.igd.portMappings.length).toBeGreaterThanOrEqual(2);
    for (const account of network.spec.devices.flatMap((device) => device.accounts ?? [])) {
      if (account.password.length >= 6) expect(text).not.toContain(account.password);
    }
  });

  it("records miniupnpd's search replies header for header: its spelling, the empty EXT, the headers beyond ST, USN, SERVER, LOCATION", () => {
    const router = fleet.devices.find((device) => (device.ssdp as { igd?: unknown } | undefined)?.igd)!;
    const replies = (router.ssdp as { replies: Array<{ headers?: Array<{ name: string; value: string }> }> }).replies;
    expect(replies.length).toBeGreaterThanOrEqual(3);
    for (const reply of replies) {
      expect(reply.headers, JSON.stringify(reply)).toBeDefined();
      const names = reply.headers!.map((header) => header.name.toUpperCase());
      for (const name of ['ST', 'USN', 'LOCATION', 'SERVER', 'EXT']) expect(names).toContain(name);
      expect(reply.headers!.find((header) => header.name.toUpperCase() === 'EXT')!.value).toBe('');
    }
    const beyond = new Set(replies.flatMap((reply) => reply.headers!.map((header) => header.name)).filter((name) => !/^(ST|USN|LOCATION|SERVER|EXT|CACHE-CONTROL|DATE)$/i.test(name)));
    expect([...beyond].length, 'miniupnpd sends more than the usual six').toBeGreaterThan(0);
  });

  it("records avahi's TXT records as sent: a mixed-case key, a key alone, an empty value", () => {
    const services = fleet.devices.flatMap((device) => (device.mdns ?? []) as Array<{ type: string; txt: Record<string, unknown> }>);
    const info = services.find((service) => service.type === '_device-info._tcp' && service.txt.model === 'DataVault 2')!;
    expect(Object.keys(info.txt)).toEqual(['model', 'DevRev', 'NoPair']);
    expect(info.txt).toEqual({ model: 'DataVault 2', DevRev: 'B2', NoPair: null });
    const cast = services.find((service) => service.type === '_googlecast._tcp')!;
    expect(Object.keys(cast.txt)).toEqual(['id', 'md', 'fn', 've', 'ca', 'st', 'rs']);
    expect(cast.txt.rs).toBe('');
  });

  // Known gap (issue 11, "Ports"): ports off the liveness list are swept only on hosts seen otherwise; on
  // loopback, without a neighbour table, a host like the MQTT-only plug stays unseen.
  it.fails('finds, replayed on loopback, a host that opens only ports off the liveness list (known gap of issue 11, Ports)', () => {
    const unseen = fleet.devices.flatMap((device, index) => (foundOnLoopback(device) ? [] : [replayAddresses[index]!]));
    expect(unseen.length).toBeGreaterThan(0);
    expect(unseen.filter((ip) => !replayed.report.devices.some((found) => found.ip === ip))).toEqual([]);
  });
});
