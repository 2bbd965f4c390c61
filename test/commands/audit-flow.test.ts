import { describe, expect, it } from 'vitest';
import { exitCodeFor, inCi } from '../../src/commands/audit-flow.js';
import { EXIT, StoppedBySignal } from '../../src/commands/exit-codes.js';
import { device, finding, result } from '../history/fixture.js';

describe('exit codes', () => {
  const plug = device('ip-1', '127.77.0.1', 'plug', 'TP-Link');
  const scan = result([plug], [finding('plain-http-admin', 'ip-1', 'http:80', 'medium')]);

  it('is 0 without --fail-on, 1 at or above it, 0 below it', () => {
    expect(exitCodeFor(scan, undefined)).toBe(0);
    expect(exitCodeFor(scan, 'medium')).toBe(1);
    expect(exitCodeFor(scan, 'low')).toBe(1);
    expect(exitCodeFor(scan, 'high')).toBe(0);
  });

  it('does not count a finding the user settled', () => {
    const settled = result([plug], [{ ...finding('missing-mfa', 'ip-1', 'vendor:x', 'medium'), settledBy: 'answer: mfa-enabled' }]);
    expect(exitCodeFor(settled, 'low')).toBe(0);
  });

  it('is 3 when nothing answered: never an all-clear', () => {
    expect(exitCodeFor(result([], []), undefined)).toBe(EXIT.nothingAnswered);
    expect(EXIT.nothingAnswered).toBe(3);
  });

  it('is 130 for Ctrl-C and 143 for SIGTERM, before any findings count', () => {
    const stopped = { ...scan, aborted: true };
    const interrupted = new AbortController();
    interrupted.abort(new StoppedBySignal('SIGINT'));
    const terminated = new AbortController();
    terminated.abort(new StoppedBySignal('SIGTERM'));
    expect(exitCodeFor(stopped, 'critical', interrupted.signal)).toBe(130);
    expect(exitCodeFor(stopped, 'critical', terminated.signal)).toBe(143);
    // The dashboard's own stop (raw-mode Ctrl-C) aborts with no signal reason: 130 as well.
    expect(exitCodeFor(stopped, undefined, new AbortController().signal)).toBe(130);
    expect(exitCodeFor({ ...result([], []), aborted: true }, undefined)).toBe(130);
  });
});

describe('CI detection (no dashboard there: Ink would draw only the last frame)', () => {
  it('follows CI and CONTINUOUS_INTEGRATION unless they say 0 or false', () => {
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '0', CONTINUOUS_INTEGRATION: 'yes' })).toBe(true);
  });
});
