// Reads a YAML/JSON data file and validates it against its JSON Schema, so that a bad entry fails at
// load with the file, the entry's id and the field, never later in the middle of a scan.

import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { cacheKey, throughCache } from './parsed-cache.js';

export { PACKAGE_ROOT };

/** The built-in knowledge: its files may come from the parsed cache; any other folder (an overlay, a test's) is read fresh. */
const BUILT_IN_KNOWLEDGE = join(PACKAGE_ROOT, 'knowledge') + sep;

export class DataFileError extends Error {
  override name = 'DataFileError';
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${displayPath(file)}: ${problem}`, options);
  }
}

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
const compiled = new Map<string, ValidateFunction>();

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function schemaValidator(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    validate = ajv.compile(schema);
    compiled.set(schemaFile, validate);
  }
  return validate;
}

/** Parses YAML (or JSON, which is YAML) text; errors carry the line and column. */
export function parseDataText(file: string, text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}: ` : '';
      throw new DataFileError(file, `${where}${error.message.split('\n')[0]}`, { cause: error });
    }
    throw new DataFileError(file, String(error), { cause: error });
  }
}

/** Names the failing entry by its `id` where the path passes through an array of objects with ids. */
export function describeSchemaError(data: unknown, error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1);
  const labels: string[] = [];
  let node: unknown = data;
  for (const part of parts) {
    node = (node as Record<string, unknown> | undefined)?.[part];
    const id = (node as { id?: unknown } | undefined)?.id;
    labels.push(typeof id === 'string' ? `${part} (id "${id}")` : part);
  }
  const at = labels.length > 0 ? labels.join(' › ') : '(top level)';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` "${String((error.params as { additionalProperty?: string }).additionalProperty)}"`
      : error.keyword === 'enum'
        ? `: ${JSON.stringify((error.params as { allowedValues?: unknown[] }).allowedValues)}`
        : '';
  return `${at}: ${error.message ?? error.keyword}${extra}`;
}

export function validateData<T>(file: string, data: unknown, schemaFile: string): T {
  const validate = schemaValidator(schemaFile);
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new DataFileError(file, first ? describeSchemaError(data, first) : 'does not match its schema');
  }
  return data as T;
}

export interface LoadOptions {
  /** Take the parsed, validated data from the cache when the file's text and schema are unchanged; default: for built-in knowledge only. */
  cache?: boolean;
}

export function loadDataFile<T>(file: string, schemaFile: string, options: LoadOptions = {}): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, `cannot read: ${(error as Error).message}`, { cause: error });
  }
  return throughCache(
    () => cacheKey(text, schemaFile),
    () => validateData<T>(file, parseDataText(file, text), schemaFile),
    { enabled: options.cache ?? resolve(file).startsWith(BUILT_IN_KNOWLEDGE) },
  );
}

/** Throws when two entries share an id: ids are how findings, tests and sources refer to entries. */
export function assertUniqueIds(file: string, entries: Array<{ id: string }>): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new DataFileError(file, `duplicate id "${entry.id}"`);
    seen.add(entry.id);
  }
}
