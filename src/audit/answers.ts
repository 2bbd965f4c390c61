// The user's answers to what the network cannot show (`--answers FILE`, or the dashboard).
// File format (YAML or JSON): { devices: { <device id or address>: { <question id>: value } } }.

import { parseDataText, DataFileError } from '../knowledge/load-data.js';
import { readFileSync } from 'node:fs';
import type { Answers } from '../model.js';
import type { Device } from '../model.js';

export function loadAnswers(file: string): Answers {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot read: ${(error as Error).message}`, { cause: error });
  }
  const data = parseDataText(file, text) as { devices?: unknown } | null;
  const devices = data?.devices;
  if (!devices || typeof devices !== 'object' || Array.isArray(devices)) {
    throw new DataFileError(file, 'expected a "devices:" map of device id (or address) → { question: answer }');
  }
  const answers: Answers = {};
  for (const [device, questions] of Object.entries(devices as Record<string, unknown>)) {
    if (!questions || typeof questions !== 'object' || Array.isArray(questions)) {
      throw new DataFileError(file, `devices › ${device}: expected a map of question → answer`);
    }
    for (const [question, value] of Object.entries(questions as Record<string, unknown>)) {
      if (typeof value !== 'string' && typeof value !== 'boolean') {
        throw new DataFileError(file, `devices › ${device} › ${question}: expected true/false or text`);
      }
      (answers[device] ??= {})[question] = value;
    }
  }
  return answers;
}

/** Answers may name a device by its address (what a person knows); checks look them up by device id. */
export function answersById(answers: Answers, devices: Device[]): Answers {
  const byId: Answers = {};
  for (const [key, questions] of Object.entries(answers)) {
    const device = devices.find((d) => d.id === key || d.ip === key);
    const id = device?.id ?? key;
    byId[id] = { ...byId[id], ...questions };
  }
  return byId;
}
