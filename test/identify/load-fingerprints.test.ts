import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_KINDS } from '../../src/model.js';
import { DataFileError } from '../../src/knowledge/load-data.js';
import {
  compileFingerprints,
  DEFAULT_FINGERPRINT_DIR,
  FINGERPRINT_SCHEMA,
  loadFingerprints,
  normaliseVendor,
} from '../../src/identify/index.js';

const rule = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  match: { http: { title: '^Widget' } },
  give: { vendor: 'Widget', kind: 'camera' },
  confidence: 0.5,
  source: 'a test',
  ...extra,
});

function failureOf(run: () => unknown): DataFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return error as DataFileError;
  }
  throw new Error('expected the load to fail');
}

describe('the built-in fingerprint knowledge', () => {
  const knowledge = loadFingerprints();

  it('loads every data file of the folder', () => {
    const names = knowledge.files.map((file) => file.slice(DEFAULT_FINGERPRINT_DIR.length + 1)).sort();
    expect(names).toEqual(expect.arrayContaining(['cameras.yaml', 'routers.yaml', 'vendor-aliases.yaml', 'components.yaml']));
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  it('has at least 150 rules naming at least 60 vendors', () => {
    const vendors = new Set(
      knowledge.rules.map((compiled) => compiled.rule.give.vendor).filter((vendor): vendor is string => !!vendor && !vendor.includes('{')),
    );
    expect(knowledge.rules.length).toBeGreaterThanOrEqual(150);
    expect(vendors.size).toBeGreaterThanOrEqual(60);
  });

  it('spells every vendor the way the aliases normalise it, so rules and OUI agree', () => {
    const misspelt = knowledge.rules
      .map((compiled) => compiled.rule.give.vendor)
      .filter((vendor): vendor is string => !!vendor && !vendor.includes('{'))
      .filter((vendor) => normaliseVendor(vendor, knowledge.aliases) !== vendor);
    expect(misspelt).toEqual([]);
  });

  it('gives every rule a source', () => {
    expect(knowledge.rules.filter((compiled) => compiled.rule.source.trim().length < 3)).toEqual([]);
  });

  it('lists in the schema exactly the device kinds of the model', () => {
    const schema = JSON.parse(readFileSync(FINGERPRINT_SCHEMA, 'utf8')) as {
      definitions: { rule: { properties: { give: { properties: { kind: { enum: string[] } } } } } };
    };
    expect(schema.definitions.rule.properties.give.properties.kind.enum).toEqual([...DEVICE_KINDS]);
  });
});

describe('a broken rule file fails the load with its file and rule id', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('names a regex that does not compile', () => {
    dir = mkdtempSync(join(tmpdir(), 'fingerprints-'));
    writeFileSync(join(dir, 'cameras.yaml'), `rules:\n  - id: broken-regex\n    match: { http: { server: '^App-webs(' } }\n    give: { kind: camera }\n    confidence: 0.5\n    source: a test\n`);
    const error = failureOf(() => loadFingerprints(dir as string));
    expect(error.message).toMatch(/cameras\.yaml: rule "broken-regex": could not compile regex "\^App-webs\(" at http\.server/);
  });

  it('names an unknown kind', () => {
    const error = failureOf(() => compileFingerprints([{ file: 'knowledge/fingerprints/cameras.yaml', data: { rules: [rule('odd-kind', { give: { kind: 'toaster' } })] } }]));
    expect(error.message).toContain('knowledge/fingerprints/cameras.yaml');
    expect(error.message).toContain('id "odd-kind"');
    expect(error.message).toContain('kind');
  });

  it('names a duplicate id and both files', () => {
    const error = failureOf(() =>
      compileFingerprints([
        { file: 'routers.yaml', data: { rules: [rule('same-id')] } },
        { file: 'cameras.yaml', data: { rules: [rule('other'), rule('same-id')] } },
      ]),
    );
    expect(error.message).toMatch(/cameras\.yaml: rule "same-id": duplicate id \(also in routers\.yaml\)/);
  });

  it('names a template that refers to nothing the rule captures', () => {
    const error = failureOf(() =>
      compileFingerprints([{ file: 'tv.yaml', data: { rules: [rule('bad-template', { give: { model: '{ssdp.modelName}' } })] } }]),
    );
    expect(error.message).toMatch(/tv\.yaml: rule "bad-template": give\.model: template \{ssdp\.modelName\}/);
  });

  it('names a field the schema does not know', () => {
    const error = failureOf(() =>
      compileFingerprints([{ file: 'x.yaml', data: { rules: [rule('typo', { match: { http: { titel: 'x' } } })] } }]),
    );
    expect(error.message).toContain('id "typo"');
    expect(error.message).toContain('"titel"');
  });

  it('accepts a valid rule from a folder of its own', () => {
    dir = mkdtempSync(join(tmpdir(), 'fingerprints-'));
    writeFileSync(join(dir, 'one.yaml'), `rules:\n  - id: widget-title\n    match: { http: { title: '^Widget (?<model>\\\\w+)' } }\n    give: { vendor: Widget, model: '{model}', kind: camera }\n    confidence: 0.5\n    source: a test\n`);
    const knowledge = loadFingerprints(dir);
    expect(knowledge.rules.map((compiled) => compiled.rule.id)).toEqual(['widget-title']);
  });
});
