// The mDNS source: unicast browse of every host in scope, and multicast browse on scope's interfaces only.

import { browseMulticast } from './multicast.js';
import { browseHostUnicast } from './unicast.js';
import { errorText } from '../../util/error-text.js';
import { mapLimit } from '../../util/limit.js';
import type { SourceContext } from '../source.js';

export async function mdnsSource(ctx: SourceContext): Promise<void> {
  const { scope, options, signal } = ctx;
  const inScope = new Set(scope.hosts);
  const tasks: Promise<unknown>[] = [];

  if (options.mdns.multicast) {
    for (const iface of scope.multicastInterfaces) {
      tasks.push(
        browseMulticast(iface, options.multicastListenMs, (ip) => inScope.has(ip), signal, (hit) => {
          ctx.emit({ source: 'mdns', ip: hit.ip, service: hit.service, ...(hit.hostname ? { hostname: hit.hostname } : {}) });
        }).catch((error) => ctx.problem(`multicast browse on ${iface.name} (${iface.address}) failed: ${errorText(error)}`)),
      );
    }
  }

  if (options.mdns.unicast) {
    tasks.push(
      mapLimit(scope.hosts, options.concurrency, signal, async (ip) => {
        try {
          const { services } = await browseHostUnicast(ip, options.mdns.port, options.mdns.hostTimeoutMs, signal);
          for (const service of services) {
            ctx.emit({ source: 'mdns', ip, service, ...(service.host ? { hostname: service.host } : {}) });
          }
        } finally {
          ctx.hostDone();
        }
      }),
    );
  } else {
    for (let i = 0; i < scope.hosts.length; i++) ctx.hostDone();
  }
  await Promise.all(tasks);
}
