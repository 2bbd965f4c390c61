// WS-Discovery for real across network namespaces: mock devices that answer multicast Probes only (as
// Samba's wsdd does), unicast ones only, or both (as ONVIF cameras do), in one namespace; the scan in
// another; a bridge in a third. Nothing touches the host's own interfaces. Needs root, `ip` and dist/.

import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts } from '../../src/model.js';
import { buildLan, lanSkipReason, removeLan, runJsonInNamespace } from '../helpers/namespace-lan.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const tag = `${process.pid % 100000}`;
const NS = { bridge: `ha-wsd-${tag}-b`, devices: `ha-wsd-${tag}-d`, scan: `ha-wsd-${tag}-s` };
const LAN = '10.251.0';
const CAMERA = `${LAN}.10`;
const NAS = `${LAN}.11`;
const DIRECTED = `${LAN}.12`;

const skipReason = lanSkipReason([join(ROOT, 'dist', 'discovery', 'index.js'), join(ROOT, 'dist', 'mocks', 'runner.js')]);
if (skipReason) console.log(`wsd-netns: skipped, ${skipReason}`);

const FLEET = {
  name: 'wsd-netns',
  range: `${LAN}.0/24`,
  devices: [
    {
      id: 'camera', address: CAMERA, kind: 'camera', vendor: 'unknown', model: 'unknown',
      wsd: {
        types: ['dn:NetworkVideoTransmitter', 'tds:Device'],
        scopes: ['onvif://www.onvif.org/type/video_encoder', 'onvif://www.onvif.org/hardware/IPC-HDW1230S'],
        xaddrs: ['http://{{address}}/onvif/device_service'],
      },
    },
    { id: 'nas', address: NAS, kind: 'nas', vendor: 'unknown', model: 'unknown', wsd: { answers: 'multicast', types: ['wsdp:Device', 'pub:Computer'] } },
    { id: 'directed', address: DIRECTED, kind: 'camera', vendor: 'unknown', model: 'unknown', wsd: { answers: 'unicast', types: ['dn:NetworkVideoTransmitter'] } },
  ],
};

interface ScanOutput {
  scope: { multicastInterfaces: unknown[] };
  hosts: HostFacts[];
  problems: unknown[];
  recorded: Array<{ wsd?: Record<string, unknown> }>;
}

function startDevices(fleet: unknown): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', NS.devices, process.execPath, join(HERE, 'netns-devices.mjs'), JSON.stringify(fleet), CAMERA], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`device namespace did not start in 15 s: ${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`device namespace exited (${code}): ${output}`));
    });
  });
}

async function stopDevices(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  child.kill('SIGKILL');
}

function runScan(mode: 'unicast' | 'multicast' | 'both'): Promise<ScanOutput> {
  return runJsonInNamespace<ScanOutput>(NS.scan, join(HERE, 'netns-wsd-scan.mjs'), [mode, '1500'], ROOT);
}

const found = (output: ScanOutput) => output.hosts.filter((host) => (host.wsd ?? []).length > 0).map((host) => host.ip).sort();
const answeredBy = (output: ScanOutput) => Object.fromEntries(output.hosts.map((host) => [host.ip, host.wsd?.[0]?.answered]));

describe.skipIf(skipReason !== null)('WS-Discovery across network namespaces', () => {
  let devices: ChildProcess | undefined;

  beforeAll(async () => {
    buildLan(NS, [CAMERA, NAS, DIRECTED], `${LAN}.2`);
    devices = await startDevices(FLEET);
  }, 30_000);

  afterAll(async () => {
    await stopDevices(devices);
    removeLan(NS);
  });

  it('finds a multicast-only device by multicast Probes alone, and not by unicast ones', async () => {
    const multicast = await runScan('multicast');
    expect(multicast.scope.multicastInterfaces).toEqual([{ name: 'eth0', address: `${LAN}.2` }]);
    expect(found(multicast)).toEqual([CAMERA, NAS]);
    // Its answer comes from its own address, not from whichever address the group socket would pick.
    expect(multicast.hosts.find((host) => host.ip === NAS)?.wsd?.[0]).toMatchObject({ types: ['wsdp:Device', 'pub:Computer'] });
    const unicast = await runScan('unicast');
    expect(found(unicast)).toEqual([CAMERA, DIRECTED]);
    expect(unicast.hosts.find((host) => host.ip === DIRECTED)?.wsd?.[0]).toMatchObject({ types: ['dn:NetworkVideoTransmitter'] });
  }, 30_000);

  it('says how each device answered when both kinds of Probe went out, and a recording replays it', async () => {
    const both = await runScan('both');
    expect(found(both)).toEqual([CAMERA, NAS, DIRECTED]);
    expect(answeredBy(both)).toEqual({ [CAMERA]: 'both', [NAS]: 'multicast', [DIRECTED]: 'unicast' });
    // The recorder writes no address (a fleet file numbers its own); the hosts come in the same order.
    const recorded = both.recorded.map((device, i) => ({ ...device, address: both.hosts[i]!.ip }));
    const answers = Object.fromEntries(recorded.map((device) => [device.address, device.wsd?.answers]));
    expect(answers).toEqual({ [CAMERA]: undefined, [NAS]: 'multicast', [DIRECTED]: 'unicast' });

    await stopDevices(devices);
    devices = await startDevices({ name: 'wsd-netns-replay', range: `${LAN}.0/24`, devices: recorded });
    const again = await runScan('both');
    expect(answeredBy(again)).toEqual(answeredBy(both));
  }, 45_000);
});
