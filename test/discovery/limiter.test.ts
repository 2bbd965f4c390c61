// The sweep's connection limiter: a cap on work at once, urgent work first, and a cap on starts per
// event-loop turn so a burst of connects cannot starve everything else.

import { describe, expect, it } from 'vitest';
import { Limiter } from '../../src/discovery/tcp/connect.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Limiter', () => {
  it('starts at most perTurn pieces of work in one event-loop turn', async () => {
    const limiter = new Limiter(100, 2);
    const started: number[] = [];
    let turn = 0;
    const counting = (async () => {
      for (; turn < 10; turn++) await nextTurn();
    })();
    await Promise.all(Array.from({ length: 5 }, () => limiter.run(async () => void started.push(turn))));
    await counting;
    const perTurn = new Map<number, number>();
    for (const t of started) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(started).toHaveLength(5);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(2);
  });

  it('never runs more than the limit at once, and lets urgent work go first', async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const normal = limiter.run(async () => void order.push('normal'));
    const urgent = limiter.run(async () => void order.push('urgent'), true);
    await nextTurn();
    expect(order).toEqual([]);
    release();
    await Promise.all([first, normal, urgent]);
    expect(order).toEqual(['urgent', 'normal']);
  });
});
