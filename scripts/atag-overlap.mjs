// Prints discovery's wall clock over the built-in home fleet with the listen-only `atag` source on and off,
// medians of 5, to show that listening overlaps the other sources instead of lengthening the scan.
// Run inside a network namespace, on a build: npm run build && ip netns exec NS node scripts/atag-overlap.mjs
import { discover } from '../dist/discovery/index.js';
import { loadHomeFleet, startFleet } from '../dist/mocks/index.js';
import { resolveScope } from '../dist/scope/index.js';

const RUNS = 5;
const fleet = await startFleet(loadHomeFleet());
const scope = resolveScope({ targets: [fleet.target] });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  const times = { on: [], off: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['on', 'off']) {
      const started = performance.now();
      const { hosts } = await discover(scope, { sources: { atag: mode === 'on' } });
      times[mode].push(performance.now() - started);
      if (run === 0) console.log(`atag ${mode}: ${hosts.length} hosts`);
    }
  }
  for (const mode of ['on', 'off']) console.log(`atag ${mode}: median ${median(times[mode]).toFixed(0)} ms over ${RUNS} runs (${times[mode].map((t) => t.toFixed(0)).join(', ')})`);
} finally {
  await fleet.close();
}
