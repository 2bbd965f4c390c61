// The parsed cache of built-in data files: a start takes a file's parsed, validated data from it only while
// the file's text and its schema are what was validated; a change is seen at once; an overlay never uses it.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCheckKnowledge, SCHEMA_DIR } from '../../src/knowledge/check-knowledge.js';
import { DataFileError, loadDataFile } from '../../src/knowledge/load-data.js';
import { loadOverlay } from '../../src/knowledge/overlay.js';
import { cacheKey, parsedCacheDir, readCached, writeCached } from '../../src/knowledge/parsed-cache.js';
import { loadFingerprints } from '../../src/identify/index.js';

const VENDORS_SCHEMA = join(SCHEMA_DIR, 'vendors.schema.json');
const dirs: string[] = [];
let cacheDir: string;
let saved: { dir?: string; off?: string };

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

beforeEach(() => {
  saved = { dir: process.env.HOMEAUDIT_CACHE_DIR, off: process.env.HOMEAUDIT_NO_CACHE };
  cacheDir = join(temporary('homeaudit-cache-'), 'knowledge');
  process.env.HOMEAUDIT_CACHE_DIR = cacheDir;
  delete process.env.HOMEAUDIT_NO_CACHE;
});
afterEach(() => {
  for (const [name, value] of [['HOMEAUDIT_CACHE_DIR', saved.dir], ['HOMEAUDIT_NO_CACHE', saved.off]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const vendorFile = (mfa: string) => `vendors:
  - id: acme-cloud
    vendors: [Acme]
    app: Acme Home
    mfa: ${mfa}
    dataOutsideEu: unknown
    cloudRequired: unknown
    supportPeriodPublished: unknown
    source: the vendor's help page
    reported: 2026-11-30
`;

describe('parsed knowledge cache', () => {
  it('serves the parsed data while the text is unchanged, and the new text as soon as it changes', () => {
    const file = join(temporary('homeaudit-data-'), 'vendors.yaml');
    writeFileSync(file, vendorFile('none'));
    const first = loadDataFile<{ vendors: Array<{ mfa: string }> }>(file, VENDORS_SCHEMA, { cache: true });
    expect(first.vendors[0]!.mfa).toBe('none');
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.json'))).toHaveLength(1);

    // The entry is what a second load returns: plant a different value under the same key to see it is read.
    const key = cacheKey(vendorFile('none'), VENDORS_SCHEMA)!;
    writeCached(cacheDir, key, { vendors: [{ ...first.vendors[0], mfa: 'required' }] });
    expect(loadDataFile<{ vendors: Array<{ mfa: string }> }>(file, VENDORS_SCHEMA, { cache: true }).vendors[0]!.mfa).toBe('required');

    // A changed file has another key: the planted entry is not used, the new text is parsed and validated.
    writeFileSync(file, vendorFile('optional\n    mfaHowTo: { nl: Instellingen, en: Settings }'));
    const changed = loadDataFile<{ vendors: Array<{ mfa: string; mfaHowTo?: { nl: string; en: string } }> }>(file, VENDORS_SCHEMA, { cache: true });
    expect(changed.vendors[0]).toMatchObject({ mfa: 'optional', mfaHowTo: { nl: 'Instellingen', en: 'Settings' } });
  });

  it('validates a changed file again: an invalid change fails even though the old text was cached', () => {
    const file = join(temporary('homeaudit-data-'), 'vendors.yaml');
    writeFileSync(file, vendorFile('none'));
    loadDataFile(file, VENDORS_SCHEMA, { cache: true });
    writeFileSync(file, vendorFile('sometimes'));
    expect(() => loadDataFile(file, VENDORS_SCHEMA, { cache: true })).toThrow(DataFileError);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  });

  it('keys on the schema too: a changed schema judges the same text again', () => {
    const dir = temporary('homeaudit-data-');
    const schema = join(dir, 'vendors.schema.json');
    writeFileSync(schema, readFileSync(VENDORS_SCHEMA, 'utf8'));
    const text = vendorFile('none');
    const before = cacheKey(text, schema);
    // A fresh process reads the schema anew; within one the text is remembered, so compare with another path.
    const other = join(dir, 'vendors-v2.schema.json');
    writeFileSync(other, readFileSync(VENDORS_SCHEMA, 'utf8').replace('"description"', '"$comment": "v2", "description"'));
    expect(cacheKey(text, other)).not.toBe(before);
    expect(cacheKey(text, schema)).toBe(before);
  });

  it('never serves an overlay from the cache', () => {
    const overlay = temporary('homeaudit-overlay-');
    mkdirSync(join(overlay, 'vendors'));
    writeFileSync(join(overlay, 'vendors', 'acme.yaml'), vendorFile('none'));
    writeCached(cacheDir, cacheKey(vendorFile('none'), VENDORS_SCHEMA)!, { vendors: [{ id: 'planted', vendors: ['Acme'], app: 'x', mfa: 'required', dataOutsideEu: 'unknown', cloudRequired: 'unknown', supportPeriodPublished: 'unknown', source: 'x', reported: '2026-11-30' }] });
    expect(loadOverlay(overlay).vendors.map((entry) => entry.id)).toEqual(['acme-cloud']);
  });

  it('gives the built-in knowledge exactly as a fresh parse does, from a cold and from a warm cache', () => {
    process.env.HOMEAUDIT_NO_CACHE = '1';
    expect(parsedCacheDir()).toBeNull();
    const fresh = { checks: loadCheckKnowledge(), rules: loadFingerprints().rules.map((compiled) => compiled.rule) };
    delete process.env.HOMEAUDIT_NO_CACHE;
    const cold = { checks: loadCheckKnowledge(), rules: loadFingerprints().rules.map((compiled) => compiled.rule) };
    expect(readdirSync(cacheDir).length).toBeGreaterThan(5);
    const warm = { checks: loadCheckKnowledge(), rules: loadFingerprints().rules.map((compiled) => compiled.rule) };
    expect(cold).toEqual(fresh);
    expect(warm).toEqual(fresh);
  });

  it('takes a damaged or foreign entry for a miss', () => {
    mkdirSync(cacheDir, { recursive: true });
    const key = cacheKey(vendorFile('none'), VENDORS_SCHEMA)!;
    writeFileSync(join(cacheDir, `${key}.json`), '{"key": "trunc');
    expect(readCached(cacheDir, key)).toBeUndefined();
    writeFileSync(join(cacheDir, `${key}.json`), JSON.stringify({ key: 'another', data: {} }));
    expect(readCached(cacheDir, key)).toBeUndefined();
  });
});
