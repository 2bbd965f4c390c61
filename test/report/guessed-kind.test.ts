// A kind that rests on weak evidence only (a guess from what the maker mostly makes) reads as a guess wherever a
// household sees it: report columns and headings, advice sentences, the dashboard. A sure kind reads as before.

import { describe, expect, it } from 'vitest';
import { advise, defaultAdviceKnowledge } from '../../src/advice/index.js';
import { describeDevice } from '../../src/advice/values.js';
import { kindText, possibleKindPhrase, shortKindText } from '../../src/advice/label-words.js';
import type { Device } from '../../src/model.js';
import { buildReportView, toHtml, toJsonReport, toMarkdown } from '../../src/report/index.js';
import { deviceDetailLines } from '../../src/ui/screens/device-detail.js';
import { deviceTableLines } from '../../src/ui/screens/device-table.js';
import { devices, makeResult } from '../ui/fixture.js';

const knowledge = defaultAdviceKnowledge();
const router = devices.find((device) => device.id === 'dev-router')!;
/** A Zyxel box with no name of its own: the maker is sure, "router" only what Zyxel mostly makes. */
const guessed: Device = {
  ...router,
  id: 'dev-zyxel',
  ip: '127.40.0.30',
  names: [],
  vendor: 'Zyxel',
  model: null,
  firmware: null,
  kind: 'router',
  identity: { ...router.identity, vendor: 'Zyxel', model: null, firmware: null, kind: 'router', confidence: 0.35, attributes: { vendor: 0.8, model: 0, kind: 0.25 } },
};
const sure: Device = { ...guessed, id: 'dev-zyxel-sure', identity: { ...guessed.identity, attributes: { vendor: 0.8, model: 0, kind: 0.9 } } };
const text = (lines: ReturnType<typeof deviceTableLines>): string => lines.map((line) => line.map((part) => part.text).join('')).join('\n');

describe('a kind that is only a guess', () => {
  it('is worded as a guess in both languages, with the right English article', () => {
    expect(kindText('en', guessed)).toBe('possibly a router');
    expect(kindText('nl', guessed)).toBe('mogelijk een router');
    expect(possibleKindPhrase('en', 'energy-meter')).toBe('possibly an energy meter');
    expect(shortKindText('en', guessed)).toBe('router?');
    expect(kindText('en', sure)).toBe('router');
    expect(shortKindText('nl', sure)).toBe('router');
  });

  it('shows as a guess in the report view, Markdown and HTML, and the name leaves it out', () => {
    const result = makeResult({ devices: [guessed, sure] });
    for (const [lang, phrase, name] of [['en', 'possibly a router', 'Zyxel device'], ['nl', 'mogelijk een router', 'apparaat van Zyxel']] as const) {
      const view = buildReportView(result, lang, knowledge).devices.find((device) => device.id === guessed.id)!;
      expect(view).toMatchObject({ kind: phrase, name });
      expect(toMarkdown(result, lang, knowledge)).toContain(`### ${phrase} “${name}”`);
      expect(toHtml(result, lang, knowledge)).toContain(`<td>${phrase}</td><td>${name}</td>`);
    }
    expect(buildReportView(result, 'en', knowledge).devices.find((device) => device.id === sure.id)).toMatchObject({ kind: 'router', name: 'Zyxel router' });
  });

  it('gives each attribute its own confidence in the JSON report', () => {
    const json = toJsonReport(makeResult({ devices: [guessed] }), { lang: 'en', toolVersion: '0.0.0' });
    expect(json.devices[0]!.identification).toMatchObject({ confidence: 0.35, attributes: { vendor: 0.8, model: 0, kind: 0.25 } });
  });

  it('is a guess in advice sentences that name the device', () => {
    expect(describeDevice(guessed, 'en', knowledge)).toBe('the Zyxel device at 127.40.0.30 (possibly a router)');
    expect(describeDevice(guessed, 'nl', knowledge)).toBe('het apparaat van Zyxel op 127.40.0.30 (mogelijk een router)');
    expect(describeDevice({ ...guessed, names: ['Box'] }, 'en', knowledge)).toBe('the Zyxel device “Box” (127.40.0.30, possibly a router)');
    expect(describeDevice(sure, 'en', knowledge)).toBe('the Zyxel router at 127.40.0.30');
    const items = advise({ devices: [guessed], findings: [] }, knowledge);
    const sentences = items.filter((item) => item.deviceId === guessed.id).map((item) => item.text.en);
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(sentence).not.toMatch(/the Zyxel router/);
    expect(sentences.some((sentence) => sentence.includes('possibly a router'))).toBe(true);
  });

  it('is a guess on the dashboard: "router?" in the table, "possibly a router" in the detail', () => {
    const table = text(deviceTableLines([guessed], [], { lang: 'en', width: 100, height: 10, selected: 0, colour: false }));
    expect(table).toContain('router?');
    expect(table).toContain('Zyxel device');
    const detail = text(deviceDetailLines(guessed, [], [], { lang: 'nl', width: 100, colour: false, questions: [] }));
    expect(detail).toContain('mogelijk een router');
    expect(detail).toContain('soort 25%');
  });
});
