// One benchmark scenario in this process: start its fleet, time discovery + identification alone,
// then the full audit with checks and login attempts, then (on request) each discovery source alone.

import os from 'node:os';
import { DISCOVERY_SOURCES, type AuditResult, type DiscoverySource } from '../model.js';
import { runAudit, type AuditOptions } from '../audit/run-audit.js';
import { loadKnowledge } from '../audit/knowledge.js';
import { discover } from '../discovery/discover.js';
import { startFleet, type RunningFleet } from '../mocks/index.js';
import { resolveScope } from '../scope/index.js';
import { watchMemory, type MemoryPeak } from './memory.js';
import type { Scenario } from './scenarios.js';

export interface RunMeasure {
  wallMs: number;
  stageMs: Record<string, number>;
  devicesFound: number;
  /** Fleet addresses no device was reported for. */
  missing: string[];
  loginAttempts: number;
  findings: number;
  sourceProblems: string[];
}

export interface ScenarioMeasure {
  id: string;
  hostsInScope: number;
  expectedDevices: number;
  discovery: RunMeasure;
  fullAudit: RunMeasure;
  /** Each discovery source alone over the same scope (only with --sources). */
  sourceMs?: Partial<Record<DiscoverySource, number>>;
  memory: MemoryPeak;
  cpuMs: number;
  loadAverage: number[];
}

const SOURCE_NAMES: DiscoverySource[] = [...DISCOVERY_SOURCES];

function measureOf(result: AuditResult, wallMs: number, expected: readonly string[]): RunMeasure {
  const found = new Set(result.devices.map((d) => d.ip));
  return {
    wallMs,
    stageMs: result.stats.stageMs,
    devicesFound: result.devices.length,
    missing: expected.filter((ip) => !found.has(ip)),
    loginAttempts: result.stats.loginAttempts,
    findings: result.findings.length,
    sourceProblems: result.stats.sourceProblems.map((p) => `${p.source}: ${p.message}`),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - t0) };
}

async function measured(audit: () => Promise<AuditResult>, expected: readonly string[]): Promise<RunMeasure> {
  const { value, ms } = await timed(audit);
  return measureOf(value, ms, expected);
}

export async function runScenario(scenario: Scenario, signal: AbortSignal, perSource = false): Promise<ScenarioMeasure> {
  const knowledge = loadKnowledge(); // loaded before the clock starts, as a scan does before contacting anything
  const fleet = scenario.makeFleet?.();
  const running: RunningFleet | undefined = fleet ? await startFleet(fleet, { signal }) : undefined;
  try {
    const scope = resolveScope({ targets: [scenario.target], allowLarge: true });
    const expected = fleet?.devices.map((d) => d.address) ?? [];
    const base: AuditOptions = { scope, knowledge, login: true, maxAttempts: 5, answers: {} };
    const memory = watchMemory();
    const cpu0 = process.cpuUsage();

    // Each audit's result is reduced to its figures at once: a scan holds one audit, and keeping the first
    // one's devices alive through the second would count the bench's memory as the scan's.
    const discovery = await measured(() => runAudit({ ...base, login: false, registry: [] }, { signal }), expected);
    const full = await measured(() => runAudit(base, { signal }), expected);
    let sourceMs: ScenarioMeasure['sourceMs'];
    if (perSource) {
      sourceMs = {};
      for (const only of SOURCE_NAMES) {
        const sources = Object.fromEntries(SOURCE_NAMES.map((s) => [s, s === only]));
        sourceMs[only] = (await timed(() => discover(scope, { sources }, { signal }))).ms;
      }
    }

    const cpu = process.cpuUsage(cpu0);
    return {
      id: scenario.id,
      hostsInScope: scope.hosts.length,
      expectedDevices: expected.length,
      discovery,
      fullAudit: full,
      ...(sourceMs ? { sourceMs } : {}),
      memory: memory.stop(),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
  } finally {
    await running?.close();
  }
}
