// History under SIGKILL, many times: a writer saving large scans is killed at random moments (it is
// always in the middle of a save then), each time reopening the same store; afterwards the store is
// intact, `homeaudit history list` works, and every scan it lists is whole.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../src/history/index.js';
import { runCli } from '../cli/helpers.js';

const writer = join(import.meta.dirname, 'kill-writer.mjs');
const built = existsSync(join(import.meta.dirname, '../../dist/history/store.js'));
const KILLS = 8;

/** Starts the writer and kills it after its first scan plus a random 0-150 ms, deep inside later saves. */
async function writeAndKill(dir: string): Promise<void> {
  const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
}

describe('history under repeated SIGKILL', () => {
  it.skipIf(!built)('keeps a consistent store that lists only whole scans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'homeaudit-kill-many-'));
    try {
      for (let i = 0; i < KILLS; i++) await writeAndKill(dir);

      const store = HistoryStore.open(dir);
      expect(store.integrityOk()).toBe(true);
      const scans = store.list();
      expect(scans.length).toBeGreaterThanOrEqual(KILLS * 5);
      for (const s of scans) {
        expect(store.get(s.id).result.devices).toHaveLength(400);
        expect(s.devices).toBe(400);
      }
      store.close();

      const listed = await runCli(['history', 'list', '--data-dir', dir]);
      expect(listed.code, listed.stderr).toBe(0);
      const lines = listed.stdout.trim().split('\n');
      expect(lines).toHaveLength(scans.length);
      for (const line of lines) expect(line).toMatch(/ 400 devices /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
