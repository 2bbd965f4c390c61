// Issue 12: an end of support that ends a software line, not the device (endOfSupportOf: software-line), and the
// Apple tvOS lines from endoflife.date that use it. An Apple TV that announces an ended tvOS in its AirPlay record
// is told to update to a supported version, never to replace a device that may take one.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { advise, loadAdviceKnowledge } from '../../src/advice/index.js';
import { outdatedFirmwareCheck } from '../../src/checks/outdated-firmware.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { makeContext, makeDevice } from '../checks/knowledge-helpers.js';
import { emptyFacts } from '../helpers/host-facts.js';

const knowledge = loadCheckKnowledge();
const ctx = makeContext(knowledge, { now: '2026-12-02T12:00:00Z' });
const fingerprints = loadFingerprints();

/** An Apple device as identification names it from its AirPlay announcement (model and osvers TXT keys). */
function airplayDevice(model: string, osvers: string) {
  const identity = identify(emptyFacts({ mdns: [{ instance: 'Woonkamer', type: '_airplay._tcp', port: 7000, txt: { model, osvers } }] }), fingerprints);
  return makeDevice({ vendor: identity.vendor, model: identity.model, firmware: identity.firmware, kind: identity.kind, identity });
}

describe('Apple tvOS release lines (endoflife.date)', () => {
  it('holds one confirmed entry per line, each ending when the next line was released, and 26 with its latest release', () => {
    const lines = knowledge.firmware.filter((entry) => entry.id.startsWith('apple-tvos-'));
    expect(lines.map((entry) => [entry.id, entry.endOfSupport ?? null])).toEqual([
      ['apple-tvos-9', '2016-09-13'], ['apple-tvos-10', '2017-09-19'], ['apple-tvos-11', '2018-09-17'],
      ['apple-tvos-12', '2019-09-24'], ['apple-tvos-13', '2020-09-16'], ['apple-tvos-14', '2021-09-20'],
      ['apple-tvos-15', '2022-09-12'], ['apple-tvos-16', '2023-09-18'], ['apple-tvos-17', '2024-09-16'],
      ['apple-tvos-18', '2025-09-15'], ['apple-tvos-26', null],
    ]);
    for (const entry of lines) {
      expect(entry, entry.id).toMatchObject({ vendor: 'Apple', models: ['AppleTV*'], latest: '26.6', checked: '2026-12-02', url: 'https://endoflife.date/tvos' });
      if (entry.endOfSupport) expect(entry.endOfSupportOf, entry.id).toBe('software-line');
    }
  });

  it('an Apple TV 4K announcing tvOS 17.6.1 is told its line ended on 2024-09-16 and to update to 26.6, not to replace it', async () => {
    const device = airplayDevice('AppleTV11,1', '17.6.1');
    expect(device).toMatchObject({ vendor: 'Apple', model: 'AppleTV11,1', firmware: '17.6.1', kind: 'media-player' });
    const findings = await outdatedFirmwareCheck.run(device, ctx);
    expect(findings).toHaveLength(1);
    const [ended] = findings;
    expect(ended).toMatchObject({
      severity: 'high',
      confidence: 'likely',
      details: { entry: 'apple-tvos-17', verified: true, lineEndedOn: '2024-09-16', latest: '26.6', advice: 'line-ended' },
    });
    expect(ended!.details.endOfSupport).toBeUndefined();
    expect(ended!.title.en).toBe('No security updates for firmware 17.6.1 since 2024-09-16: update to a supported version (26.6 or newer), or replace the device if it cannot take one');
    expect(ended!.title.nl).toMatch(/^Geen beveiligingsupdates meer voor firmware 17\.6\.1 sinds 2024-09-16: werk bij naar een ondersteunde versie \(26\.6 of nieuwer\)/);
    expect(ended!.evidence.join(' ')).toMatch(/software line 17 ≤ version < 18 ended on 2024-09-16.*endoflife\.date.*checked 2026-12-02/);

    // The household is sent to the update, not told the maker has stopped.
    const advice = advise({ devices: [device], findings }, loadAdviceKnowledge(), { now: new Date('2026-12-02T12:00:00Z') });
    const ids = advice.map((item) => item.id.split(':')[0]);
    expect(ids.some((id) => id?.startsWith('outdated-firmware.update'))).toBe(true);
    expect(ids.some((id) => id?.startsWith('outdated-firmware.replace') || id?.startsWith('outdated-firmware.message'))).toBe(false);
    expect(advice.find((item) => item.id.startsWith('outdated-firmware.update'))!.text.en).toMatch(/from 17\.6\.1 to 26\.6 or newer/);
  });

  it('tvOS 18.6 ended on 2025-09-15; before that date the same Apple TV gets only the "behind" finding', async () => {
    const device = airplayDevice('AppleTV14,1', '18.6');
    const now = await outdatedFirmwareCheck.run(device, ctx);
    expect(now.map((finding) => [finding.severity, finding.details.entry, finding.details.lineEndedOn])).toEqual([['high', 'apple-tvos-18', '2025-09-15']]);
    const before = await outdatedFirmwareCheck.run(device, makeContext(knowledge, { now: '2025-06-01T12:00:00Z' }));
    expect(before.map((finding) => [finding.severity, finding.details.latest, finding.details.lineEndedOn])).toEqual([['medium', '26.6', undefined]]);
  });

  it('tvOS 26.6 gets nothing; 26.4 is behind 26.6 (medium); a HomePod on the same numbers gets no tvOS claim', async () => {
    expect(await outdatedFirmwareCheck.run(airplayDevice('AppleTV6,2', '26.6'), ctx)).toEqual([]);
    const behind = await outdatedFirmwareCheck.run(airplayDevice('AppleTV6,2', '26.4'), ctx);
    expect(behind.map((finding) => [finding.severity, finding.details.entry, finding.details.latest])).toEqual([['medium', 'apple-tvos-26', '26.6']]);
    const homepod = airplayDevice('AudioAccessory5,1', '17.6.1');
    expect(homepod).toMatchObject({ vendor: 'Apple', kind: 'speaker', firmware: '17.6.1' });
    expect(await outdatedFirmwareCheck.run(homepod, ctx)).toEqual([]);
  });
});

