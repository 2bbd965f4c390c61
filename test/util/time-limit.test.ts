import { afterEach, describe, expect, it, vi } from 'vitest';
import { timeLimit } from '../../src/util/wait.js';
import { stepLimit } from '../../src/protocols/probe/step.js';

describe('timeLimit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts with a TimeoutError naming its span once the time has passed', () => {
    vi.useFakeTimers();
    const limit = timeLimit(500);
    vi.advanceTimersByTime(499);
    expect(limit.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(limit.signal.aborted).toBe(true);
    expect((limit.signal.reason as DOMException).name).toBe('TimeoutError');
    expect((limit.signal.reason as DOMException).message).toContain('500 ms');
  });

  it('never aborts once ended, and leaves no timer behind', () => {
    vi.useFakeTimers();
    const limit = timeLimit(500);
    expect(vi.getTimerCount()).toBe(1);
    limit.end();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(limit.signal.aborted).toBe(false);
  });

  it('a step limit still follows the caller, ended or not', () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const step = stepLimit(caller.signal, 500);
    step.end();
    vi.advanceTimersByTime(10_000);
    expect(step.signal.aborted).toBe(false);
    caller.abort(new Error('scan stopped'));
    expect(step.signal.aborted).toBe(true);
    expect((step.signal.reason as Error).message).toBe('scan stopped');
  });
});
