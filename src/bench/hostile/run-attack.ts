// Runs one hostile persona beside an honest plug and a counting listener out of scope, scans the two
// with the built CLI (all three reports written), and returns what a test or the bench judges.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { honestPlug, outsideCounter, type HostilePersona } from '../../mocks/hostile/personas.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';

export interface AttackScan {
  /** The attacks scanned together, with the addresses each was given. */
  attacks: Array<{ name: string; attack: string; hostileIp: string; honestIp: string }>;
  exitCode: number | null;
  wallMs: number;
  maxRssKb: number;
  outsideContacts: number;
  stdout: string;
  stderr: string;
  json: string;
  markdown: string;
  html: string;
}

/** Each attack gets 127.95.<20+i>.0/24: .1 hostile, .2 honest, .200 the out-of-scope listener. */
export function attackAddresses(index: number): { hostile: string; honest: string; outside: string } {
  const net = `127.95.${20 + index}`;
  return { hostile: `${net}.1`, honest: `${net}.2`, outside: `${net}.200` };
}

/** Scans the given personas (by their index in HOSTILE_PERSONAS) in one run of the CLI. */
export async function runAttacks(personas: ReadonlyArray<{ persona: HostilePersona; index: number }>, killAfterMs = 300_000): Promise<AttackScan> {
  const closers: Array<() => Promise<void>> = [];
  const counters: Array<() => number> = [];
  const targets: string[] = [];
  const attacks: AttackScan['attacks'] = [];
  const dir = await mkdtemp(join(tmpdir(), 'homeaudit-hostile-'));
  try {
    for (const { persona, index } of personas) {
      const { hostile, honest, outside } = attackAddresses(index);
      const counter = await outsideCounter(outside);
      counters.push(counter.contacts);
      closers.push(...counter.closers, ...(await persona.start(hostile, outside)), ...(await honestPlug(honest)));
      targets.push('--target', `${hostile}-${honest.split('.').pop()}`);
      attacks.push({ name: persona.name, attack: persona.attack, hostileIp: hostile, honestIp: honest });
    }
    const out = (name: string) => join(dir, name);
    const args = [
      '--import', join(PACKAGE_ROOT, 'dist/bench/hostile/max-rss.js'), join(PACKAGE_ROOT, 'dist/bin.js'),
      'scan', ...targets, '--yes', '--no-save',
      '--json', out('report.json'), '--markdown', out('report.md'), '--html', out('report.html'),
    ];
    const started = performance.now();
    const { code, stdout, stderr } = await run(args, { HOMEAUDIT_MAX_RSS_FILE: out('rss'), NO_COLOR: '1' }, killAfterMs);
    const wallMs = performance.now() - started;
    const read = (name: string) => readFile(out(name), 'utf8').catch(() => '');
    return {
      attacks, exitCode: code, wallMs, maxRssKb: Number(await read('rss')) || 0,
      outsideContacts: counters.reduce((sum, contacts) => sum + contacts(), 0),
      stdout, stderr, json: await read('report.json'), markdown: await read('report.md'), html: await read('report.html'),
    };
  } finally {
    await Promise.all(closers.map((close) => close()));
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs node with args, killed after killAfterMs (exit code null then). */
export function run(args: string[], env: NodeJS.ProcessEnv, killAfterMs: number, command = process.execPath): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A scan that never ends is the failure being tested for: it is killed, and its exit code says so.
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Control bytes (C0 but tab/newline/CR, DEL, C1) raw or as JSON escapes: none may come from a device. */
export function controlBytes(text: string): string[] {
  const raw = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g) ?? [];
  const escaped = text.match(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])/gi) ?? [];
  return [...raw, ...escaped];
}
