import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { expect, test, vi } from 'vitest';

// Ink draws only the last frame when it thinks it runs in CI; these tests watch frames as a terminal shows them.
vi.hoisted(() => {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
});
import { runDashboard } from '../../src/ui/run-dashboard.js';
import { fakeAudit, makeResult, plan } from './fixture.js';

/** A terminal's output: records what was written, reports a size and says it is a TTY. */
class FakeTerminalOut extends Writable {
  isTTY = true;
  columns = 80;
  rows = 24;
  written = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.written += chunk.toString();
    done();
  }
}

/** A terminal's keyboard in raw mode. */
class FakeTerminalIn extends EventEmitter {
  isTTY = true;
  private pending: string[] = [];
  type(data: string): void {
    this.pending.push(data);
    this.emit('readable');
  }
  read(): string | null {
    return this.pending.shift() ?? null;
  }
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

test('runs on the alternate screen, returns the result on q and gives the normal screen back', async () => {
  const stdout = new FakeTerminalOut();
  const stdin = new FakeTerminalIn();
  const result = makeResult();
  const running = runDashboard(
    { plan, runAudit: fakeAudit({ result }), lang: 'en', yes: true, colour: false },
    { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream },
  );
  await vi.waitFor(() => expect(stdout.written).toContain('worst finding'), { timeout: 10_000 });
  stdin.type('q');
  const outcome = await running;
  expect(outcome).toEqual({ result, aborted: false });
  expect(stdout.written.startsWith('\u001B[?1049h')).toBe(true);
  expect(stdout.written.endsWith('\u001B[?1049l')).toBe(true);
});

test('cancelling at the confirm screen returns no result, aborted', async () => {
  const stdout = new FakeTerminalOut();
  const stdin = new FakeTerminalIn();
  const audit = fakeAudit();
  const running = runDashboard(
    { plan, runAudit: audit, lang: 'nl', colour: false },
    { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream },
  );
  await vi.waitFor(() => expect(stdout.written).toContain('Klaar om te scannen'), { timeout: 10_000 });
  stdin.type('n');
  expect(await running).toEqual({ result: null, aborted: true });
  expect(audit.calls).toBe(0);
});

test('quitting while the scan runs aborts it', async () => {
  const stdout = new FakeTerminalOut();
  const stdin = new FakeTerminalIn();
  const audit = fakeAudit({ holdAfter: 6 });
  const running = runDashboard(
    { plan, runAudit: audit, lang: 'en', yes: true, colour: false },
    { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream },
  );
  await vi.waitFor(() => expect(stdout.written).toContain('addresses seen'), { timeout: 10_000 });
  stdin.type('\u0003');
  await vi.waitFor(() => expect(stdout.written).toContain('Scan stopped'), { timeout: 10_000 });
  stdin.type('q');
  const outcome = await running;
  expect(audit.signal?.aborted).toBe(true);
  expect(outcome.aborted).toBe(true);
});
