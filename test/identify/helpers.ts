// Shared by the identification tests: recorded host facts from test/fixtures/identify.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostFacts } from '../../src/model.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'identify');

export function recordedFacts(name: string): HostFacts {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as HostFacts;
}

export { emptyFacts } from '../helpers/host-facts.js';
