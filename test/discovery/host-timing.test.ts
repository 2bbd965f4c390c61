import { describe, expect, it } from 'vitest';
import { HostTiming } from '../../src/discovery/tcp/host-timing.js';

const limits = { connectTimeoutMs: 700, maxConnectTimeoutMs: 3000 };

describe('per-host connect time-outs', () => {
  it('starts at the configured time-out and never goes below it on a fast host', () => {
    const timing = new HostTiming(limits);
    expect(timing.timeoutMs()).toBe(700);
    for (let i = 0; i < 20; i++) timing.sample(1);
    expect(timing.timeoutMs()).toBe(700);
  });

  it('grows with a slow host up to the cap', () => {
    const timing = new HostTiming(limits);
    timing.sample(200); // estimate 200 + 4 × 100 ms, time-out twice that
    expect(timing.timeoutMs()).toBe(1200);
    for (let i = 0; i < 5; i++) timing.sample(2500);
    expect(timing.timeoutMs()).toBe(3000);
  });

  it('calls a silence ambiguous only on a host that answered, unless the wait was many round trips long', () => {
    const timing = new HostTiming(limits);
    expect(timing.isAmbiguous(700, undefined)).toBe(false); // nothing answered: an absent host, not asked again
    timing.sample(2);
    expect(timing.isAmbiguous(700, undefined)).toBe(true); // the first round had no estimate to go by
    expect(timing.isAmbiguous(700, timing.estimateMs)).toBe(false); // 700 ms against a 2 ms host: filtered
    timing.sample(400);
    expect(timing.isAmbiguous(700, timing.estimateMs)).toBe(true);
    expect(timing.retryTimeoutMs(700)).toBeGreaterThan(700);
  });

  it('keeps the configured time-out and never asks twice on loopback, where nothing is lost', () => {
    const timing = new HostTiming(limits, true);
    timing.sample(900);
    expect(timing.timeoutMs()).toBe(700);
    expect(timing.isAmbiguous(700, undefined)).toBe(false);
  });
});