describe('endOfSupportOf in a knowledge folder', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function firmwareFolder(entry: string): string {
    dir = mkdtempSync(join(tmpdir(), 'homeaudit-line-'));
    for (const kind of ['credentials', 'firmware', 'vendors']) mkdirSync(join(dir, kind));
    writeFileSync(join(dir, 'firmware', 'lines.yaml'), `firmware:\n  - ${entry}\n`);
    return dir;
  }

  it('refuses a software line without versions, naming the file and the entry', () => {
    const entry = '{ id: x-os-1, vendor: X, endOfSupport: "2024-01-01", endOfSupportOf: software-line, source: X notes, checked: "2026-01-02" }';
    expect(() => loadCheckKnowledge(firmwareFolder(entry))).toThrowError(/lines\.yaml.*x-os-1: endOfSupportOf: software-line needs versions/);
  });

  it('refuses a value other than device or software-line', () => {
    const entry = '{ id: x-os-1, vendor: X, versions: { below: "2" }, endOfSupport: "2024-01-01", endOfSupportOf: line, source: X notes, checked: "2026-01-02" }';
    expect(() => loadCheckKnowledge(firmwareFolder(entry))).toThrowError(/lines\.yaml.*x-os-1.*endOfSupportOf/);
  });

  it('keeps "replace the device" for an entry whose device ended (the default)', async () => {
    const entry = '{ id: x-box-1, vendor: X, versions: { below: "2" }, endOfSupport: "2024-01-01", source: X notes, checked: "2026-01-02" }';
    const own = loadCheckKnowledge(firmwareFolder(entry));
    const findings = await outdatedFirmwareCheck.run(makeDevice({ vendor: 'X', firmware: '1.5', kind: 'router' }), makeContext(own, { now: '2026-12-02T12:00:00Z' }));
    expect(findings.map((finding) => [finding.details.advice, finding.details.endOfSupport])).toEqual([['replace', '2024-01-01']]);
    expect(findings[0]!.title.en).toMatch(/replace the device$/);
  });
});
