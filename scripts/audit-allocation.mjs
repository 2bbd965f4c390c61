// What the 250-device bench scenario's full audit allocates, by function, from V8's sampling heap profiler.
// By default from the start of the checks stage to its end, collected objects counted too: what the
// garbage collector has to clear. With --promoted, from the start of discovery to the end of checks,
// counting only objects that outlived the young generation (collected by a major collection, or still
// alive): what fills the old heap, whose growth sets the peak (docs/benchmarks.md).
// Run inside a network namespace after `npm run build`:
//   node scripts/audit-allocation.mjs [--promoted] [PACKAGE_ROOT]
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const promoted = process.argv.includes('--promoted');
const root = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '.');
const load = (path) => import(pathToFileURL(`${root}/dist/${path}`).href);
const { runAudit } = await load('audit/run-audit.js');
const { loadKnowledge } = await load('audit/knowledge.js');
const { startFleet } = await load('mocks/index.js');
const { resolveScope } = await load('scope/index.js');
const { SCENARIOS } = await load('bench/scenarios.js');

const scenario = SCENARIOS.find((s) => s.id === 'fleet-250');
const knowledge = loadKnowledge();
const signal = AbortSignal.timeout(120_000);
const fleet = await startFleet(scenario.makeFleet(), { signal });
const scope = resolveScope({ targets: [scenario.target], allowLarge: true });
const base = { scope, knowledge, login: true, maxAttempts: 5, answers: {} };
// As the bench does: discovery alone first, then the full audit that is measured.
await runAudit({ ...base, login: false, registry: [] }, { signal });

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
const from = promoted ? 'discovery' : 'checks';
let started;
let stopped;
const result = await runAudit(base, {
  signal,
  onEvent: (event) => {
    if (event.type === 'stage-started' && event.stage === from) {
      started = session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: !promoted,
      });
    }
    if (event.type === 'stage-finished' && event.stage === 'checks') stopped = started.then(() => session.post('HeapProfiler.stopSampling'));
  },
});
const { profile } = await stopped;
await fleet.close();

const self = new Map();
const inclusive = new Map();
let total = 0;
const sizeOf = (node) => node.children.reduce((sum, child) => sum + sizeOf(child), node.selfSize);
const walk = (node, above) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}`;
  total += node.selfSize;
  self.set(key, (self.get(key) ?? 0) + node.selfSize);
  // A recursive frame is counted once, at its outermost call.
  if (!above.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + sizeOf(node));
  const below = new Set(above).add(key);
  for (const child of node.children) walk(child, below);
};
walk(profile.head, new Set());
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, bytes]) => `${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${key}`);
console.log(`${promoted ? 'promoted during discovery to checks' : 'allocated during checks'}: ${(total / 1e6).toFixed(0)} MB (${result.stats.loginAttempts} login attempts, ${result.findings.length} findings)`);
console.log('by function itself:');
console.log(top(self, 25).join('\n'));
console.log('with what it calls:');
console.log(top(inclusive, 40).join('\n'));
