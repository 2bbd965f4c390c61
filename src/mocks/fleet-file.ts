// Loads a fleet file (YAML, or JSON which is YAML): schema first, then defaults, then the checks a
// schema cannot express. Every error names the file, the device and the field.

import { join, resolve, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { DataFileError, describeSchemaError, parseDataText } from '../knowledge/load-data.js';
import { cacheKey, throughCache } from '../knowledge/parsed-cache.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { fleetProblems } from './fleet-checks.js';
import { parseCidr } from './ipv4.js';
import { DEFAULT_RANGE as DEFAULT_FLEET_RANGE, resolveFleet, type RawFleet } from './fleet-defaults.js';
import type { Fleet } from './types.js';

export const FLEET_SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'fleet.schema.json');
export const HOME_FLEET_FILE = join(PACKAGE_ROOT, 'mocks', 'fleets', 'home.yaml');
/** The built-in fleets may come from the parsed cache (a user's fleet file is always validated afresh). */
const BUILT_IN_FLEETS = join(PACKAGE_ROOT, 'mocks', 'fleets') + sep;

export interface LoadFleetOptions {
  /** Serve the fleet in this CIDR instead of the file's range. */
  range?: string;
}

export function loadFleet(file: string, options: LoadFleetOptions = {}): Fleet {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot read the fleet file: ${(error as Error).message}`, { cause: error });
  }
  return fleetFromText(file, text, options);
}

let allErrorsValidator: ValidateFunction | undefined;

/** Every schema error of a fleet file at once: the user fixes the file in one go. */
function schemaProblems(data: unknown): string[] {
  allErrorsValidator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(FLEET_SCHEMA_FILE, 'utf8')) as object);
  if (allErrorsValidator(data)) return [];
  return (allErrorsValidator.errors ?? []).map((error) => describeSchemaError(data, error));
}

/** A mock fleet serves on loopback only: anything else would answer on a real network. */
function rangeProblem(range: string): string | null {
  const cidr = range.split('/')[0] ?? '';
  try {
    parseCidr(range);
  } catch (error) {
    return `range: ${(error as Error).message}`;
  }
  return cidr.startsWith('127.') ? null : `range: ${range} is not on loopback (127.0.0.0/8); a mock fleet is served on loopback only`;
}

/** The same as loadFleet, from text already read; `file` is only used in messages. */
export function fleetFromText(file: string, text: string, options: LoadFleetOptions = {}): Fleet {
  const raw = validatedFleetData(file, text);
  const range = rangeProblem(options.range ?? raw.range ?? DEFAULT_FLEET_RANGE);
  if (range) throw new DataFileError(file, range);
  const fleet = resolveFleet(raw, options.range);
  const checks = fleetProblems(fleet);
  if (checks.length > 0) throw new DataFileError(file, checks.join('\n  '));
  return fleet;
}

/** The file's data, valid against the schema: parsed and validated, or from the cache for a built-in fleet. */
function validatedFleetData(file: string, text: string): RawFleet {
  return throughCache(
    () => cacheKey(text, FLEET_SCHEMA_FILE),
    () => {
      const data = parseDataText(file, text);
      const problems = schemaProblems(data);
      if (problems.length > 0) throw new DataFileError(file, problems.join('\n  '));
      return data as RawFleet;
    },
    { enabled: resolve(file).startsWith(BUILT_IN_FLEETS) },
  );
}

export function loadHomeFleet(options: LoadFleetOptions = {}): Fleet {
  return loadFleet(HOME_FLEET_FILE, options);
}
