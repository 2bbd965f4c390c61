// The reports of a real audit of the built-in home fleet, in both languages: schema-valid, every finding
// advised, every advice item sourced, no factory password in full anywhere, and equal to their golden
// files once the clock is taken out (UPDATE_GOLDEN=1 npx vitest run test/report/home-fleet-report.test.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_FLEET_FILE, loadFleet, startFleet } from '../../src/mocks/index.js';
import type { RunningFleet } from '../../src/mocks/runner.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { loadKnowledge } from '../../src/audit/knowledge.js';
import { resolveScope } from '../../src/scope/index.js';
import { toHtml, toJsonReport, toMarkdown, toPlainSummary, toAnonymizedReport } from '../../src/report/index.js';
import { LANGS, type AuditResult } from '../../src/model.js';
import { reportSchemaErrors as validateReport } from './report-schema.js';
import { matchesGolden } from './golden-files.js';

const fleetSpec = loadFleet(HOME_FLEET_FILE, { range: '127.94.0.0/24' });
let fleet: RunningFleet;
let result: AuditResult;

beforeAll(async () => {
  fleet = await startFleet(fleetSpec);
  result = await runAudit({
    scope: resolveScope({ targets: [fleet.target] }),
    knowledge: loadKnowledge(),
    login: true,
    maxAttempts: 5,
    answers: {},
  });
}, 120_000);
afterAll(async () => {
  await fleet?.close();
});

/** Every password the fleet's devices accept, long enough that finding it in a report is no accident. */
function fleetSecrets(): string[] {
  const secrets = new Set<string>();
  for (const device of fleetSpec.devices) {
    for (const account of device.accounts) secrets.add(account.password);
    for (const service of device.services) {
      for (const account of 'accounts' in service && service.accounts ? service.accounts : []) secrets.add(account.password);
    }
  }
  return [...secrets].filter((s) => s.length >= 5);
}

describe('reports of the home fleet audit', () => {
  it('found devices and findings to report on', () => {
    expect(result.devices.length).toBe(fleetSpec.devices.length);
    expect(result.findings.length).toBeGreaterThan(10);
  });

  it('gives every finding at least one advice item, and every item names its source and norm', () => {
    const advised = new Set(result.advice.flatMap((a) => a.findingIds));
    const unadvised = result.findings.filter((f) => !f.settledBy && !advised.has(f.id)).map((f) => f.id);
    expect(unadvised).toEqual([]);
    for (const item of result.advice) {
      expect(item.source.length, item.id).toBeGreaterThan(10);
      expect(item.text.nl.trim().length, item.id).toBeGreaterThan(10);
      expect(item.text.en.trim().length, item.id).toBeGreaterThan(10);
    }
    expect(result.advice.filter((a) => a.findingIds.length > 0).every((a) => a.standards.length > 0)).toBe(true);
  });

  it.each(LANGS)('writes a schema-valid JSON report in %s, also anonymised', (lang) => {
    const report = toJsonReport(result, { lang, toolVersion: '0.0.0-test' });
    expect(validateReport(report)).toEqual([]);
    const anonymous = toAnonymizedReport(report);
    expect(validateReport(anonymous)).toEqual([]);
    const text = JSON.stringify(anonymous);
    for (const device of fleetSpec.devices) expect(text).not.toContain(device.address);
  });

  it.each(LANGS)('lists every device and the top actions in Markdown and HTML (%s)', (lang) => {
    const markdown = toMarkdown(result, lang);
    const html = toHtml(result, lang);
    for (const device of result.devices) {
      expect(markdown).toContain(device.ip);
      expect(html).toContain(device.ip);
    }
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)=["']?https?:/i);
    expect(html).toContain(lang === 'nl' ? 'lang="nl"' : 'lang="en"');
  });

  it('shows no factory password in full in any output', () => {
    const outputs = LANGS.flatMap((lang) => [
      JSON.stringify(toJsonReport(result, { lang, toolVersion: '0.0.0-test' })),
      toMarkdown(result, lang),
      toHtml(result, lang),
      toPlainSummary(result, lang),
    ]);
    const secrets = fleetSecrets();
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) {
      for (const output of outputs) expect(output.includes(secret), `"${secret}" in a report`).toBe(false);
    }
  });

  it.each(LANGS)('match their golden files with the clock taken out (%s)', (lang) => {
    const FIXED = '2026-01-01T00:00:00.000Z';
    const timeless: AuditResult = { ...result, startedAt: FIXED, finishedAt: FIXED, stats: { ...result.stats, durationMs: 0, stageMs: {} } };
    matchesGolden(`home.${lang}.json`, `${JSON.stringify(toJsonReport(timeless, { lang, toolVersion: '0.0.0-test' }), null, 2)}\n`);
    matchesGolden(`home.${lang}.md`, toMarkdown(timeless, lang));
    matchesGolden(`home.${lang}.html`, toHtml(timeless, lang));
  });
});

