// `npm run bench`: each scenario in its own child process (so peak memory is that scenario's alone),
// figures printed against the targets. Options: --only ID[,ID] (home, fleet-250, empty-22), --sources
// (also time each discovery source alone), --realnet (the real-daemon network with nmap beside us
// instead; with --discovery [--compare DIST], discovery's time quiet and loaded, per source; root and Debian's packages, see docs/realnet.md), --wild [--verbose] [--show-held-out] (identification on the wild
// corpus only; --verbose lists the misses of devices not held out, --show-held-out those of held-out ones; with --replay also through the mock fleet on loopback, inside a network namespace), --hostile (each
// hostile persona's wall clock and peak memory, see docs/discovery.md), --scale (ranges where every address accepts
// every connection, see docs/discovery.md), --startup (what a start costs: the knowledge load and two CLI starts,
// median of 5, see docs/benchmarks.md). Exit 0 when every target is met, 1 when one is missed.

import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runHostileBench } from './hostile/bench.js';
import { runRealnetBench } from './realnet/bench.js';
import { runDiscoveryTimes } from './realnet/discovery-times.js';
import { runScaleBench } from './scale/bench.js';
import { runStartupBench } from './startup.js';
import { describeScenario } from './report.js';
import { runScenario, type ScenarioMeasure } from './run-scenario.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { runWild, runWildReplay } from './wild/run.js';

/** A scenario that takes longer than this is stuck: its child is killed and the bench says so. */
const SCENARIO_TIME_LIMIT_MS = 180_000;

class BenchError extends Error {
  override name = 'BenchError';
}

function runInChild(scenario: Scenario, perSource: boolean): Promise<ScenarioMeasure> {
  return new Promise((resolve, reject) => {
    const args = ['--scenario', scenario.id, ...(perSource ? ['--sources'] : [])];
    const child = fork(fileURLToPath(import.meta.url), args, { signal: AbortSignal.timeout(SCENARIO_TIME_LIMIT_MS), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let measure: ScenarioMeasure | undefined;
    child.on('message', (message) => (measure = message as ScenarioMeasure));
    child.on('error', (error) => reject(new BenchError(`scenario ${scenario.id} did not finish: ${error.message}`, { cause: error })));
    child.on('exit', (code) => {
      if (measure) resolve(measure);
      else reject(new BenchError(`scenario ${scenario.id} ended (exit ${code}) without figures`));
    });
  });
}

async function child(id: string, perSource: boolean): Promise<void> {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new BenchError(`no scenario "${id}"; there are ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const measure = await runScenario(scenario, AbortSignal.timeout(SCENARIO_TIME_LIMIT_MS), perSource);
  await new Promise<void>((resolve) => process.send!(measure, () => resolve()));
}

async function parent(argv: string[]): Promise<number> {
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',') : null;
  const perSource = argv.includes('--sources');
  const chosen = SCENARIOS.filter((s) => !only || only.includes(s.id));
  if (chosen.length === 0) throw new BenchError(`--only names no scenario; there are ${SCENARIOS.map((s) => s.id).join(', ')}`);

  console.log(`homeaudit bench, ${new Date().toISOString()}: Node ${process.version}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}`);
  let missed = 0;
  for (const scenario of chosen) {
    const label = String.fromCharCode(97 + SCENARIOS.indexOf(scenario));
    process.stdout.write(`\nrunning (${label}) ${scenario.id} …\n`);
    const verdicts = describeScenario(label, scenario, await runInChild(scenario, perSource));
    console.log(verdicts.lines.join('\n'));
    missed += verdicts.missed;
  }
  console.log(missed === 0 ? '\nevery target met' : `\n${missed} target(s) missed`);
  return missed === 0 ? 0 : 1;
}

const argv = process.argv.slice(2);
const scenarioAt = argv.indexOf('--scenario');
const wildListing = { verbose: argv.includes('--verbose'), showHeldOut: argv.includes('--show-held-out') };
const main = argv.includes('--wild')
  ? argv.includes('--replay')
    ? runWildReplay(wildListing).then((missed) => (missed === 0 ? 0 : 1))
    : Promise.resolve(runWild(wildListing) === 0 ? 0 : 1)
  : scenarioAt >= 0
    ? child(argv[scenarioAt + 1] ?? '', argv.includes('--sources')).then(() => 0)
    : argv.includes('--realnet') ? (argv.includes('--discovery') ? runDiscoveryTimes(argv.includes('--compare') ? (argv[argv.indexOf('--compare') + 1] ?? null) : null, argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '').split(',') : [], argv.includes('--quiet')) : runRealnetBench()) : argv.includes('--startup') ? Promise.resolve(runStartupBench()) : argv.includes('--hostile') ? runHostileBench() : argv.includes('--scale') ? runScaleBench() : parent(argv);
main.then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`homeaudit bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
