// Answers: the file is checked whole (file, line, key), and answers follow the device to the next scan
// by MAC or identity, never by address.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile, unmatchedAnswerWarnings } from '../../src/audit/answers.js';
import { answersInForce } from '../../src/audit/carried-answers.js';
import { deviceKey } from '../../src/audit/device-key.js';
import { HistoryStore } from '../../src/history/index.js';
import { device } from '../history/fixture.js';

const QUESTIONS = ['mfa-enabled'];
const write = (text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'answers-')), 'answers.yaml');
  writeFileSync(file, text);
  return file;
};

describe('the answers file', () => {
  it('names every unknown question with its line at once', () => {
    const file = write('devices:\n  10.0.0.5:\n    mfa-enabld: true\n  10.0.0.6:\n    mfa: yes\n');
    expect(() => loadAnswersFile(file, QUESTIONS)).toThrow(/line 3: devices › 10\.0\.0\.5 › mfa-enabld: unknown question \(did you mean "mfa-enabled"\?\)[\s\S]*line 5: devices › 10\.0\.0\.6 › mfa: unknown question/);
  });

  it('warns, with the line, about a device key that matches nothing; MAC and id match too', () => {
    const file = write('devices:\n  aa:bb:cc:dd:ee:01:\n    mfa-enabled: true\n  10.0.0.99:\n    mfa-enabled: true\n');
    const loaded = loadAnswersFile(file, QUESTIONS);
    const withMac = { ...device('aa:bb:cc:dd:ee:01', '10.0.0.5', 'hub', 'Home Assistant'), mac: 'aa:bb:cc:dd:ee:01' };
    expect(unmatchedAnswerWarnings(loaded, [withMac])).toEqual([`${file} line 4: devices › 10.0.0.99 matches no device found in this scan (by id, address or MAC); its answers were not used`]);
  });
});

describe('answers carried to the next scan', () => {
  it('follows a device to a new address by its identity, with the date it was given, and can be taken back', () => {
    const store = HistoryStore.open(mkdtempSync(join(tmpdir(), 'answers-store-')));
    try {
      const before = device('ip-10.0.0.5', '10.0.0.5', 'hub', 'Home Assistant');
      store.rememberAnswer({ deviceKey: deviceKey(before)!, question: 'mfa-enabled', value: true, answeredAt: '2026-11-20T10:00:00.000Z' });
      // Next visit: the router handed the hub another address; no MAC on either scan.
      const after = device('ip-10.0.0.7', '10.0.0.7', 'hub', 'Home Assistant');
      const stranger = device('ip-10.0.0.5', '10.0.0.5', 'plug', 'TP-Link');
      const inForce = answersInForce([after, stranger], { remembered: store.rememberedAnswers(), file: {}, fileAt: '', session: [] });
      expect(inForce.answers).toEqual({ 'ip-10.0.0.7': { 'mfa-enabled': true } });
      expect(inForce.answeredAt['ip-10.0.0.7']?.['mfa-enabled']).toBe('2026-11-20T10:00:00.000Z');
      // The address that used to be the hub's is now a plug: it inherits nothing.
      expect(inForce.answers['ip-10.0.0.5']).toBeUndefined();
      const undone = answersInForce([after], {
        remembered: store.rememberedAnswers(), file: {}, fileAt: '',
        session: [{ deviceId: 'ip-10.0.0.7', question: 'mfa-enabled', value: null, at: '2026-11-21T09:00:00.000Z' }],
      });
      expect(undone.answers['ip-10.0.0.7']?.['mfa-enabled']).toBeUndefined();
      expect(store.forgetAnswer(deviceKey(before)!, 'mfa-enabled')).toBe(true);
      expect(store.rememberedAnswers()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('matches on the MAC before anything else', () => {
    const withMac = { ...device('aa:bb:cc:dd:ee:01', '10.0.0.5', 'hub', 'Home Assistant'), mac: 'AA:BB:CC:DD:EE:01' };
    expect(deviceKey(withMac)).toBe('mac:aa:bb:cc:dd:ee:01');
  });
});
