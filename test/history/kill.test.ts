import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../src/history/index.js';

const writer = join(import.meta.dirname, 'kill-writer.mjs');
const built = existsSync(join(import.meta.dirname, '../../dist/history/store.js'));

describe('history under SIGKILL', () => {
  it.skipIf(!built)('a writer killed mid-write leaves a consistent store with only whole scans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'homeaudit-kill-'));
    try {
      const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      // Kill it once it has written a few scans, while it is in the middle of writing more.
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (Number(chunk.toString().trim().split('\n').pop()) >= 10) resolve();
        });
        child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));

      const store = HistoryStore.open(dir);
      expect(store.integrityOk()).toBe(true);
      const scans = store.list();
      expect(scans.length).toBeGreaterThanOrEqual(10);
      for (const s of scans) {
        const { result } = store.get(s.id);
        expect(result.devices).toHaveLength(400);
        expect(s.devices).toBe(400);
      }
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
