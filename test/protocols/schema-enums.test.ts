// The checked-in schemas' enums are the tables' (protocol table, check ids, kinds, …): run
// `npm run schemas` after adding a row.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_DIR, schemaEnumDrift, writeSchemaEnums } from '../../src/protocols/schema-enums.js';

const scratch = mkdtempSync(join(tmpdir(), 'homeaudit-schemas-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('schema enums', () => {
  it('the checked-in schemas are fresh', () => {
    expect(schemaEnumDrift()).toEqual([]);
  });

  it('a stale enum is found, and writing the tables fixes that file only', () => {
    cpSync(SCHEMA_DIR, scratch, { recursive: true });
    const path = join(scratch, 'credentials.schema.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"snmp", "rtsp"', '"snmp"'));
    expect(schemaEnumDrift(scratch).map((d) => `${d.file} ${d.pointer}`)).toEqual([
      'credentials.schema.json /properties/credentials/items/properties/protocols/items',
    ]);
    const reportBefore = readFileSync(join(scratch, 'report.schema.json'), 'utf8');
    expect(writeSchemaEnums(scratch)).toEqual(['credentials.schema.json']);
    expect(schemaEnumDrift(scratch)).toEqual([]);
    expect(readFileSync(join(scratch, 'report.schema.json'), 'utf8')).toBe(reportBefore);
  });
});
