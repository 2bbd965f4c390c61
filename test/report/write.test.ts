import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportWriteError, writeReports } from '../../src/report/index.js';
import { advisedHousehold } from '../fixtures/report/household.js';
import { reportSchemaErrors } from './report-schema.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reports-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('writeReports', () => {
  const result = advisedHousehold();

  it('writes JSON, Markdown and HTML and leaves no temporary files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.html'), 'old');
    const written = await writeReports(result, { json: join(dir, 'report.json'), markdown: join(dir, 'report.md'), html: join(dir, 'report.html'), lang: 'nl', toolVersion: '9.9.9' });
    expect(written).toEqual([join(dir, 'report.json'), join(dir, 'report.md'), join(dir, 'report.html')]);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { lang: string; tool: { version: string } };
    expect(reportSchemaErrors(json)).toEqual([]);
    expect(json.lang).toBe('nl');
    expect(json.tool.version).toBe('9.9.9');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^# Huisscan/);
  });

  it("writes JSON to stdout for '-'", async () => {
    const chunks: string[] = [];
    const written = await writeReports(result, { json: '-', lang: 'en', stdout: { write: (c: string) => chunks.push(c) } });
    expect(written).toEqual(['-']);
    expect(reportSchemaErrors(JSON.parse(chunks.join('')))).toEqual([]);
  });

  it('names the file when it cannot be written, and leaves nothing behind', async () => {
    const dir = tempDir();
    const target = join(dir, 'missing-folder', 'report.html');
    const error = await writeReports(result, { html: target, lang: 'en' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportWriteError);
    expect((error as ReportWriteError).message).toContain(`cannot write the HTML report to ${target}`);
    expect((error as ReportWriteError).cause).toBeDefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
