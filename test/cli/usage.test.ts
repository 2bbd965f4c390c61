// Wrong flags and bad files: exit 2 with a message that says what and where, before anything is contacted.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { built, runCli } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'homeaudit-cli-'));

describe.skipIf(!built)('homeaudit usage errors', () => {
  it('refuses a public address with exit 2 and names it', async () => {
    const run = await runCli(['scan', '--target', '8.8.8.8', '--no-save']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/8\.8\.8\.8/);
    expect(run.stderr).toMatch(/public/i);
  });

  it('asks for --allow-large on a scope larger than /22', async () => {
    const run = await runCli(['scan', '--target', '127.91.8.0/21', '--no-save']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--allow-large/);
  });

  it('rejects an unknown language, severity and flag', async () => {
    const lang = await runCli(['scan', '--target', '127.91.0.1', '--lang', 'de']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/--lang/);
    expect(lang.stderr).toMatch(/nl, en/);
    const severity = await runCli(['scan', '--target', '127.91.0.1', '--fail-on', 'severe']);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toMatch(/critical, high, medium, low, info/);
    const flag = await runCli(['scan', '--frobnicate']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--frobnicate'/);
  });

  it('names the answers file and the line of a YAML error', async () => {
    const file = join(tmp, 'answers.yaml');
    writeFileSync(file, 'devices:\n  127.91.0.1: { mfa-enabled: true\n');
    const run = await runCli(['scan', '--target', '127.91.0.1', '--answers', file, '--no-save']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('answers.yaml');
    expect(run.stderr).toMatch(/line \d+/);
    const missing = await runCli(['scan', '--target', '127.91.0.1', '--answers', join(tmp, 'nope.yaml'), '--no-save']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: cannot read/);
  });

  it('names the file, the device and the field of a bad fleet file', async () => {
    const file = join(tmp, 'fleet.yaml');
    writeFileSync(file, 'name: bad\nrange: 127.91.2.0/24\ndevices:\n  - id: cam\n    kind: toaster\n    vendor: X\n    model: Y\n');
    const run = await runCli(['mock', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fleet.yaml');
    expect(run.stderr).toContain('"cam"');
    expect(run.stderr).toContain('kind');
  });

  it('says what a history id is when it is not one', async () => {
    const run = await runCli(['history', 'show', 'abc', '--data-dir', join(tmp, 'h')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"abc" is not a scan id/);
  });
});
