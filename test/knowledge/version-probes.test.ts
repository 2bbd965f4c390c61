import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVersionProbes } from '../../src/knowledge/version-probes.js';

function dirWith(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'probes-'));
  writeFileSync(join(dir, 'probes.yaml'), yaml);
  return dir;
}

const entry = (read: string, extra = 'reported: 2026-12-01') => `probes:
  - id: demo
    source: a vendor page
    ${extra}
    match: { vendors: [Demo] }
    request: { scheme: http, port: 80, path: /status }
    read: ${read}
`;

describe('loadVersionProbes', () => {
  it('loads the shipped probes, each with a reader', () => {
    const probes = loadVersionProbes();
    expect(probes.map((probe) => probe.id)).toContain('google-cast-eureka-info');
    for (const probe of probes) expect(probe.reader).toBeDefined();
  });

  it('names the file and entry of a pattern that does not compile', () => {
    expect(() => loadVersionProbes(dirWith(entry("{ pattern: '(?<fw>[' }")))).toThrow(/probes\.yaml: probes \(id "demo"\) › read\.pattern: could not compile regex/);
  });

  it('refuses a pattern without the fw group', () => {
    expect(() => loadVersionProbes(dirWith(entry("{ pattern: 'v(\\d+)' }")))).toThrow(/needs a group \(\?<fw>…\)/);
  });

  it('refuses an entry without checked or reported, and two ways of reading', () => {
    expect(() => loadVersionProbes(dirWith(entry('{ json: version }', '')))).toThrow(/needs either checked/);
    expect(() => loadVersionProbes(dirWith(entry('{ json: version, xml: version }')))).toThrow(/read/);
  });
});
