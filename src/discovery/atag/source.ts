// The `atag` source: listens for ATAG One broadcasts while the other sources run, and sends nothing. It ends
// when they are done (at the latest after windowMs), so it never makes a scan longer; only senders in scope count.

import type { Observation } from '../../model.js';
import { errorText } from '../../util/error-text.js';
import type { SourceContext } from '../source.js';
import { listenForAtag } from './listen.js';

export async function atagSource(ctx: SourceContext): Promise<void> {
  const { port, address, windowMs, maxDatagrams, maxHosts } = ctx.options.atag;
  const othersDone = new AbortController();
  void ctx.othersDone().then((anyRan) => {
    if (anyRan) othersDone.abort();
  });
  const inScope = new Set(ctx.scope.hosts);
  try {
    const result = await listenForAtag({
      port,
      address,
      windowMs,
      maxDatagrams,
      maxHosts,
      signal: AbortSignal.any([ctx.signal, othersDone.signal]),
      keep: (ip) => inScope.has(ip),
    });
    for (const { ip, announcement } of result.heard) ctx.emit({ source: 'atag', ip, announcement } satisfies Observation);
    if (result.capped) {
      ctx.problem(`stopped listening on udp/${port} after ${result.datagrams} datagrams (${result.ignored} not an ATAG announcement in scope): an ATAG One that spoke later was not heard`);
    }
  } catch (error) {
    if (ctx.signal.aborted) return;
    ctx.problem(`${errorText(error)}: ATAG One thermostats announce themselves on that port and were not looked for`);
  } finally {
    for (let i = 0; i < ctx.scope.hosts.length; i++) ctx.hostDone();
  }
}
