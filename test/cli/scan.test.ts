// The whole command against a small mock fleet: JSON on stdout, exit codes by --fail-on, history kept.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFleet, startFleet } from '../../src/mocks/index.js';
import type { RunningFleet } from '../../src/mocks/runner.js';
import { built, runCli } from './helpers.js';

const FLEET = join(import.meta.dirname, '../fixtures/cli/two-devices.yaml');
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

let fleet: RunningFleet;
const dataDir = mkdtempSync(join(tmpdir(), 'homeaudit-cli-history-'));

beforeAll(async () => {
  fleet = await startFleet(loadFleet(FLEET));
});
afterAll(async () => {
  await fleet?.close();
});

describe.skipIf(!built)('homeaudit scan against a mock fleet', () => {
  it('prints a schema-valid JSON report on stdout and exits 1 when a finding reaches --fail-on', async () => {
    const run = await runCli(['scan', '--target', '127.91.1.0/27', '--json', '--fail-on', 'critical', '--no-save']);
    expect(run.stderr).not.toMatch(/Error|at .*\.js:\d+/);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      schemaVersion: number;
      devices: Array<{ ip: string }>;
      findings: Array<{ check: string; severity: string; deviceId: string }>;
    };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.devices.map((d) => d.ip).sort()).toEqual(['127.91.1.1', '127.91.1.2']);
    expect(report.findings.some((f) => f.check === 'remote-access' && f.severity === 'critical')).toBe(true);
  });

  it('exits 0 when nothing reaches --fail-on, and plain text goes to a pipe', async () => {
    const run = await runCli(['scan', '--target', '127.91.1.2', '--fail-on', 'high', '--no-save', '--lang', 'nl']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('127.91.1.2');
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).toMatch(/Fabriekswachtwoorden worden geprobeerd/);
  });

  it('keeps scans in the history, lists them and diffs them', async () => {
    const first = await runCli(['scan', '--target', '127.91.1.1', '--data-dir', dataDir, '--no-login']);
    expect(first.code).toBe(0);
    const second = await runCli(['scan', '--target', '127.91.1.0/27', '--data-dir', dataDir, '--no-login']);
    expect(second.code).toBe(0);
    const list = await runCli(['history', 'list', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
    const diff = await runCli(['history', 'diff', '--data-dir', dataDir]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/New devices \(1\)\n\s+127\.91\.1\.2\s/);
    // Every finding line names its device.
    for (const line of diff.stdout.split('\n').filter((l) => /^\s+\[/.test(l))) expect(line).toMatch(/^\s+\[\w+\] [^:]+: /);
    const json = await runCli(['history', 'diff', '--json', '--data-dir', dataDir]);
    const parsed = JSON.parse(json.stdout) as { devicesNew: Array<{ ip: string }>; findingsOpen: Array<{ device: { name: string } | null }> };
    expect(parsed.devicesNew.map((d) => d.ip)).toEqual(['127.91.1.2']);
    expect(parsed.findingsOpen.every((f) => f.device !== null && f.device.name.length > 0)).toBe(true);
    const dutch = await runCli(['history', 'list', '--lang', 'nl', '--data-dir', dataDir]);
    expect(dutch.stdout).toMatch(/apparaten .* problemen .* ergste: /);
    const exported = await runCli(['history', 'export', '2', '--anonymize', '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).not.toContain('127.91.1.');
    // purge asks; without a terminal to ask on it needs --yes, and deletes nothing before that.
    const refused = await runCli(['history', 'purge', '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs --yes/);
    expect((await runCli(['history', 'list', '--data-dir', dataDir])).stdout.trim().split('\n')).toHaveLength(2);
    const purged = await runCli(['history', 'purge', '--yes', '--data-dir', dataDir]);
    expect(purged.code).toBe(0);
    expect((await runCli(['history', 'list', '--data-dir', dataDir])).stdout).toMatch(/No scans kept yet/);
  }, 120_000);

  it('says so, and exits 3, when nothing in scope answered', async () => {
    const run = await runCli(['scan', '--target', '127.91.1.200/30', '--no-save', '--no-login']);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/Nothing answered in 127\.91\.1\.200\/30 \(2 addresses\)/);
    expect(run.stdout).toMatch(/Try: /);
    expect(run.stdout).not.toMatch(/No problems found/);
  });

  it('refuses a report path in a missing folder before the scan starts, naming the path given', async () => {
    const run = await runCli(['scan', '--target', '127.91.1.1', '--no-save', '--html', 'no-such-folder/report.html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--html no-such-folder\/report\.html: cannot write there \(the folder does not exist/);
    expect(run.stderr).not.toMatch(/scanning/);
    expect(run.stderr).not.toMatch(/\.tmp/);
  });

  it('names the file, line and key of an unknown question in --answers, before the scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'homeaudit-answers-'));
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'devices:\n  127.91.1.1:\n    mfa-enabld: true\n');
    const run = await runCli(['scan', '--target', '127.91.1.1', '--no-save', '--answers', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/line 3: devices › 127\.91\.1\.1 › mfa-enabld: unknown question \(did you mean "mfa-enabled"\?\)/);
    expect(run.stderr).not.toMatch(/scanning/);
  });

  it('warns, naming file and line, about an answer for a device that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'homeaudit-answers-'));
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'devices:\n  127.91.1.1:\n    mfa-enabled: true\n  10.9.9.9:\n    mfa-enabled: true\n');
    const run = await runCli(['scan', '--target', '127.91.1.1', '--no-save', '--no-login', '--answers', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${file} line 4: devices › 10.9.9.9 matches no device found in this scan`);
    expect(run.stderr).not.toContain('devices › 127.91.1.1 matches');
  });
});
