// Issue 12: knowledge that stays fresh without a release: an overlay folder validated with the same schemas and
// merged over the built-in entries, the staleness warning, and `knowledge check` / `knowledge import-kev` (offline).

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { knowledgeFreshness, STALE_AFTER_DAYS, stalenessWarning } from '../../src/knowledge/freshness.js';
import { readKevCatalogue } from '../../src/knowledge/import-kev.js';
import { loadOverlay, mergeKnowledge, overlayEntryIds, resolveOverlayDir } from '../../src/knowledge/overlay.js';
import { provenanceNote } from '../../src/knowledge/provenance.js';
import { knowledgeCommand, KEV_IMPORT_FILE } from '../../src/commands/knowledge.js';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { makeContext, makeDevice } from '../checks/knowledge-helpers.js';

const KEV_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'kev-catalogue-2025.08.25-excerpt.json');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function overlayWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'homeaudit-overlay-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const DAHUA = `firmware:
  - id: dahua-ipc-helpdesk
    vendor: Dahua
    models: ["IPC-HDW*"]
    vulnerable:
      - { below: "2.820.0000000.48.R.210705", cves: [CVE-2021-33044, CVE-2021-33045], severity: high }
    source: our helpdesk's notes on Dahua advisory DHCC-SA-202106-001
    url: https://www.dahuasecurity.com/aboutUs/trustedCenter/details/582
    reported: "2026-11-30"
`;

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  return { stream: new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) }), text: () => text };
}

describe('knowledge overlay', () => {
  it('merges overlay entries over the built-in ones by id and marks where they came from', () => {
    const dir = overlayWith({
      'firmware/dahua.yaml': DAHUA,
      'firmware/fritz.yaml': `firmware:\n  - { id: avm-fritzbox-current, vendor: AVM, models: ["FRITZ!Box 7590*"], latest: "8.02", source: AVM release notes read by our helpdesk, url: https://en.avm.de/service/knowledge-base/dok/FRITZ-Box-7590/3467_FRITZ-OS-8-02/, reported: "2026-11-30" }\n`,
    });
    const merged = mergeKnowledge(loadCheckKnowledge(), loadOverlay(dir));
    const fritz = merged.firmware.filter((entry) => entry.id === 'avm-fritzbox-current');
    expect(fritz).toHaveLength(1);
    expect(fritz[0]?.latest).toBe('8.02');
    expect(overlayEntryIds(merged).sort()).toEqual(['avm-fritzbox-current', 'dahua-ipc-helpdesk']);
    expect(provenanceNote(fritz[0]!)).toMatch(new RegExp(`from the knowledge overlay ${dir}`));
  });

  it('cites the overlay in the evidence of a finding that rests on it', async () => {
    const dir = overlayWith({ 'firmware/dahua.yaml': DAHUA });
    const ctx = makeContext(mergeKnowledge(loadCheckKnowledge(), loadOverlay(dir)));
    const findings = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'Dahua', model: 'IPC-HDW1230S', firmware: '2.800.0000000.16.R' }), ctx);
    const finding = findings.find((f) => f.details.entry === 'dahua-ipc-helpdesk');
    expect(finding?.evidence.join(' ')).toMatch(/from the knowledge overlay/);
  });

  it('rejects a bad overlay entry naming the file, the entry and the field', () => {
    const dir = overlayWith({ 'firmware/bad.yaml': 'firmware:\n  - { id: broken, vendor: Acme, latest: "n/a", source: notes, reported: "2026-11-30" }\n' });
    expect(() => loadOverlay(dir)).toThrow(/bad\.yaml.*firmware › 0 \(id "broken"\) › latest/);
    const missing = join(tmpdir(), 'homeaudit-no-such-overlay');
    expect(() => loadOverlay(missing)).toThrow(/knowledge overlay folder not found/);
  });

  it('is found under --knowledge, $HOMEAUDIT_KNOWLEDGE_DIR or the XDG config directory', () => {
    const dir = overlayWith({ 'homeaudit/knowledge/firmware/x.yaml': DAHUA });
    expect(resolveOverlayDir('/tmp/given', {})).toBe('/tmp/given');
    expect(resolveOverlayDir(undefined, { HOMEAUDIT_KNOWLEDGE_DIR: '/tmp/env' })).toBe('/tmp/env');
    expect(resolveOverlayDir(undefined, { XDG_CONFIG_HOME: dir })).toBe(join(dir, 'homeaudit', 'knowledge'));
    expect(resolveOverlayDir(undefined, { XDG_CONFIG_HOME: '/nonexistent-config' })).toBeNull();
  });
});

