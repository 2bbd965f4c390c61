// `npm run bench -- --startup`: what a start costs, median of 5 fresh processes each. The knowledge load
// in-process with the parsed cache off (every file parsed and validated), cold (an empty cache: parsed,
// validated and written) and warm; and two starts of the built CLI: --help, and a scan start that loads
// all the knowledge and stops at a bad answers file (exit 2, nothing contacted).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';

const RUNS = 5;

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssMb?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One fresh node process loading the knowledge; it prints its own wall, CPU and RSS as JSON. */
function knowledgeLoad(env: NodeJS.ProcessEnv): Sample {
  const script = `
    const c0 = process.cpuUsage(); const t0 = performance.now();
    const { loadKnowledge } = await import(${JSON.stringify(join(PACKAGE_ROOT, 'dist', 'audit', 'knowledge.js'))});
    const { lookupOui } = await import(${JSON.stringify(join(PACKAGE_ROOT, 'dist', 'identify', 'oui.js'))});
    loadKnowledge(); lookupOui('24:65:11:00:00:01');
    const c = process.cpuUsage(c0);
    console.log(JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, rssMb: process.memoryUsage().rss / 1048576 }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`knowledge load failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Sample;
}

/** The built CLI with args: wall clock and the CPU the child used (user + system). */
function cliStart(args: string[], env: NodeJS.ProcessEnv): Sample {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'bin.js'), ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { wallMs: performance.now() - t0, cpuMs: childrenCpuMs() - cpu0 };
}

/** CPU of this process's reaped children so far: /proc/self/stat cutime and cstime, in ticks of 10 ms (USER_HZ 100). */
function childrenCpuMs(): number {
  const text = readFileSync('/proc/self/stat', 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function line(label: string, samples: Sample[]): string {
  const rss = samples[0]?.rssMb !== undefined ? `, RSS ${Math.round(median(samples.map((s) => s.rssMb!)))} MB` : '';
  return `    ${label.padEnd(56)} ${String(Math.round(median(samples.map((s) => s.wallMs)))).padStart(5)} ms wall, ${String(Math.round(median(samples.map((s) => s.cpuMs)))).padStart(5)} ms CPU${rss}`;
}

export function runStartupBench(): number {
  const dir = mkdtempSync(join(tmpdir(), 'homeaudit-startup-'));
  try {
    const cache = join(dir, 'cache');
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'devices:\n  127.91.0.1: { mfa-enabled: true\n');
    console.log(`homeaudit startup bench, ${new Date().toISOString()}: Node ${process.version}; median of ${RUNS} fresh processes each`);
    console.log('  knowledge load in-process (all of it, and the OUI registry):');
    const off = Array.from({ length: RUNS }, () => knowledgeLoad({ HOMEAUDIT_NO_CACHE: '1' }));
    console.log(line('parsed cache off (parse + validate every file)', off));
    const cold = Array.from({ length: RUNS }, () => {
      rmSync(cache, { recursive: true, force: true });
      return knowledgeLoad({ HOMEAUDIT_CACHE_DIR: cache });
    });
    console.log(line('cold cache (parse, validate, write)', cold));
    const warm = Array.from({ length: RUNS }, () => knowledgeLoad({ HOMEAUDIT_CACHE_DIR: cache }));
    console.log(line('warm cache', warm));
    console.log('  the built CLI:');
    for (const [label, args] of [
      ['--help', ['--help']],
      ['scan start to a bad answers file (exit 2)', ['scan', '--target', '127.91.0.1', '--answers', answers, '--no-save']],
    ] as const) {
      for (const [mode, env] of [['cache off', { HOMEAUDIT_NO_CACHE: '1' }], ['warm cache', { HOMEAUDIT_CACHE_DIR: cache }]] as const) {
        const samples = Array.from({ length: RUNS }, () => cliStart([...args], env));
        console.log(line(`${label}, ${mode}`, samples));
      }
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
