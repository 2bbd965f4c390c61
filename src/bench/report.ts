// Prints a scenario's figures against its targets: PASS or MISS on every line, never an assertion.

import type { Scenario } from './scenarios.js';
import type { RunMeasure, ScenarioMeasure } from './run-scenario.js';

export interface Verdicts {
  lines: string[];
  missed: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function devicesLine(run: RunMeasure, expected: number): string {
  const found = expected - run.missing.length;
  const missing = run.missing.length > 0 ? `, missing ${run.missing.join(' ')}` : '';
  return `devices ${found}/${expected} found (${run.devicesFound} reported${missing})`;
}

export function describeScenario(label: string, scenario: Scenario, m: ScenarioMeasure): Verdicts {
  const t = scenario.targets;
  const discoveryMs = (m.discovery.stageMs.discovery ?? 0) + (m.discovery.stageMs.identification ?? 0);
  const peakMb = Math.max(m.memory.maxRssMb, m.memory.sampledRssMb);
  const checks = [
    discoveryMs < t.discoveryMs && m.discovery.missing.length === 0,
    m.fullAudit.wallMs < t.fullAuditMs && m.fullAudit.missing.length === 0,
    peakMb < t.peakMemoryMb,
  ];
  const stages = Object.entries(m.fullAudit.stageMs).map(([stage, ms]) => `${stage} ${ms}`).join(', ');
  const lines = [
    `(${label}) ${scenario.title}: ${scenario.target}, ${m.hostsInScope} hosts in scope, targets from ${t.source}`,
    `    discovery + identification  ${seconds(discoveryMs).padStart(8)}   target < ${seconds(t.discoveryMs)}   ${verdict(checks[0]!)}   ${devicesLine(m.discovery, m.expectedDevices)}`,
    `    full audit with checks      ${seconds(m.fullAudit.wallMs).padStart(8)}   target < ${seconds(t.fullAuditMs)}   ${verdict(checks[1]!)}   ${devicesLine(m.fullAudit, m.expectedDevices)}, ${m.fullAudit.loginAttempts} login attempts, ${m.fullAudit.findings} findings`,
    `    peak memory                 ${`${peakMb} MB`.padStart(8)}   target < ${t.peakMemoryMb} MB   ${verdict(checks[2]!)}   (maxRSS ${m.memory.maxRssMb} MB, sampled RSS ${m.memory.sampledRssMb} MB; the mock fleet runs in the same process)`,
    `    full audit stages (ms): ${stages}; CPU ${seconds(m.cpuMs)} for both runs; load average ${m.loadAverage.join(' ')}`,
  ];
  if (m.sourceMs) lines.push(`    each source alone (ms): ${Object.entries(m.sourceMs).map(([s, ms]) => `${s} ${ms}`).join(', ')}`);
  const problems = [...new Set([...m.discovery.sourceProblems, ...m.fullAudit.sourceProblems])];
  for (const problem of problems) lines.push(`    source problem: ${problem}`);
  return { lines, missed: checks.filter((ok) => !ok).length };
}
