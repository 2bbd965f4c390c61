// The user's answers to what the network cannot show (`--answers FILE`, or the dashboard).
// File format (YAML or JSON): { devices: { <device id, address or MAC>: { <question id>: value } } }.
// An unknown question is an error naming file, line and key; a device that is not found is a warning.

import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import { DataFileError } from '../knowledge/load-data.js';
import type { Answers } from '../model.js';
import type { Device } from '../model.js';

export interface AnswersFile {
  file: string;
  answers: Answers;
  /** The line each device key stands on, for warnings about keys that matched no device. */
  lineOf: Record<string, number>;
}

function closest(word: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i += 1) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  return known.find((candidate) => distance(word, candidate) <= 3);
}

/** Reads and checks an answers file; `questions` are the question ids anything reads (labels.answers). */
export function loadAnswersFile(file: string, questions: readonly string[]): AnswersFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot read: ${(error as Error).message}`, { cause: error });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new DataFileError(file, doc.errors.map((e) => e.message).join('; '));
  const at = (node: unknown): string => {
    const range = (node as { range?: [number, number] } | null)?.range;
    return range ? `line ${lines.linePos(range[0]).line}: ` : '';
  };
  const root = doc.contents;
  const devicesPair = isMap(root) ? (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'devices') : undefined;
  if (!devicesPair || !isMap(devicesPair.value)) {
    throw new DataFileError(file, `${at(root)}expected a "devices:" map of device id, address or MAC → { question: answer }`);
  }
  const problems: string[] = [];
  const answers: Answers = {};
  const lineOf: Record<string, number> = {};
  for (const devicePair of devicesPair.value.items as Pair[]) {
    const device = String(isScalar(devicePair.key) ? devicePair.key.value : devicePair.key);
    const range = (devicePair.key as { range?: [number, number] } | null)?.range;
    if (range) lineOf[device] = lines.linePos(range[0]).line;
    if (!isMap(devicePair.value)) {
      problems.push(`${at(devicePair.key)}devices › ${device}: expected a map of question → answer`);
      continue;
    }
    for (const pair of devicePair.value.items as Pair[]) {
      const question = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (!questions.includes(question)) {
        const hint = closest(question, questions);
        problems.push(`${at(pair.key)}devices › ${device} › ${question}: unknown question${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${questions.join(', ')}`);
      } else if (typeof value !== 'string' && typeof value !== 'boolean') {
        problems.push(`${at(pair.value ?? pair.key)}devices › ${device} › ${question}: expected true/false or text`);
      } else {
        (answers[device] ??= {})[question] = value;
      }
    }
  }
  // Every problem at once: the user fixes the file in one go.
  if (problems.length > 0) throw new DataFileError(file, problems.join('\n  '));
  return { file, answers, lineOf };
}

/** Kept for callers that need only the answers. */
export function loadAnswers(file: string, questions: readonly string[]): Answers {
  return loadAnswersFile(file, questions).answers;
}

const matches = (device: Device, key: string): boolean =>
  device.id === key || device.ip === key || (device.mac !== null && device.mac.toLowerCase() === key.toLowerCase());

/** Answers may name a device by its address or MAC (what a person knows); checks look them up by device id. */
export function answersById(answers: Answers, devices: Device[]): Answers {
  const byId: Answers = {};
  for (const [key, questions] of Object.entries(answers)) {
    const device = devices.find((d) => matches(d, key));
    const id = device?.id ?? key;
    byId[id] = { ...byId[id], ...questions };
  }
  return byId;
}

/** "answers.yaml line 3: devices › 10.0.0.9 matches no device found (by id, address or MAC); not used". */
export function unmatchedAnswerWarnings(file: AnswersFile, devices: Device[]): string[] {
  return Object.keys(file.answers)
    .filter((key) => !devices.some((d) => matches(d, key)))
    .map((key) => `${file.file}${file.lineOf[key] ? ` line ${file.lineOf[key]}` : ''}: devices › ${key} matches no device found in this scan (by id, address or MAC); its answers were not used`);
}
