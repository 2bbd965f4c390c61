// The JSON schemas' enums, from the tables in code: the protocol table and the model's constants. The
// schema files are written by hand for their structure; `npm run schemas` fills these slots, and
// test/protocols/schema-enums.test.ts fails when a checked-in schema disagrees.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IDS, DEVICE_KINDS, DISCOVERY_SOURCES, FIRMWARE_SOURCES, LANGS, PHASES, SEVERITIES } from '../model.js';
import { RISK_ORDER } from '../model/severity.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { LOGIN_PROTOCOLS, MOCK_SERVICE_TYPES } from './table.js';

export interface EnumSlot {
  /** File name in schema/. */
  file: string;
  /** JSON pointer to the object that holds the `enum`. */
  pointer: string;
  values: readonly (string | boolean)[];
}

const HTTP_MOCK_TYPES = MOCK_SERVICE_TYPES.filter((type) => type === 'http' || type === 'https');

export const SCHEMA_ENUM_SLOTS: readonly EnumSlot[] = [
  { file: 'advice.schema.json', pointer: '/definitions/phase', values: PHASES },
  { file: 'advice.schema.json', pointer: '/definitions/severity', values: SEVERITIES },
  { file: 'advice.schema.json', pointer: '/definitions/kind', values: DEVICE_KINDS },
  { file: 'advice.schema.json', pointer: '/definitions/check', values: CHECK_IDS },
  { file: 'advice.schema.json', pointer: '/definitions/labels/properties/severities/propertyNames', values: RISK_ORDER },
  { file: 'credentials.schema.json', pointer: '/properties/credentials/items/properties/protocols/items', values: LOGIN_PROTOCOLS },
  { file: 'fingerprint.schema.json', pointer: '/definitions/rule/properties/give/properties/kind', values: DEVICE_KINDS },
  { file: 'fleet.schema.json', pointer: '/definitions/httpService/properties/type', values: HTTP_MOCK_TYPES },
  { file: 'fleet.schema.json', pointer: '/definitions/service/properties/type', values: MOCK_SERVICE_TYPES },
  { file: 'fleet.schema.json', pointer: '/definitions/service/allOf/0/if/properties/type', values: HTTP_MOCK_TYPES },
  { file: 'fleet.schema.json', pointer: '/definitions/device/properties/kind', values: DEVICE_KINDS },
  { file: 'fleet.schema.json', pointer: '/definitions/device/properties/plants/items', values: CHECK_IDS },
  { file: 'lockout.schema.json', pointer: '/properties/lockouts/items/properties/match/properties/protocols/items', values: LOGIN_PROTOCOLS },
  { file: 'report.schema.json', pointer: '/properties/lang', values: LANGS },
  { file: 'report.schema.json', pointer: '/definitions/severity', values: SEVERITIES },
  { file: 'report.schema.json', pointer: '/definitions/kind', values: DEVICE_KINDS },
  { file: 'report.schema.json', pointer: '/definitions/discoverySource', values: DISCOVERY_SOURCES },
  { file: 'report.schema.json', pointer: '/definitions/device/properties/risk', values: RISK_ORDER },
  { file: 'report.schema.json', pointer: '/definitions/finding/properties/check', values: CHECK_IDS },
  { file: 'report.schema.json', pointer: '/definitions/advice/properties/phase', values: PHASES },
  { file: 'report.schema.json', pointer: '/definitions/device/properties/firmwareEvidence/properties/via', values: FIRMWARE_SOURCES },
  { file: 'vendors.schema.json', pointer: '/properties/vendors/items/properties/kinds/items', values: DEVICE_KINDS },
];

export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schema');

type Json = Record<string, unknown>;

function at(document: Json, pointer: string): Json {
  let node: unknown = document;
  for (const key of pointer.split('/').slice(1)) {
    node = (node as Json | undefined)?.[key];
    if (node === undefined || node === null || typeof node !== 'object') throw new Error(`schema has nothing at ${pointer}`);
  }
  return node as Json;
}

/** Each slot's enum as the checked-in schema has it, beside what the tables say. */
export function schemaEnumDrift(dir = SCHEMA_DIR): Array<{ file: string; pointer: string; schema: unknown; tables: readonly (string | boolean)[] }> {
  const drift = [];
  for (const slot of SCHEMA_ENUM_SLOTS) {
    const schema = at(JSON.parse(readFileSync(join(dir, slot.file), 'utf8')) as Json, slot.pointer).enum;
    if (JSON.stringify(schema) !== JSON.stringify(slot.values)) drift.push({ file: slot.file, pointer: slot.pointer, schema, tables: slot.values });
  }
  return drift;
}

/** Writes the tables' enums into the schemas; returns the files it changed (others are left byte for byte). */
export function writeSchemaEnums(dir = SCHEMA_DIR): string[] {
  const changed: string[] = [];
  for (const file of new Set(SCHEMA_ENUM_SLOTS.map((slot) => slot.file))) {
    const path = join(dir, file);
    const document = JSON.parse(readFileSync(path, 'utf8')) as Json;
    let differs = false;
    for (const slot of SCHEMA_ENUM_SLOTS.filter((s) => s.file === file)) {
      const holder = at(document, slot.pointer);
      if (JSON.stringify(holder.enum) === JSON.stringify(slot.values)) continue;
      holder.enum = [...slot.values];
      differs = true;
    }
    if (!differs) continue;
    writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
    changed.push(file);
  }
  return changed;
}
