import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADVICE_DIR, loadAdviceKnowledge } from '../../src/advice/index.js';
import { DataFileError } from '../../src/knowledge/load-data.js';
import { CHECK_IDS, DEVICE_KINDS } from '../../src/model.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the built-in advice folder with one file replaced, to see how the loader reacts. */
function adviceDirWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'advice-'));
  dirs.push(dir);
  for (const name of ['labels.yaml', 'findings.yaml', 'buy.yaml', 'household.yaml', 'steps.yaml']) {
    const text = readFileSync(join(ADVICE_DIR, name), 'utf8');
    writeFileSync(join(dir, name), name === file ? edit(text) : text);
  }
  return dir;
}

describe('loadAdviceKnowledge', () => {
  const knowledge = loadAdviceKnowledge();

  it('has unique ids, both languages, a source and a norm on every template', () => {
    const ids = [...knowledge.templates, ...knowledge.steps].map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of knowledge.templates) {
      expect(t.text.nl.trim(), t.id).not.toBe('');
      expect(t.text.en.trim(), t.id).not.toBe('');
      expect(t.text.nl, `${t.id} is not the English text`).not.toBe(t.text.en);
      expect(t.source.length, t.id).toBeGreaterThan(3);
      expect(t.standards.some((s) => s.startsWith('ETSI EN 303 645') || s.startsWith('OWASP IoT Top 10 2018')), t.id).toBe(true);
    }
  });

  it('covers every check, and gives buying advice for every device kind', () => {
    for (const check of CHECK_IDS) expect(knowledge.templates.some((t) => t.check === check), check).toBe(true);
    for (const kind of DEVICE_KINDS) {
      expect(knowledge.templates.some((t) => t.on === 'device' && t.phase === 'buy' && t.kinds?.includes(kind)), kind).toBe(true);
      expect(knowledge.labels.kinds[kind].nl, kind).toBeTruthy();
    }
  });

  it('rests on the AP and the Cyber Security Raad texts', () => {
    const sources = new Set(knowledge.templates.map((t) => t.source));
    expect(sources).toContain('Autoriteit Persoonsgegevens, Vragen over internet of things');
    expect(sources).toContain('Cyber Security Raad, advies IoT (2017)');
  });

  it('names the file and the entry when an id is used twice', () => {
    const dir = adviceDirWith('household.yaml', (text) => text.replace('id: household.dispose', 'id: household.updates'));
    expect(() => loadAdviceKnowledge({ dir })).toThrow(/duplicate id "household\.updates"/);
  });

  it('names the file, entry and field when a language is missing', () => {
    const dir = adviceDirWith('buy.yaml', (text) => text.replace(/\n {6}en: "Buy from a shop in the EU[^\n]*/, ''));
    let error: unknown;
    try {
      loadAdviceKnowledge({ dir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect(String((error as Error).message)).toMatch(/buy\.yaml.*id "buy\.shop-and-ce".*en/);
  });

  it('refuses a template for a check that does not exist, naming the template', () => {
    const unknownCheck = adviceDirWith('findings.yaml', (text) => text.replace('check: mqtt-no-auth', 'check: mqtt-open'));
    expect(() => loadAdviceKnowledge({ dir: unknownCheck })).toThrow(/findings\.yaml.*mqtt-no-auth\.require-login/);
  });

  it('refuses steps that have no generic fallback', () => {
    const dir = adviceDirWith('steps.yaml', (text) => text.replace("task: update-firmware\n    vendors: ['*']", 'task: update-firmware\n    vendors: [Acme]'));
    expect(() => loadAdviceKnowledge({ dir })).toThrow(/no generic steps for task "update-firmware"/);
  });
});

describe('short titles', () => {
  it('exist for every check and fit the 80-column worst-finding column (20 characters)', () => {
    const { labels } = loadAdviceKnowledge();
    for (const check of CHECK_IDS) expect(labels.shortTitles[check], check).toBeDefined();
    for (const [key, text] of Object.entries(labels.shortTitles)) {
      expect(Array.from(text.en).length, `${key} en`).toBeLessThanOrEqual(20);
      expect(Array.from(text.nl).length, `${key} nl`).toBeLessThanOrEqual(20);
    }
  });
});
