import { describe, expect, it } from 'vitest';
import { exitCodeFor, inCi } from '../../src/commands/audit-flow.js';
import { finding, result } from '../history/fixture.js';

describe('exit codes', () => {
  const scan = result([], [finding('plain-http-admin', 'ip-1', 'http:80', 'medium')]);

  it('is 0 without --fail-on, 1 at or above it, 0 below it', () => {
    expect(exitCodeFor(scan, undefined)).toBe(0);
    expect(exitCodeFor(scan, 'medium')).toBe(1);
    expect(exitCodeFor(scan, 'low')).toBe(1);
    expect(exitCodeFor(scan, 'high')).toBe(0);
  });

  it('does not count a finding the user settled', () => {
    const settled = result([], [{ ...finding('missing-mfa', 'ip-1', 'vendor:x', 'medium'), settledBy: 'answer: mfa-enabled' }]);
    expect(exitCodeFor(settled, 'low')).toBe(0);
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
