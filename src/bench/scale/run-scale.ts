// A range where every address accepts every connection: a network namespace of its own (127/8 all routes
// to its lo), the accept-any listener inside it, and the built CLI scanning the range from inside it too.
// Nothing leaves the namespace. Needs root and `ip`; teardown by PID and namespace name, also on failure.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import { run } from '../hostile/run-attack.js';

export interface ScaleScan {
  cidr: string;
  exitCode: number | null;
  wallMs: number;
  maxRssKb: number;
  stderr: string;
  report: ScaleReport | null;
}

export interface ScaleReport {
  devices: Array<{ ip: string; services: Array<{ port: number }> }>;
  stats: { durationMs: number; hostsInScope: number; sourceProblems: Array<{ message: string }>; checkProblems: string[] };
}

/** Why the scale run cannot happen here, or null when it can. */
export function scaleSkipReason(): string | null {
  if (process.getuid?.() !== 0) return 'not root: network namespaces need root';
  try {
    execFileSync('ip', ['-V'], { stdio: 'ignore' });
  } catch {
    return 'the `ip` tool (iproute2) is not installed';
  }
  return null;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

function startAcceptAny(ns: string): Promise<() => void> {
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, join(PACKAGE_ROOT, 'dist/bench/scale/accept-any.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => void child.kill('SIGTERM');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error('accept-any listener not ready within 10 s'))), 10_000);
    child.stdout.once('data', () => (clearTimeout(timer), resolve(stop)));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`accept-any listener ended (exit ${code})`))));
  });
}

/** Scans cidr (inside 127/8) where every address has every sweep port open and silent. */
export async function runScale(cidr: string, extraArgs: string[] = [], killAfterMs = 1_800_000): Promise<ScaleScan> {
  const ns = `ha-scale-${process.pid}`;
  const dir = await mkdtemp(join(tmpdir(), 'homeaudit-scale-'));
  let stop = () => {};
  try {
    ip('netns', 'add', ns);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    stop = await startAcceptAny(ns);
    const args = [
      'netns', 'exec', ns, process.execPath,
      '--import', join(PACKAGE_ROOT, 'dist/bench/hostile/max-rss.js'), join(PACKAGE_ROOT, 'dist/bin.js'),
      'scan', '--target', cidr, '--allow-large', '--yes', '--no-save', '--json', join(dir, 'report.json'), ...extraArgs,
    ];
    const started = performance.now();
    const { code, stderr } = await run(args, { HOMEAUDIT_MAX_RSS_FILE: join(dir, 'rss'), NO_COLOR: '1' }, killAfterMs, 'ip');
    const wallMs = performance.now() - started;
    const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
    const json = await read('report.json');
    return { cidr, exitCode: code, wallMs, maxRssKb: Number(await read('rss')) || 0, stderr, report: json ? (JSON.parse(json) as ScaleReport) : null };
  } finally {
    stop();
    try {
      ip('netns', 'del', ns);
    } catch {
      // already gone
    }
    await rm(dir, { recursive: true, force: true });
  }
}
