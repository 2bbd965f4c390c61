// Runs the real CLI in the scanner's namespace, as a user would, and measures it: wall clock and the
// peak memory the kernel reports for the scanning process.

import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ScanReport } from './compare.js';
import type { RealNetwork } from './network.js';
import { runCommand } from './run-command.js';
import { REPO_ROOT } from './spec.js';

const SCAN_TIME_LIMIT_MS = 120_000;

export interface ScanRun {
  report: ScanReport;
  wallMs: number;
  peakRssMb: number;
  exitCode: number;
}

function peakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** `dataDir`: keep the scan in a history there (as a user's scan is), instead of --no-save. */
export function scanRealNetwork(network: RealNetwork, extraArgs: string[] = [], label = 'scan', dataDir?: string): Promise<ScanRun> {
  const jsonFile = path.join(network.dir, `${label}.json`);
  const keep = dataDir ? ['--data-dir', dataDir] : ['--no-save'];
  const argv = ['netns', 'exec', network.scannerNamespace, process.execPath, `${REPO_ROOT}dist/bin.js`, 'scan',
    '--target', network.spec.subnet, '--json', jsonFile, '--yes', ...keep, '--lang', 'en', ...extraArgs];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('ip', argv, { stdio: ['ignore', 'pipe', 'pipe'], signal: AbortSignal.timeout(SCAN_TIME_LIMIT_MS) });
    let stderr = '';
    let peak = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.stdout.resume();
    // `ip netns exec` execs node in place, so this PID is the scanner itself.
    const sampler = setInterval(() => (peak = Math.max(peak, peakRssKb(child.pid!))), 50);
    child.on('error', (error) => { clearInterval(sampler); reject(new Error(`scan in ${network.scannerNamespace} did not finish: ${error.message}`, { cause: error })); });
    child.on('exit', (code) => {
      clearInterval(sampler);
      const wallMs = Math.round(performance.now() - started);
      try {
        const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as ScanReport;
        if (!process.env.REALNET_KEEP_LOGS) rmSync(jsonFile, { force: true });
        resolve({ report, wallMs, peakRssMb: Math.round(peak / 1024), exitCode: code ?? -1 });
      } catch (error) {
        reject(new Error(`scan exited ${String(code)} without a JSON report: ${stderr.trim()}`, { cause: error }));
      }
    });
  });
}

/** `homeaudit history export 1 --anonymize`: what a user would share of the first kept scan. */
export async function exportAnonymized(dataDir: string): Promise<string> {
  const { stdout } = await runCommand([process.execPath, `${REPO_ROOT}dist/bin.js`, 'history', 'export', '1', '--anonymize', '--data-dir', dataDir]);
  return stdout;
}