/** English words that must not appear in a Dutch output (a small list is enough to catch a missed text). */
const ENGLISH = ['the', 'and', 'with', 'without', 'accepted', 'serves', 'identified', 'offers', 'require', 'version', 'seen', 'empty', 'answer', 'answered', 'found', 'stopped', 'password', 'device', 'devices', 'your', 'not', 'checked', 'findings'];

/** What may stay in its own language: text between quotes (what a device sent) and cited sources. */
export function dutchProse(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/kennisbank-item|fabrikantgegevens|Bronnen|Autoriteit Persoonsgegevens|ETSI|OWASP/.test(line))
    .join('\n')
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/'[^'\n]*'|"[^"\n]*"|“[^”\n]*”/g, ' ')
    .replace(/<[^>]+>/g, ' ');
}

describe('Dutch outputs of the home fleet speak Dutch', () => {
  const outputs = (): Record<string, string> => ({
    markdown: toMarkdown(result, 'nl'),
    html: toHtml(result, 'nl'),
    summary: toPlainSummary(result, 'nl'),
  });
  for (const name of ['markdown', 'html', 'summary']) {
    it(`has no English words in the ${name}`, () => {
      const prose = dutchProse(outputs()[name]!);
      const found = ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}-])${word}([^\\p{L}-]|$)`, 'iu').test(prose));
      const lines = found.map((word) => prose.split('\n').find((line) => new RegExp(`(^|[^\\p{L}-])${word}([^\\p{L}-]|$)`, 'iu').test(line))?.trim());
      expect(found, lines.join('\n')).toEqual([]);
    });
  }
});

describe('the anonymised export of the home fleet', () => {
  it.each(LANGS)('carries no MAC, serial, address or name of any device inside any string (%s)', (lang) => {
    const report = toJsonReport(result, { lang, toolVersion: '0.0.0-test' });
    const text = JSON.stringify(toAnonymizedReport(report));
    const identifiers = new Set<string>();
    for (const device of result.devices) {
      identifiers.add(device.ip);
      for (const name of device.names) if (name.length >= 3) identifiers.add(name);
      for (const host of device.facts.hostnames) identifiers.add(host);
      if (device.mac) {
        identifiers.add(device.mac);
        identifiers.add(device.mac.replace(/:/g, ''));
      }
      for (const ssdp of device.facts.ssdp) if (ssdp.description?.serialNumber) identifiers.add(ssdp.description.serialNumber);
    }
    // Names case-sensitive: "Thuis" is a hub's name, "thuis" a Dutch word in the advice.
    for (const id of identifiers) expect(text, id).not.toContain(id);
    // The doorbell names itself after its MAC: the bare form goes too.
    expect(text).not.toMatch(/\b[0-9a-f]{12}\b/i);
    expect(text).not.toContain('IB0418729356');
    expect(text).not.toContain('4L0459BPAZ8F2C1');
    // Model numbers are no identifiers and stay useful.
    expect(text).toContain('DS-2CD2042WD-I');
  });
});
