// A cache of built-in data files already parsed and validated, so a start does not parse the YAML and
// run the schema validators again (most of the knowledge's load time). An entry is named by a hash of the
// file's text, its schema's text and the parser and validator versions: a changed file, schema or
// library has another name, so a stale entry is never found. Only what was valid is written; an overlay
// never comes here. The cache is a convenience: any failure to read or write it is a miss, never an error.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';

/** Bump when what a hit stands for changes (the parse options, the validator's options). */
const FORMAT = 'parsed-knowledge-1';
/** Entries nobody wrote for this long are removed when a new one is written (the folder stays small). */
const PRUNE_AFTER_MS = 30 * 24 * 3600 * 1000;

/** $HOMEAUDIT_CACHE_DIR, else $XDG_CACHE_HOME/homeaudit/knowledge, else ~/.cache/homeaudit/knowledge; null when switched off. */
export function parsedCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.HOMEAUDIT_NO_CACHE !== undefined && env.HOMEAUDIT_NO_CACHE !== '' && env.HOMEAUDIT_NO_CACHE !== '0') return null;
  if (env.HOMEAUDIT_CACHE_DIR && env.HOMEAUDIT_CACHE_DIR.startsWith('/')) return env.HOMEAUDIT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'homeaudit', 'knowledge');
}

let libraries: string | undefined;

/** The parser's and validator's versions: a new one may read or judge the same text otherwise. */
function libraryVersions(): string {
  libraries ??= ['yaml', 'ajv']
    .map((name) => {
      try {
        return `${name}@${(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`;
      } catch {
        return `${name}@?`;
      }
    })
    .join(',');
  return libraries;
}

const schemaTexts = new Map<string, string>();

/** The cache key of one data file's text validated against one schema file, or null when the schema cannot be read. */
export function cacheKey(text: string, schemaFile: string): string | null {
  let schema = schemaTexts.get(schemaFile);
  if (schema === undefined) {
    try {
      schema = readFileSync(schemaFile, 'utf8');
    } catch {
      return null;
    }
    schemaTexts.set(schemaFile, schema);
  }
  return createHash('sha256').update(`${FORMAT}\0${libraryVersions()}\0`).update(schema).update('\0').update(text).digest('hex');
}

/** The cache key of data derived from the given inputs (a table built from a package's file): a hash of what, and of all of them. */
export function derivedKey(what: string, inputs: ReadonlyArray<string | Buffer>): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${what}\0`);
  for (const input of inputs) hash.update(input).update('\0');
  return hash.digest('hex');
}

/** The parsed, validated data of the entry named key, or undefined when there is none. */
export function readCached(dir: string, key: string): unknown {
  let text: string;
  try {
    text = readFileSync(join(dir, `${key}.json`), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const entry = JSON.parse(text) as { key?: unknown; data?: unknown };
    return entry.key === key ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

/** True when JSON gives the same value back: no undefined, no non-finite numbers, only plain objects and arrays. */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(survivesJson);
  return false;
}

/**
 * The value cached under key(), else compute()'s value, written for the next start. Without a cache folder
 * (switched off, or `enabled` false) or a key (its inputs unreadable), only computed. A hit that `accept` refuses
 * (a damaged or foreign entry) is a miss.
 */
export function throughCache<T>(
  key: () => string | null,
  compute: () => T,
  { enabled = true, accept = () => true }: { enabled?: boolean; accept?: (value: unknown) => boolean } = {},
): T {
  const dir = enabled ? parsedCacheDir() : null;
  const name = dir === null ? null : key();
  if (dir !== null && name !== null) {
    const hit = readCached(dir, name);
    if (hit !== undefined && accept(hit)) return hit as T;
  }
  const value = compute();
  if (dir !== null && name !== null) writeCached(dir, name, value);
  return value;
}

/** Writes a validated file's data under key (atomically: a reader sees the whole entry or none). */
export function writeCached(dir: string, key: string, data: unknown): void {
  if (!survivesJson(data)) return;
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify({ key, data }));
    renameSync(temporary, join(dir, `${key}.json`));
    pruneOld(dir);
  } catch {
    // A read-only or full cache folder: the next start parses again.
  }
}

function pruneOld(dir: string): void {
  const cutoff = Date.now() - PRUNE_AFTER_MS;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    try {
      if (statSync(file).mtimeMs < cutoff) unlinkSync(file);
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
