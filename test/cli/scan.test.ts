// The whole command against a small mock fleet: JSON on stdout, exit codes by --fail-on, history kept.

import { mkdtempSync, readFileSync } from 'node:fs';
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
    const exported = await runCli(['history', 'export', '2', '--anonymize', '--data-dir', dataDir]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).not.toContain('127.91.1.');
  });
});
