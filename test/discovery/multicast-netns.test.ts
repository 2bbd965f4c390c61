// The multicast paths for real: a mock fleet answering multicast mDNS/SSDP in one network namespace,
// the scan in another, joined by a bridge in a third. Nothing touches the host's own interfaces.
// Needs root, `ip`, and a build (dist/): `npm test` builds first.

import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts } from '../../src/model.js';
import { buildLan, lanSkipReason, removeLan, runJsonInNamespace } from '../helpers/namespace-lan.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const tag = `${process.pid % 100000}`;
const NS = { bridge: `ha-disc-${tag}-b`, devices: `ha-disc-${tag}-d`, scan: `ha-disc-${tag}-s` };

const skipReason = lanSkipReason([join(ROOT, 'dist', 'discovery', 'index.js'), join(ROOT, 'dist', 'mocks', 'runner.js')]);
if (skipReason) console.log(`multicast-netns: skipped, ${skipReason}`);

const FLEET = {
  name: 'netns',
  range: '10.250.0.0/24',
  devices: [
    {
      id: 'tv', address: '10.250.0.10', hostname: 'Woonkamer-TV', kind: 'tv', vendor: 'Samsung', model: 'QE55', firmware: 'T-KTM2',
      mdns: [{ type: '_airplay._tcp', instance: 'Woonkamer TV', port: 7000, txt: { model: 'QE55Q80', srcVers: '377.17', Flag: null } }],
      ssdp: {
        deviceType: 'urn:schemas-upnp-org:device:MediaRenderer:1', friendlyName: 'Woonkamer TV', manufacturer: 'Samsung Electronics', modelName: 'QE55Q80', firmware: 'T-KTM2',
        extraHeaders: [{ name: 'X-User-Agent', value: 'redsonic' }, { name: 'X-Empty', value: '' }],
      },
    },
    {
      id: 'speaker', address: '10.250.0.11', hostname: 'Keuken', kind: 'speaker', vendor: 'Google', model: 'Nest Mini',
      mdns: [{ type: '_googlecast._tcp', instance: 'Keuken', port: 8009, txt: { md: 'Google Nest Mini' } }],
    },
  ],
};

function waitForReady(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`device namespace did not start in ${ms} ms: ${output}`)), ms);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`device namespace exited (${code}): ${output}`));
    });
  });
}

type ScanOutput = { scope: { multicastInterfaces: unknown[] }; hosts: HostFacts[]; problems: unknown[] };

function runScan(listenMs: number): Promise<ScanOutput> {
  return runJsonInNamespace<ScanOutput>(NS.scan, join(HERE, 'netns-scan.mjs'), [String(listenMs)], ROOT);
}

describe.skipIf(skipReason !== null)('multicast discovery across network namespaces', () => {
  let devices: ChildProcess | undefined;

  beforeAll(async () => {
    buildLan(NS, ['10.250.0.10', '10.250.0.11'], '10.250.0.2');
    devices = spawn('ip', ['netns', 'exec', NS.devices, process.execPath, join(HERE, 'netns-devices.mjs'), JSON.stringify(FLEET), '10.250.0.10'], { cwd: ROOT });
    await waitForReady(devices, 15_000);
  }, 30_000);

  afterAll(async () => {
    if (devices && devices.exitCode === null) {
      const exited = new Promise((resolve) => devices!.once('exit', resolve));
      devices.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      devices.kill('SIGKILL');
    }
    removeLan(NS);
  });

  it('finds the same devices by multicast mDNS and SSDP alone', async () => {
    const result = await runScan(3000);
    expect(result.scope.multicastInterfaces).toEqual([{ name: 'eth0', address: '10.250.0.2' }]);
    const tv = result.hosts.find((h) => h.ip === '10.250.0.10');
    const speaker = result.hosts.find((h) => h.ip === '10.250.0.11');
    expect(tv?.mdns).toEqual([expect.objectContaining({ type: '_airplay._tcp', instance: 'Woonkamer TV', port: 7000 })]);
    expect(tv?.ssdp.find((s) => s.description)?.description).toMatchObject({ manufacturer: 'Samsung Electronics', modelName: 'QE55Q80', firmware: 'T-KTM2' });
    expect(speaker?.mdns).toEqual([expect.objectContaining({ type: '_googlecast._tcp', instance: 'Keuken', txt: { md: 'Google Nest Mini' } })]);
    // What a recording keeps comes by multicast too: TXT strings and SSDP header blocks as sent.
    expect(tv?.mdns[0]?.txtSent).toEqual([{ key: 'model', value: 'QE55Q80' }, { key: 'srcVers', value: '377.17' }, { key: 'Flag' }]);
    const blocks = tv?.ssdp.flatMap((s) => s.headerBlocks ?? []) ?? [];
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).toEqual(expect.arrayContaining([{ name: 'X-User-Agent', value: 'redsonic' }, { name: 'X-Empty', value: '' }, { name: 'EXT', value: '' }]));
    expect(result.hosts.map((h) => h.ip).sort()).toEqual(['10.250.0.10', '10.250.0.11']);
  }, 30_000);
});
