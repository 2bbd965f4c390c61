// Issue 12: `homeaudit knowledge …` through the command line, and the audit's knowledge with an overlay.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { loadKnowledge } from '../../src/audit/knowledge.js';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function overlay(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'homeaudit-cli-overlay-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'firmware'));
  writeFileSync(join(dir, 'firmware', name), text);
  return dir;
}

function captured(stream: NodeJS.WriteStream): () => string {
  let text = '';
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => ((text += String(chunk)), true));
  return () => text;
}

describe('homeaudit knowledge check', () => {
  it('exits 0 on a valid overlay', async () => {
    const dir = overlay('ok.yaml', 'firmware:\n  - { id: acme-cam, vendor: Acme, latest: "2.0", source: notes, reported: "2026-11-30" }\n');
    const out = captured(process.stdout);
    expect(await main(['node', 'homeaudit', 'knowledge', 'check', dir])).toBe(0);
    expect(out()).toMatch(/valid, 0 credentials, 1 firmware/);
  });

  it('exits 2 naming the file, the entry and the field of a bad entry', async () => {
    const dir = overlay('bad.yaml', 'firmware:\n  - { id: acme-cam, vendor: Acme, severity: high, source: notes, reported: "2026-11-30" }\n');
    const err = captured(process.stderr);
    expect(await main(['node', 'homeaudit', 'knowledge', 'check', dir])).toBe(2);
    expect(err()).toMatch(/bad\.yaml: firmware › 0 \(id "acme-cam"\).*"severity"/);
  });
});

describe('the audit knowledge with an overlay', () => {
  it('merges it and lists the entries taken from it', () => {
    const dir = overlay('fritz.yaml', 'firmware:\n  - { id: avm-fritzbox-current, vendor: AVM, models: ["FRITZ!Box 7590*"], latest: "8.02", source: helpdesk notes, reported: "2026-11-30" }\n');
    const knowledge = loadKnowledge(dir);
    expect(knowledge.overlay).toEqual({ dir, entries: ['avm-fritzbox-current'] });
    expect(knowledge.checks.firmware.find((entry) => entry.id === 'avm-fritzbox-current')?.latest).toBe('8.02');
    expect(loadKnowledge().overlay).toBeNull();
  });
});
