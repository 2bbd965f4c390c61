import { describe, expect, it } from 'vitest';
import { LockoutWatch } from '../../../src/checks/login/lockout-watch.js';

describe('LockoutWatch', () => {
  it('compares a refusal with the first refusal, not with a quick success (PAM slows every refusal)', () => {
    const watch = new LockoutWatch();
    expect(watch.signOf({ outcome: 'success', proof: 'shell prompt' }, 40)).toBeUndefined();
    expect(watch.signOf({ outcome: 'denied' }, 2100)).toBeUndefined();
    expect(watch.signOf({ outcome: 'denied' }, 2300)).toBeUndefined();
    expect(watch.signOf({ outcome: 'denied' }, 9000)).toBe('answers slowed from 2100 ms to 9000 ms');
  });

  it('reads a locked answer and a service that stops answering after it worked as signs', () => {
    const watch = new LockoutWatch();
    expect(watch.signOf({ outcome: 'error', detail: 'refused' }, 5)).toBeUndefined();
    expect(watch.signOf({ outcome: 'denied' }, 30)).toBeUndefined();
    expect(watch.signOf({ outcome: 'error', detail: 'ECONNREFUSED' }, 5)).toBe('stopped answering after it worked (ECONNREFUSED)');
    expect(new LockoutWatch().signOf({ outcome: 'locked-out', detail: 'HTTP 429' }, 5)).toBe('HTTP 429');
  });
});
