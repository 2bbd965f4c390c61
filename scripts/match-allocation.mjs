// Bytes allocated while the wild corpus is identified (npm run bench -- --wild, one pass over its 247
// devices), in all and under rule matching (conditionsHold), from V8's sampling heap profiler with the
// objects already collected counted too: what the garbage collector has to clear, not what stays alive.
// Run after `npm run build`: node scripts/match-allocation.mjs [PACKAGE_ROOT] (default: this checkout).
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? '.');
const { runWild } = await import(pathToFileURL(`${root}/dist/bench/wild/run.js`).href);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const print = console.log;
console.log = () => {}; // the corpus scores are not what is measured here
runWild({ verbose: false, showHeldOut: false });
console.log = print;
const { profile } = await session.post('HeapProfiler.stopSampling');
let total = 0;
let matching = 0;
const walk = (node, inside) => {
  const under = inside || node.callFrame.functionName === 'conditionsHold';
  total += node.selfSize;
  if (under) matching += node.selfSize;
  for (const child of node.children) walk(child, under);
};
walk(profile.head, false);
print(`wild-corpus identification: ${(total / 1e6).toFixed(0)} MB allocated, ${(matching / 1e6).toFixed(1)} MB of it under conditionsHold`);
