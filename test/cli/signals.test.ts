// Ctrl-C and SIGTERM as a user sends them: the scan keeps what it found, the mock fleet lets go of its ports.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFleet, startFleet } from '../../src/mocks/index.js';
import type { RunningFleet } from '../../src/mocks/runner.js';
import { BIN, built } from './helpers.js';

const FLEET = join(import.meta.dirname, '../fixtures/cli/two-devices.yaml');

/** Starts the CLI, sends `signal` once `when` appears on stderr/stdout, and collects everything. */
function runUntil(args: string[], when: RegExp, signal: NodeJS.Signals) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const check = (): void => {
      if (!sent && when.test(stdout + stderr)) {
        sent = true;
        child.kill(signal);
      }
    };
    child.stdout.on('data', (c: Buffer) => ((stdout += c.toString()), check()));
    child.stderr.on('data', (c: Buffer) => ((stderr += c.toString()), check()));
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`no exit after ${signal}\n${stderr}`))), 30_000);
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

let fleet: RunningFleet;
beforeAll(async () => {
  fleet = await startFleet(loadFleet(FLEET, { range: '127.91.3.0/24' }));
});
afterAll(async () => {
  await fleet?.close();
});

describe.skipIf(!built)('signals', () => {
  it('Ctrl-C during a scan stops it with exit 130, writes what was found and marks nothing as clean', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'homeaudit-sigint-')), 'report.json');
    const run = await runUntil(['scan', '--target', '127.91.3.0/27', '--json', out, '--no-save'], /scanning/, 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/stopped before everything was checked/);
    expect(run.stdout).not.toMatch(/No problems found/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { stats: { aborted?: boolean }; devices: Array<{ risk: string; checked: string }> };
    expect(report.stats.aborted).toBe(true);
    expect(Array.isArray(report.devices)).toBe(true);
    // A device whose checks did not all run is never reported as checked.
    for (const device of report.devices) expect(device.checked).not.toBe('all');
  });

  it('SIGTERM during a scan stops it with exit 143', async () => {
    const run = await runUntil(['scan', '--target', '127.91.3.0/27', '--no-save'], /scanning/, 'SIGTERM');
    expect(run.code).toBe(143);
    expect(run.stdout).toMatch(/The scan was stopped before everything was checked/);
  });

  it('SIGTERM stops `homeaudit mock` with exit 0 and frees its ports', async () => {
    const run = await runUntil(['mock', FLEET, '--range', '127.91.4.0/24'], /Scan it with/, 'SIGTERM');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('127.91.4.1');
    expect(await portIsFree('127.91.4.1', 23)).toBe(true);
  });
});
