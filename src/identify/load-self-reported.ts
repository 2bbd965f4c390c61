// Loads the tables for self-reported names (knowledge/fingerprints/self-reported/*.yaml, validated
// against schema/self-reported.schema.json). The makers a text may name are those of the tables plus
// every vendor the aliases and rules already know, minus the chip and software makers listed as such.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, loadDataFile, PACKAGE_ROOT } from '../knowledge/load-data.js';
import { isDeviceKind, NO_SELF_REPORTED, readerRule, wordPattern, type MakerName, type SelfReportedTables } from './self-reported.js';
import type { CompiledAlias, CompiledRule } from './types.js';

export const SELF_REPORTED_SCHEMA = join(PACKAGE_ROOT, 'schema', 'self-reported.schema.json');

interface SelfReportedFile {
  makers?: Array<{ vendor: string; names?: string[]; brands?: string[]; series?: Array<{ pattern: string; kind: string }>; source: string }>;
  notMakers?: string[];
  readers?: Array<{ field: string; confidence: number }>;
  txt?: SelfReportedTables['txt'];
  kindWords?: Array<{ kind: string; words: string[]; confidence: number; source: string }>;
  makerKinds?: { confidence: number; source: string; kinds: Record<string, string[]> };
  enterpriseNumbers?: { source: string; url: string; confidence: number; numbers: Array<{ number: number; organisation: string }> };
  registryMakers?: { source: string; url: string; confidence: number; names: string };
}

function compilePattern(file: string, vendor: string, source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new DataFileError(file, `maker "${vendor}": could not compile series ${JSON.stringify(source)}: ${(error as Error).message}`, { cause: error });
  }
}

/** A list file: one name a line, '#' lines are comments. */
function readNameList(file: string): string[] {
  if (!existsSync(file)) throw new DataFileError(file, 'the registryMakers list named in texts.yaml is missing');
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Vendors rules write literally (not from a template): makers the knowledge base already knows. */
function ruleVendors(rules: readonly CompiledRule[]): string[] {
  return rules.map((compiled) => compiled.rule.give.vendor).filter((vendor): vendor is string => vendor !== undefined && !vendor.includes('{'));
}

export function loadSelfReported(dir: string, rules: readonly CompiledRule[], aliases: readonly CompiledAlias[]): SelfReportedTables {
  if (!existsSync(dir)) return NO_SELF_REPORTED;
  const tables: SelfReportedTables = {
    ...NO_SELF_REPORTED,
    makers: [],
    series: [],
    readers: [],
    kindWords: [],
    enterprises: new Map(),
    makerKinds: new Map(),
    registryMakers: new Map(),
    rules: new Map(),
  };
  const spellings = new Map<string, { vendor: string; brand: boolean }>();
  const notMakers = new Set<string>();
  const add = (vendor: string, name: string, brand: boolean): void => {
    if (!spellings.has(name.toLowerCase())) spellings.set(name.toLowerCase(), { vendor, brand });
  };
  for (const name of readdirSync(dir).filter((entry) => /\.ya?ml$/.test(entry)).sort()) {
    const file = join(dir, name);
    const data = loadDataFile<SelfReportedFile>(file, SELF_REPORTED_SCHEMA);
    for (const maker of data.makers ?? []) {
      add(maker.vendor, maker.vendor, false);
      for (const spelling of maker.names ?? []) add(maker.vendor, spelling, false);
      for (const brand of maker.brands ?? []) add(maker.vendor, brand, true);
      for (const series of maker.series ?? []) {
        if (!isDeviceKind(series.kind)) throw new DataFileError(file, `maker "${maker.vendor}": series kind "${series.kind}" is not a device kind`);
        tables.series.push({ vendor: maker.vendor, pattern: compilePattern(file, maker.vendor, series.pattern), kind: series.kind });
      }
    }
    for (const name of data.notMakers ?? []) notMakers.add(name.toLowerCase());
    for (const reader of data.readers ?? []) {
      const path = reader.field.toLowerCase();
      tables.readers.push({ group: path.split('.')[0]!, field: reader.field, path, confidence: reader.confidence });
      tables.rules.set(path, readerRule(file, path));
    }
    if (data.txt) {
      tables.txt = data.txt;
      tables.rules.set('mdns.txt', readerRule(file, 'mdns.txt'));
    }
    for (const entry of data.kindWords ?? []) {
      if (!isDeviceKind(entry.kind)) throw new DataFileError(file, `kindWords: "${entry.kind}" is not a device kind`);
      for (const word of entry.words) tables.kindWords.push({ kind: entry.kind, pattern: wordPattern(word), confidence: entry.confidence });
    }
    if (data.makerKinds) {
      tables.makerKindConfidence = data.makerKinds.confidence;
      for (const [kind, makers] of Object.entries(data.makerKinds.kinds)) {
        if (!isDeviceKind(kind)) throw new DataFileError(file, `makerKinds: "${kind}" is not a device kind`);
        for (const maker of makers) tables.makerKinds.set(maker.toLowerCase(), kind);
      }
      tables.rules.set('maker-kind', readerRule(file, 'maker-kind'));
    }
    if (data.enterpriseNumbers) {
      tables.enterpriseConfidence = data.enterpriseNumbers.confidence;
      for (const { number, organisation } of data.enterpriseNumbers.numbers) tables.enterprises.set(number, organisation);
      tables.rules.set('snmp.sysobjectid', readerRule(file, 'snmp.sysobjectid'));
    }
    if (data.registryMakers) {
      tables.registryMakerConfidence = data.registryMakers.confidence;
      for (const name of readNameList(join(dir, data.registryMakers.names))) tables.registryMakers.set(name.toLowerCase(), name);
    }
  }
  for (const name of notMakers) tables.registryMakers.delete(name);
  for (const vendor of [...aliases.map((alias) => alias.vendor), ...ruleVendors(rules)]) add(vendor.trim(), vendor.trim(), false);
  tables.makers = [...spellings]
    .filter(([name, { vendor }]) => !notMakers.has(name) && !notMakers.has(vendor.toLowerCase()))
    .map(([name, { vendor, brand }]): MakerName => ({ vendor, name, pattern: wordPattern(name), brand }));
  return tables;
}
