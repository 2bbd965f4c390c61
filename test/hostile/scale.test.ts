// A range where every address accepts every connection and says nothing, scanned by the built CLI in a
// network namespace of its own: the scan ends within its worst case, memory stays bounded, and no open
// port is missed although the scan keeps the machine busy. The /22 is in `npm run bench -- --scale`.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { worstCaseMs } from '../../src/audit/worst-case.js';
import { scaleCounts } from '../../src/bench/scale/bench.js';
import { runScale, scaleSkipReason, type ScaleScan } from '../../src/bench/scale/run-scale.js';
import { SWEEP_PORTS } from '../../src/discovery/ports.js';
import { PACKAGE_ROOT } from '../../src/util/package-root.js';

const HOSTS = 30;
const MAX_RSS_MB = 400;
const skip = scaleSkipReason() ?? (existsSync(join(PACKAGE_ROOT, 'dist', 'bench', 'scale', 'accept-any.js')) ? null : 'no build in dist/: run `npm run build` (npm test does)');
if (skip) console.log(`scale: skipped, ${skip}`);
const budget = worstCaseMs(HOSTS).totalMs;
let scan: ScaleScan;

describe.skipIf(skip !== null)('a /27 where every address accepts every connection', () => {
  beforeAll(async () => {
    scan = await runScale('127.98.0.0/27', ['--no-login'], budget + 30_000);
  }, budget + 60_000);

  it('ends within the documented worst case, in bounded memory', () => {
    expect(scan.exitCode, scan.stderr).not.toBeNull();
    expect([0, 1]).toContain(scan.exitCode);
    expect(scan.wallMs).toBeLessThan(budget);
    expect(scan.maxRssKb).toBeGreaterThan(0);
    expect(scan.maxRssKb / 1024).toBeLessThan(MAX_RSS_MB);
  });

  it('lists every address with every open port', () => {
    const { devices, ports, expectedPorts } = scaleCounts(scan, HOSTS);
    expect(devices).toBe(HOSTS);
    expect(ports).toBe(expectedPorts);
    expect(scan.report!.devices[0]!.services.map((s) => s.port).sort((a, b) => a - b)).toEqual(SWEEP_PORTS.map((p) => p.port).sort((a, b) => a - b));
  });
});
