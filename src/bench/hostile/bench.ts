// `npm run bench -- --hostile`: each hostile persona scanned alone beside an honest plug (wall clock,
// peak memory, contacts out of scope, control bytes), then all at once, against the documented worst case.

import { worstCaseMs } from '../../audit/worst-case.js';
import { HOSTILE_PERSONAS } from '../../mocks/hostile/personas.js';
import { controlBytes, runAttacks, type AttackScan } from './run-attack.js';

const row = (name: string, scan: AttackScan, budgetMs: number): string => {
  const outputs = [scan.stdout, scan.stderr, scan.json, scan.markdown, scan.html];
  const control = outputs.reduce((sum, text) => sum + controlBytes(text).length, 0);
  const ended = scan.exitCode === null ? 'KILLED' : `exit ${scan.exitCode}`;
  return `| ${name} | ${(scan.wallMs / 1000).toFixed(1)} s | ${(budgetMs / 1000).toFixed(0)} s | ${(scan.maxRssKb / 1024).toFixed(0)} MB | ${scan.outsideContacts} | ${control} | ${ended} |`;
};

export async function runHostileBench(): Promise<number> {
  const personas = HOSTILE_PERSONAS.map((persona, index) => ({ persona, index }));
  console.log('| attack | wall clock | worst case | peak memory | contacts out of scope | control bytes | ended |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  let failed = 0;
  const judge = (name: string, scan: AttackScan, budgetMs: number) => {
    if (scan.exitCode === null || scan.wallMs > budgetMs || scan.outsideContacts > 0) failed += 1;
    console.log(row(name, scan, budgetMs));
  };
  for (const entry of personas) {
    const budgetMs = worstCaseMs(2).totalMs;
    judge(entry.persona.name, await runAttacks([entry], budgetMs + 30_000), budgetMs);
  }
  const allBudgetMs = worstCaseMs(2 * personas.length).totalMs;
  judge(`all ${personas.length} at once`, await runAttacks(personas, allBudgetMs + 30_000), allBudgetMs);
  const slash24 = worstCaseMs(254);
  console.log(`\nworst case for a /24 (254 devices each using every limit): discovery ${(slash24.discoveryMs / 1000).toFixed(0)} s + checks ${(slash24.checksMs / 1000).toFixed(0)} s = ${(slash24.totalMs / 60_000).toFixed(1)} min`);
  return failed === 0 ? 0 : 1;
}
