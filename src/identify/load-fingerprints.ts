// Loads the fingerprint knowledge base: every YAML/JSON file of a folder, each validated against
// schema/fingerprint.schema.json, every rule compiled, ids unique across files. A bad file fails the
// load with its path and the rule's id; nothing is half-loaded.

import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataFileError, loadDataFile, validateData } from '../knowledge/load-data.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { compileRule, PATTERN_FLAGS } from './compile-rule.js';
import { loadSelfReported } from './load-self-reported.js';
import type { CompiledAlias, CompiledRule, FingerprintFile, FingerprintKnowledge, VendorAlias } from './types.js';

export const FINGERPRINT_SCHEMA = join(PACKAGE_ROOT, 'schema', 'fingerprint.schema.json');
export const DEFAULT_FINGERPRINT_DIR = join(PACKAGE_ROOT, 'knowledge', 'fingerprints');

const DATA_FILE = /\.(ya?ml|json)$/i;

export function loadFingerprintFile(file: string): FingerprintFile {
  return loadDataFile<FingerprintFile>(file, FINGERPRINT_SCHEMA);
}

function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function compileAliases(aliases: readonly VendorAlias[], file = 'vendor aliases'): CompiledAlias[] {
  return aliases.map((alias) => ({
    vendor: alias.vendor,
    patterns: alias.names.map((source) => {
      try {
        return new RegExp(source, PATTERN_FLAGS);
      } catch (error) {
        throw new DataFileError(file, `alias "${alias.vendor}": could not compile regex ${JSON.stringify(source)}: ${(error as Error).message}`, { cause: error });
      }
    }),
  }));
}

/**
 * Validates and compiles already-parsed files (the seam tests use); throws DataFileError naming file and rule.
 * `validated`: the data came from loadFingerprintFile, which validated it already (or took it from the
 * parsed cache, which holds only what validated): compiling the schema validator again is a fifth of the load.
 */
export function compileFingerprints(files: ReadonlyArray<{ file: string; data: unknown }>, validated = false): FingerprintKnowledge {
  const rules: CompiledRule[] = [];
  const aliases: CompiledAlias[] = [];
  const ruleFiles = new Map<string, string>();
  const aliasFiles = new Map<string, string>();
  for (const { file, data } of files) {
    const parsed = validated ? (data as FingerprintFile) : validateData<FingerprintFile>(file, data, FINGERPRINT_SCHEMA);
    for (const rule of parsed.rules ?? []) {
      const earlier = ruleFiles.get(rule.id);
      if (earlier !== undefined) {
        throw new DataFileError(file, `rule "${rule.id}": duplicate id (also in ${shownPath(earlier)})`);
      }
      ruleFiles.set(rule.id, file);
      rules.push(compileRule(file, rule));
    }
    for (const alias of parsed.aliases ?? []) {
      const earlier = aliasFiles.get(alias.vendor.toLowerCase());
      if (earlier !== undefined) {
        throw new DataFileError(file, `alias "${alias.vendor}": vendor listed twice (also in ${shownPath(earlier)})`);
      }
      aliasFiles.set(alias.vendor.toLowerCase(), file);
    }
    aliases.push(...compileAliases(parsed.aliases ?? [], file));
  }
  return { rules, aliases, files: files.map(({ file }) => file) };
}

/** Loads every data file of dir (default: the built-in knowledge/fingerprints), and the self-reported tables of its self-reported/ folder. */
export function loadFingerprints(dir: string = DEFAULT_FINGERPRINT_DIR): FingerprintKnowledge {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => DATA_FILE.test(name)).sort();
  } catch (error) {
    throw new DataFileError(dir, `cannot read the fingerprint folder: ${(error as Error).message}`, { cause: error });
  }
  const files = names.map((name) => join(dir, name));
  const knowledge = compileFingerprints(files.map((file) => ({ file, data: loadFingerprintFile(file) })), true);
  return { ...knowledge, selfReported: loadSelfReported(join(dir, 'self-reported'), knowledge.rules, knowledge.aliases) };
}
