// `npm run bench -- --realnet --discovery [--compare DIST] [--only all,tcp,…] [--quiet]`: discovery's
// wall clock on the real-daemon network, all sources together and each alone, on a quiet machine and
// with every core busy (stress-ng in the dead-end namespace; --quiet: the quiet machine only); with
// --compare, another build beside ours on the same network.

import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { buildRealNetwork, type RealNetwork } from './network.js';
import { REPO_ROOT } from './spec.js';

const RUNS = 3;
const LOAD_SECONDS = 240;
const ONE_RUN_LIMIT_MS = 60_000;
/** All sources, each alone, and all but SNMP (how much SNMP adds to the whole). */
export const DISCOVERY_RUNS = ['all', 'mdns', 'ssdp', 'snmp', 'tcp', '-snmp',
  'wsd',
] as const;
type DiscoveryRun = (typeof DISCOVERY_RUNS)[number];

interface Once {
  ms: number;
  hosts: number;
  ports: string[];
}

function discoverOnce(network: RealNetwork, distDir: string, source: DiscoveryRun): Promise<Once> {
  const script = path.join(REPO_ROOT, 'dist', 'bench', 'realnet', 'discover-once.js');
  const argv = ['netns', 'exec', network.scannerNamespace, process.execPath, script, distDir, network.spec.subnet, ...(source === 'all' ? [] : [source])];
  return new Promise((resolve, reject) => {
    const child = spawn('ip', argv, { stdio: ['ignore', 'pipe', 'pipe'], signal: AbortSignal.timeout(ONE_RUN_LIMIT_MS) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Once);
      } catch (error) {
        reject(new Error(`discovery in ${network.scannerNamespace} exited ${String(code)}: ${stderr.trim()}`, { cause: error }));
      }
    });
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timeAll(network: RealNetwork, builds: Array<[string, string]>, runs: readonly DiscoveryRun[], label: string): Promise<void> {
  for (const source of runs) {
    for (const [name, dist] of builds) {
      const runs: Once[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await discoverOnce(network, dist, source));
      const ms = runs.map((r) => r.ms);
      const ports = runs.map((r) => r.ports.length);
      console.log(`${label.padEnd(7)} ${name.padEnd(10)} ${source.padEnd(5)} median ${String(median(ms)).padStart(5)} ms  (${ms.join(', ')})  ports ${ports.join('/')}`);
    }
  }
}

/** only: which of DISCOVERY_RUNS to time (all of them when empty). */
export async function runDiscoveryTimes(compareDist: string | null, only: readonly string[] = [], quietOnly = false): Promise<number> {
  const unknown = only.filter((name) => !(DISCOVERY_RUNS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--only names ${unknown.join(', ')}; the discovery runs are ${DISCOVERY_RUNS.join(', ')}`);
  const runs = only.length > 0 ? (only as DiscoveryRun[]) : DISCOVERY_RUNS;
  const builds: Array<[string, string]> = [['this', path.join(REPO_ROOT, 'dist')]];
  if (compareDist) builds.push(['compared', path.resolve(compareDist)]);
  console.log(`discovery times on the real-daemon network, ${new Date().toISOString()}: Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const network = await buildRealNetwork();
  const stop = () => network.teardownNow();
  const stopOnSignal = () => { void network.teardown().finally(() => process.exit(130)); };
  process.once('exit', stop);
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    await timeAll(network, builds, runs, 'quiet');
    if (quietOnly) return 0;
    network.startInNamespace(network.deadEndNamespace, 'stress-ng', ['stress-ng', '--cpu', String(os.cpus().length), '--timeout', `${LOAD_SECONDS}s`, '--quiet']);
    await timeAll(network, builds, runs, 'loaded');
    return 0;
  } finally {
    process.removeListener('exit', stop);
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    await network.teardown();
  }
}
