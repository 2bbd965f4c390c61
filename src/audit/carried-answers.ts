// Answers in force for one scan, from three places, later ones winning: remembered from earlier scans
// of the same device (history), the --answers file, and what the user says in the dashboard now.

import type { Answers } from '../model.js';
import type { AuditResult, Device } from '../model.js';
import { answersById } from './answers.js';
import { deviceKeys } from './device-key.js';

export interface RememberedAnswerLike {
  deviceKey: string;
  question: string;
  value: string | boolean;
  answeredAt: string;
}

/** A dashboard answer given or (value null) taken back in this run. */
export interface SessionAnswer {
  deviceId: string;
  question: string;
  value: string | boolean | null;
  at: string;
}

export interface AnswersInForce {
  answers: Answers;
  answeredAt: NonNullable<AuditResult['answeredAt']>;
}

export function answersInForce(
  devices: Device[],
  sources: { remembered: RememberedAnswerLike[]; file: Answers; fileAt: string; session: SessionAnswer[] },
): AnswersInForce {
  const answers: Answers = {};
  const answeredAt: AnswersInForce['answeredAt'] = {};
  const set = (deviceId: string, question: string, value: string | boolean | null, at: string): void => {
    if (value === null) {
      delete answers[deviceId]?.[question];
      delete answeredAt[deviceId]?.[question];
      return;
    }
    (answers[deviceId] ??= {})[question] = value;
    (answeredAt[deviceId] ??= {})[question] = at;
  };
  for (const device of devices) {
    const keys = deviceKeys(device);
    for (const answer of sources.remembered.filter((r) => keys.includes(r.deviceKey))) set(device.id, answer.question, answer.value, answer.answeredAt);
  }
  for (const [deviceId, questions] of Object.entries(answersById(sources.file, devices))) {
    if (!devices.some((d) => d.id === deviceId)) continue;
    for (const [question, value] of Object.entries(questions)) set(deviceId, question, value, sources.fileAt);
  }
  for (const answer of sources.session) set(answer.deviceId, answer.question, answer.value, answer.at);
  return { answers, answeredAt };
}
