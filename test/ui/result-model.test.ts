import { expect, test } from 'vitest';
import { answerableFinding, deviceName, deviceRisk, sortDevicesByRisk, topAdvice } from '../../src/ui/result-model.js';
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

test('names are cleaned; a device without a name is called by vendor and model or address', () => {
  expect(deviceName(devices.find((device) => device.id === 'dev-hostile')!)).toBe('EvilCam');
  expect(deviceName({ ...devices[0]!, names: [] })).toBe('Google Google Home Mini');
  expect(deviceName({ ...devices[0]!, names: [], vendor: null, model: null })).toBe('127.40.0.14');
});

test('the top three advice items are the most urgent', () => {
  expect(topAdvice(advice).map((item) => item.id)).toEqual(['a1', 'a2', 'a3']);
});

test('only the missing-mfa finding can be answered, once', () => {
  expect(answerableFinding('dev-plug', findings, DEFAULT_QUESTIONS)?.question.questionId).toBe('mfa-enabled');
  expect(answerableFinding('dev-camera', findings, DEFAULT_QUESTIONS)).toBeUndefined();
  const settled = findings.map((finding) => ({ ...finding, settledBy: 'answer' }));
  expect(answerableFinding('dev-plug', settled, DEFAULT_QUESTIONS)).toBeUndefined();
});
