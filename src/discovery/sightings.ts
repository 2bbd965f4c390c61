// Which source has seen which host, so one source can ask whether another saw a host it could not
// decide on (the TCP sweep asks before the full sweep of a host that only reset or ignored it).

import type { DiscoverySource } from '../model.js';

interface Waiter {
  asker: DiscoverySource;
  resolve: (seen: boolean) => void;
}

export class Sightings {
  private readonly seen = new Map<string, Set<DiscoverySource>>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly running: Set<DiscoverySource>;

  /** `sources`: the sources that run side by side and may still report a host. */
  constructor(sources: readonly DiscoverySource[], signal: AbortSignal) {
    this.running = new Set(sources);
    // An aborted scan has no more answers coming: nobody waits for them.
    signal.addEventListener('abort', () => this.settle(() => false), { once: true });
  }

  record(ip: string, source: DiscoverySource): void {
    let by = this.seen.get(ip);
    if (!by) this.seen.set(ip, (by = new Set()));
    if (by.has(source)) return;
    by.add(source);
    const waiting = this.waiters.get(ip);
    if (!waiting) return;
    const left = waiting.filter((w) => w.asker === source);
    for (const w of waiting) if (w.asker !== source) w.resolve(true);
    if (left.length > 0) this.waiters.set(ip, left);
    else this.waiters.delete(ip);
  }

  /** A source finished: whoever waits only on finished sources gets its answer (not seen). */
  finished(source: DiscoverySource): void {
    this.running.delete(source);
    this.settle(() => false, (w) => !this.othersRunning(w.asker));
  }

  /** True as soon as a source other than `asker` has seen ip; false once no other source can. */
  seenElsewhere(ip: string, asker: DiscoverySource): Promise<boolean> {
    const by = this.seen.get(ip);
    if (by && [...by].some((s) => s !== asker)) return Promise.resolve(true);
    if (!this.othersRunning(asker)) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiting = this.waiters.get(ip) ?? [];
      waiting.push({ asker, resolve });
      this.waiters.set(ip, waiting);
    });
  }

  private othersRunning(asker: DiscoverySource): boolean {
    for (const source of this.running) if (source !== asker) return true;
    return false;
  }

  /** Answers (with `answer`) every waiter that `due` picks, and forgets it. */
  private settle(answer: (w: Waiter) => boolean, due: (w: Waiter) => boolean = () => true): void {
    for (const [ip, waiting] of this.waiters) {
      const left: Waiter[] = [];
      for (const w of waiting) {
        if (due(w)) w.resolve(answer(w));
        else left.push(w);
      }
      if (left.length > 0) this.waiters.set(ip, left);
      else this.waiters.delete(ip);
    }
  }
}
