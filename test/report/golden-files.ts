// Golden files: compare an output with its stored copy; UPDATE_GOLDEN=1 rewrites the copies (read the diff
// before committing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN_DIR = join(import.meta.dirname, '..', 'fixtures', 'report');
const update = process.env.UPDATE_GOLDEN === '1';

export function matchesGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (update || !existsSync(file)) {
    if (!update) throw new Error(`golden file ${file} is missing: run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `${name} differs from the golden file (UPDATE_GOLDEN=1 regenerates it)`).toBe(readFileSync(file, 'utf8'));
}
