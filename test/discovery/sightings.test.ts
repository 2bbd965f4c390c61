// Sightings: one source asks whether another saw a host; the answer comes as soon as it is known.

import { describe, expect, it } from 'vitest';
import { Sightings } from '../../src/discovery/sightings.js';

const settledValue = async (promise: Promise<boolean>): Promise<boolean | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);

describe('Sightings', () => {
  it('answers true at once for a host another source has already seen', async () => {
    const sightings = new Sightings(['mdns', 'tcp'], new AbortController().signal);
    sightings.record('10.0.0.5', 'mdns');
    expect(await sightings.seenElsewhere('10.0.0.5', 'tcp')).toBe(true);
  });

  it('does not count the asking source itself', async () => {
    const sightings = new Sightings(['mdns', 'tcp'], new AbortController().signal);
    sightings.record('10.0.0.5', 'tcp');
    const answer = sightings.seenElsewhere('10.0.0.5', 'tcp');
    expect(await settledValue(answer)).toBe('pending');
    sightings.finished('mdns');
    expect(await answer).toBe(false);
  });

  it('answers true when another source sees the host later, false for the rest once the others finish', async () => {
    const sightings = new Sightings(['mdns', 'snmp', 'tcp'], new AbortController().signal);
    const later = sightings.seenElsewhere('10.0.0.7', 'tcp');
    const never = sightings.seenElsewhere('10.0.0.8', 'tcp');
    sightings.record('10.0.0.7', 'snmp');
    expect(await later).toBe(true);
    sightings.finished('mdns');
    expect(await settledValue(never)).toBe('pending');
    sightings.finished('snmp');
    expect(await never).toBe(false);
  });

  it('answers false at once when no other source runs, and false to every waiter on abort', async () => {
    expect(await new Sightings(['tcp'], new AbortController().signal).seenElsewhere('10.0.0.9', 'tcp')).toBe(false);
    const controller = new AbortController();
    const sightings = new Sightings(['mdns', 'tcp'], controller.signal);
    const answer = sightings.seenElsewhere('10.0.0.9', 'tcp');
    controller.abort();
    expect(await answer).toBe(false);
  });
});
