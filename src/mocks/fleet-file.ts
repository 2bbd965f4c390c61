// Loads a fleet file (YAML, or JSON which is YAML): schema first, then defaults, then the checks a
// schema cannot express. Every error names the file, the device and the field.

import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DataFileError, parseDataText, validateData } from '../knowledge/load-data.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { checkFleet } from './fleet-checks.js';
import { resolveFleet, type RawFleet } from './fleet-defaults.js';
import type { Fleet } from './types.js';

export const FLEET_SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'fleet.schema.json');
export const HOME_FLEET_FILE = join(PACKAGE_ROOT, 'mocks', 'fleets', 'home.yaml');

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

/** The same as loadFleet, from text already read; `file` is only used in messages. */
export function fleetFromText(file: string, text: string, options: LoadFleetOptions = {}): Fleet {
  const raw = validateData<RawFleet>(file, parseDataText(file, text), FLEET_SCHEMA_FILE);
  const fleet = resolveFleet(raw, options.range);
  checkFleet(file, fleet);
  return fleet;
}

export function loadHomeFleet(options: LoadFleetOptions = {}): Fleet {
  return loadFleet(HOME_FLEET_FILE, options);
}
