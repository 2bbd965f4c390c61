import { expect, test } from 'vitest';
import { topActions } from '../../src/advice/index.js';
import type { AdviceItem } from '../../src/model.js';
import { adviceOf, answerableFinding, deviceName, deviceRisk, sortDevicesByRisk, topAdvice, vendorModel } from '../../src/ui/result-model.js';
import { DEFAULT_QUESTIONS } from '../../src/ui/questions.js';
import { advice, devices, findings } from './fixture.js';

test('devices sort worst risk first, from their open findings', () => {
  const order = sortDevicesByRisk(devices, findings).map((device) => device.id);
  expect(order).toEqual(['dev-camera', 'dev-router', 'dev-plug', 'dev-nas', 'dev-hostile', 'dev-speaker']);
});

test('a settled finding no longer counts towards the risk', () => {
  const settled = findings.map((finding) => (finding.check === 'missing-mfa' ? { ...finding, settledBy: 'answer' } : finding));
  const plug = devices.find((device) => device.id === 'dev-plug')!;
  expect(deviceRisk(plug, findings)).toBe('medium');
  expect(deviceRisk(plug, settled)).toBe('none');
  expect(sortDevicesByRisk(devices, settled).at(-1)?.id).not.toBe('dev-camera');
});

test('names are cleaned; a device without a name is called as the reports call it: maker and kind, else kind and address', () => {
  expect(deviceName(devices.find((device) => device.id === 'dev-hostile')!, 'en')).toBe('EvilCam');
  expect(deviceName({ ...devices[0]!, names: [] }, 'en')).toBe('Google smart speaker');
  expect(deviceName({ ...devices[0]!, names: [] }, 'nl')).toBe('slimme speaker van Google');
  expect(deviceName({ ...devices[0]!, names: [], vendor: null, model: null }, 'en')).toBe('smart speaker 127.40.0.14');
});

test('the vendor is not repeated when the model already starts with it', () => {
  const speaker = devices[0]!;
  expect(vendorModel({ ...speaker, vendor: 'Google', model: 'Google Nest Mini' })).toBe('Google Nest Mini');
  expect(vendorModel({ ...speaker, vendor: 'HP', model: 'hp OfficeJet Pro 9010' })).toBe('hp OfficeJet Pro 9010');
  expect(vendorModel({ ...speaker, vendor: 'Tuya', model: 'Tuya' })).toBe('Tuya');
  expect(vendorModel({ ...speaker, vendor: 'AVM', model: 'FRITZ!Box 7590' })).toBe('AVM FRITZ!Box 7590');
  // A model that merely starts with the same letters is a different word.
  expect(vendorModel({ ...speaker, vendor: 'Ring', model: 'Ringo Cam' })).toBe('Ring Ringo Cam');
  expect(vendorModel({ ...speaker, vendor: null, model: 'Nest Mini' })).toBe('Nest Mini');
  expect(vendorModel({ ...speaker, vendor: 'Google', model: null })).toBe('Google');
});

test('the top three advice items are the most urgent', () => {
  expect(topAdvice(advice).map((item) => item.id)).toEqual(['a1', 'a2', 'a3']);
});

test('"do these first" picks what the reports pick: acting now, each about findings not yet covered', () => {
  const item = (id: string, phase: AdviceItem['phase'], priority: number, findingIds: string[]): AdviceItem => ({
    id, phase, deviceId: 'dev-camera', findingIds, priority, text: { en: id, nl: id }, source: 'AP', standards: [],
  });
  const mixed = [
    item('buy-first', 'buy', 1, ['f1']),
    item('install-f1', 'install', 1, ['f1']),
    item('use-f1-again', 'use', 1, ['f1']),
    item('incident', 'incident', 1, ['f1']),
    item('use-f2', 'use', 2, ['f2']),
    item('install-general', 'install', 5, []),
  ];
  expect(topAdvice(mixed).map((entry) => entry.id)).toEqual(['install-f1', 'use-f2', 'install-general']);
  expect(topAdvice(mixed)).toEqual(topActions(mixed));
  // A device's own advice: acting now before buying at the same priority, as in the reports.
  expect(adviceOf('dev-camera', mixed).map((entry) => entry.id).slice(0, 3)).toEqual(['install-f1', 'use-f1-again', 'incident']);
});

test('only the missing-mfa finding can be answered, once', () => {
  expect(answerableFinding('dev-plug', findings, DEFAULT_QUESTIONS)?.question.questionId).toBe('mfa-enabled');
  expect(answerableFinding('dev-camera', findings, DEFAULT_QUESTIONS)).toBeUndefined();
  const settled = findings.map((finding) => ({ ...finding, settledBy: 'answer' }));
  expect(answerableFinding('dev-plug', settled, DEFAULT_QUESTIONS)).toBeUndefined();
});
