// The pipeline's order as the import rule reads it: a folder of src/ may import its own rank or lower.
// The mock fleet stands beside the pipeline: it knows what a device would know, and only the commands
// and the benchmark start it.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Rank per top-level entry of src/ (folder, or file without .ts). Same rank: peers that may share. */
export const STAGE_RANK: Record<string, number> = {
  util: 0,
  model: 0,
  protocols: 1,
  knowledge: 2,
  scope: 3,
  discovery: 4,
  identify: 5,
  checks: 6,
  advice: 7,
  report: 8,
  history: 8,
  ui: 9,
  audit: 10,
  mocks: 10,
  commands: 11,
  bench: 11,
  cli: 12,
  bin: 13,
};

/** What the mock fleet may import: what a real device would know, nothing of the scanner. */
export const MOCK_MAY_IMPORT = new Set(['util', 'model', 'protocols', 'knowledge', 'mocks']);
/** Who may start the mock fleet. */
export const MAY_IMPORT_MOCKS = new Set(['mocks', 'commands', 'bench']);

export interface SourceImport {
  from: string;
  to: string;
}

/** The top-level entry of src/ a path belongs to: "checks" for src/checks/login/ledger.ts, "cli" for src/cli.ts. */
export function stageOf(srcRoot: string, path: string): string {
  const first = relative(srcRoot, path).split(sep)[0] ?? '';
  return first.replace(/\.tsx?$|\.js$/, '');
}

/** Every relative import of every .ts/.tsx file under srcRoot, as source → target paths. */
export function relativeImports(srcRoot: string): SourceImport[] {
  const found: SourceImport[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
          found.push({ from: path, to: normalize(join(dirname(path), match[1]!)) });
        }
      }
    }
  };
  walk(srcRoot);
  return found;
}

/** The imports that break the order, as readable lines; empty when all point down the pipeline. */
export function importViolations(srcRoot: string, imports: readonly SourceImport[]): string[] {
  const problems: string[] = [];
  for (const { from, to } of imports) {
    const source = stageOf(srcRoot, from);
    const target = stageOf(srcRoot, to);
    if (source === target) continue;
    const where = `${relative(srcRoot, from)} imports ${relative(srcRoot, to)}`;
    const sourceRank = STAGE_RANK[source];
    const targetRank = STAGE_RANK[target];
    if (sourceRank === undefined || targetRank === undefined) {
      problems.push(`${where}: ${sourceRank === undefined ? source : target} has no place in STAGE_RANK`);
    } else if (source === 'mocks' && !MOCK_MAY_IMPORT.has(target)) {
      problems.push(`${where}: the mock fleet imports only util, model, protocols and knowledge`);
    } else if (target === 'mocks' && !MAY_IMPORT_MOCKS.has(source)) {
      problems.push(`${where}: only commands and bench start the mock fleet`);
    } else if (targetRank > sourceRank) {
      problems.push(`${where}: ${target} comes after ${source} in the pipeline`);
    }
  }
  return problems;
}
