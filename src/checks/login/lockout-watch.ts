// Reads lock-out signs across the attempts on one service: an explicit refusal (429/503, "locked",
// "too many"), answers that slow down sharply, a greeting that changes, or a service that stops
// answering after it worked. Any sign means: stop trying this device.

import type { LoginResult } from '../../protocols/probe/types.js';

/** An answer this many times slower than the first one (and slower than GROWTH_FLOOR_MS) is a sign. */
const DELAY_GROWTH_FACTOR = 4;
const GROWTH_FLOOR_MS = 1500;

export class LockoutWatch {
  /** Per outcome: a refusal is often slowed on purpose (PAM's fail delay) where a success is not. */
  private readonly firstElapsedMs = new Map<string, number>();
  private answeredBefore = false;
  /** Only greetings our own probes saw are compared: discovery may format them differently. */
  private firstBanner: string | undefined;

  /** The lock-out sign this attempt shows, or undefined when it looks normal. */
  signOf(result: LoginResult, elapsedMs: number): string | undefined {
    if (result.outcome === 'locked-out') return result.detail ?? 'the device says it is locked';
    if (result.outcome === 'error') {
      return this.answeredBefore ? `stopped answering after it worked (${result.detail ?? 'error'})` : undefined;
    }
    this.answeredBefore = true;
    if (result.banner !== undefined) {
      if (this.firstBanner === undefined) this.firstBanner = result.banner;
      else if (normalise(result.banner) !== normalise(this.firstBanner)) return `greeting changed to '${result.banner.slice(0, 60)}'`;
    }
    const first = this.firstElapsedMs.get(result.outcome);
    if (first === undefined) {
      this.firstElapsedMs.set(result.outcome, elapsedMs);
      return undefined;
    }
    if (elapsedMs > GROWTH_FLOOR_MS && elapsedMs > first * DELAY_GROWTH_FACTOR) {
      return `answers slowed from ${Math.round(first)} ms to ${Math.round(elapsedMs)} ms`;
    }
    return undefined;
  }
}

function normalise(banner: string): string {
  // Greetings often carry a clock or counter: compare without digits.
  return banner.replace(/\d+/g, '#').trim().toLowerCase();
}
