// Loads every knowledge/advice/*.yaml, validates it against schema/advice.schema.json and checks what a
// schema cannot: unique ids, complete labels, a template for every check, steps that exist.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IDS, DEVICE_KINDS, PHASES, SEVERITIES } from '../model.js';
import type { VendorFacts } from '../knowledge/types.js';
import { assertUniqueIds, DataFileError, loadDataFile } from '../knowledge/load-data.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import type { AdviceFile, AdviceKnowledge, AdviceLabels, AdviceTemplate, StepEntry } from './types.js';

export const ADVICE_DIR = join(PACKAGE_ROOT, 'knowledge', 'advice');
export const ADVICE_SCHEMA = join(PACKAGE_ROOT, 'schema', 'advice.schema.json');

export interface LoadAdviceOptions {
  dir?: string;
  vendors?: VendorFacts[];
}

export function loadAdviceKnowledge(options: LoadAdviceOptions = {}): AdviceKnowledge {
  const dir = options.dir ?? ADVICE_DIR;
  const files = listDataFiles(dir);
  const templates: AdviceTemplate[] = [];
  const steps: StepEntry[] = [];
  const phrases: AdviceKnowledge['phrases'] = [];
  const labels: Partial<Record<keyof AdviceLabels, Record<string, unknown>>> = {};
  for (const file of files) {
    const data = loadDataFile<AdviceFile>(file, ADVICE_SCHEMA);
    for (const template of data.templates ?? []) {
      assertTemplateShape(file, template);
      templates.push(template);
    }
    steps.push(...(data.steps ?? []));
    for (const [index, phrase] of (data.phrases ?? []).entries()) {
      try {
        phrases.push({ match: new RegExp(phrase.match, 'g'), nl: phrase.nl });
      } catch (error) {
        throw new DataFileError(file, `phrases[${index}] (match "${phrase.match}"): cannot compile: ${(error as Error).message}`);
      }
    }
    for (const [section, entries] of Object.entries(data.labels ?? {}) as Array<[keyof AdviceLabels, object]>) {
      const merged = (labels[section] ??= {});
      for (const [key, value] of Object.entries(entries)) {
        if (key in merged) throw new DataFileError(file, `label ${section}.${key} is defined twice`);
        merged[key] = value;
      }
    }
  }
  assertUniqueIds(dir, [...templates, ...steps]);
  const complete = assertLabelsComplete(dir, labels);
  assertCoverage(dir, templates, steps);
  return { templates, steps, labels: complete, vendors: options.vendors ?? [], phrases };
}

function listDataFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new DataFileError(dir, `cannot read the advice folder: ${(error as Error).message}`, { cause: error });
  }
  return names.filter((name) => /\.(ya?ml|json)$/.test(name)).sort().map((name) => join(dir, name));
}

/** The rules between fields that the schema (strict mode, no conditionals) leaves to us. */
function assertTemplateShape(file: string, t: AdviceTemplate): void {
  const problem = (what: string) => new DataFileError(file, `templates (id "${t.id}"): ${what}`);
  if (t.on === 'household' && (t.check || t.match || t.kinds || t.onePerDevice)) {
    throw problem('a household template takes no check, match, kinds or onePerDevice');
  }
  if (t.on === 'device' && (!t.kinds || t.check || t.match)) {
    throw problem('a device template needs kinds and takes no check or match');
  }
  if (t.on === 'finding' && !t.check && !t.kinds) throw problem('a finding template needs a check or kinds');
  if (t.otherwise && (t.match || !t.check)) throw problem('otherwise needs a check and no match');
  for (const lang of ['nl', 'en'] as const) {
    const opened = t.text[lang].split('[[').length;
    if (opened !== t.text[lang].split(']]').length) throw problem(`unbalanced [[ ]] in the ${lang} text`);
  }
}

function assertLabelsComplete(dir: string, labels: Partial<Record<keyof AdviceLabels, Record<string, unknown>>>): AdviceLabels {
  const need: Array<[keyof AdviceLabels, readonly string[]]> = [
    ['kinds', DEVICE_KINDS],
    ['phases', PHASES],
    ['severities', [...SEVERITIES, 'none']],
    ['words', ['unknown', 'theMaker', 'at']],
    ['report', []],
    ['shortTitles', CHECK_IDS],
    ['answers', []],
  ];
  for (const [section, keys] of need) {
    const present = labels[section];
    if (!present) throw new DataFileError(dir, `no labels.${section} in any advice file`);
    const missing = keys.filter((key) => !(key in present));
    if (missing.length > 0) throw new DataFileError(dir, `labels.${section} lacks ${missing.join(', ')}`);
  }
  return labels as unknown as AdviceLabels;
}

function assertCoverage(dir: string, templates: AdviceTemplate[], steps: StepEntry[]): void {
  // A step is either confirmed against its source (checked) or only written down (reported): one date, not both.
  for (const [kind, entries] of [['steps', steps], ['templates', templates]] as const) {
    for (const s of entries) {
      if ((s.checked === undefined) === (s.reported === undefined)) {
        throw new DataFileError(dir, `${kind} (id "${s.id}"): needs exactly one of "checked" (confirmed) or "reported" (not yet confirmed)`);
      }
    }
  }
  const withoutAdvice = CHECK_IDS.filter((check) => !templates.some((t) => t.check === check));
  if (withoutAdvice.length > 0) throw new DataFileError(dir, `no advice template for check ${withoutAdvice.join(', ')}`);
  const kindsWithoutBuy = DEVICE_KINDS.filter(
    (kind) => !templates.some((t) => t.on === 'device' && t.phase === 'buy' && t.kinds?.includes(kind)),
  );
  if (kindsWithoutBuy.length > 0) throw new DataFileError(dir, `no buying advice for kind ${kindsWithoutBuy.join(', ')}`);
  for (const t of templates.filter((t) => t.steps)) {
    if (!steps.some((s) => s.task === t.steps && s.vendors.includes('*'))) {
      throw new DataFileError(dir, `templates (id "${t.id}"): no generic steps for task "${t.steps}"`);
    }
  }
}

let cached: AdviceKnowledge | undefined;

/** The built-in advice knowledge, loaded once per process (the report writers' default). */
export function defaultAdviceKnowledge(): AdviceKnowledge {
  cached ??= loadAdviceKnowledge();
  return cached;
}