describe('staleness at scan time', () => {
  it(`warns when the knowledge is older than ${STALE_AFTER_DAYS} days, in both languages`, () => {
    expect(knowledgeFreshness('2026-11-22', new Date('2027-01-01T00:00:00Z')).stale).toBe(false);
    const stale = knowledgeFreshness('2026-01-01', new Date('2026-12-01T00:00:00Z'));
    expect(stale).toEqual({ asOf: '2026-01-01', ageDays: 334, stale: true });
    expect(stalenessWarning(stale, 'en')).toMatch(/334 days old.*import-kev/);
    expect(stalenessWarning(stale, 'nl')).toMatch(/334 dagen oud/);
    expect(knowledgeFreshness('unknown', new Date()).stale).toBe(true);
  });
});

describe('homeaudit knowledge', () => {
  it('check validates an overlay and warns about a checked entry that cites no record', async () => {
    const dir = overlayWith({
      'vendors/acme.yaml': 'vendors:\n  - { id: acme, vendors: [Acme], app: Acme app, mfa: none, dataOutsideEu: unknown, cloudRequired: unknown, supportPeriodPublished: unknown, source: Acme site, url: "https://acme.example/", checked: "2026-11-30" }\n',
    });
    const out = capture();
    expect(await knowledgeCommand('check', [dir], {}, out.stream)).toBe(0);
    expect(out.text()).toMatch(/valid, 0 credentials, 0 firmware, 1 vendor entries/);
    expect(out.text()).toMatch(/warning: acme is checked but cites no record/);
  });

  it('import-kev reads a downloaded catalogue offline and marks the listed CVEs as KEV in the overlay', async () => {
    const dir = overlayWith({ 'firmware/dahua.yaml': DAHUA });
    const out = capture();
    expect(await knowledgeCommand('import-kev', [KEV_FIXTURE], { knowledge: dir }, out.stream)).toBe(0);
    expect(out.text()).toMatch(/dahua-ipc-helpdesk: CVE-2021-33044 added 2024-08-21, CVE-2021-33045 added 2024-08-21/);
    expect(readFileSync(join(dir, KEV_IMPORT_FILE), 'utf8')).toMatch(/catalogue 2025\.08\.25/);
    // The imported entry replaces the helpdesk's own one (same id) only through the import file: the overlay stays loadable.
    rmSync(join(dir, 'firmware', 'dahua.yaml'));
    const entry = loadOverlay(dir).firmware.find((e) => e.id === 'dahua-ipc-helpdesk');
    expect(entry?.vulnerable?.[0]?.kev).toEqual(['CVE-2021-33044', 'CVE-2021-33045']);
  });

  it('import-kev refuses a file that is not the catalogue, naming the record', () => {
    const dir = overlayWith({ 'kev.json': '{"catalogVersion":"x","vulnerabilities":[{"cveID":"CVE-1","dateAdded":"2024-01-01"}]}' });
    expect(() => readKevCatalogue(join(dir, 'kev.json'))).toThrow(/vulnerabilities\[0\]: cveID "CVE-1" is not a CVE id/);
    expect(() => readKevCatalogue(join(dir, 'missing.json'))).toThrow(/not a readable KEV catalogue/);
  });
});
