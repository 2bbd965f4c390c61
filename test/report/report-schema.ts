// Validates a produced report against the published schema, the way a consumer of the JSON would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { PACKAGE_ROOT } from '../../src/util/package-root.js';

const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'report.schema.json'), 'utf8')) as object);

/** The schema errors as readable lines; empty when the report is valid. */
export function reportSchemaErrors(report: unknown): string[] {
  // Round-trip through JSON: what is validated is what a reader of the file gets.
  return validate(JSON.parse(JSON.stringify(report))) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
