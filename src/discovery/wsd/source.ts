// The WS-Discovery source: Probes sent unicast to every host's udp/3702, and to the multicast group on
// scope's interfaces only; ProbeMatches kept only from addresses in scope. An XAddr is never fetched.

import { errorText } from '../../util/error-text.js';
import type { SourceContext } from '../source.js';
import { type ProbeKind, WsdReplyCollector } from './collector.js';
import { probeMulticast, probeUnicast } from './probe-hosts.js';

export async function wsdSource(ctx: SourceContext): Promise<void> {
  const { scope, options, signal } = ctx;
  const inScope = new Set(scope.hosts);
  const probeIds = new Map<string, ProbeKind>();
  const unicast = options.wsd.unicast && scope.hosts.length > 0;
  const multicast = options.wsd.multicast && scope.multicastInterfaces.length > 0;
  const collector = new WsdReplyCollector(probeIds, unicast && multicast);
  const remember = (kind: ProbeKind) => (id: string) => probeIds.set(id, kind);
  const collect = (ip: string, datagram: Buffer) => {
    if (inScope.has(ip) && !signal.aborted) collector.add(ip, datagram);
  };
  const searches: Promise<void>[] = [];
  try {
    if (unicast) {
      searches.push(
        probeUnicast(scope.hosts, options.wsd.port, options.wsd.waitMs, signal, remember('unicast'), collect, (ip) => collector.answered(ip)).catch((error) =>
          ctx.problem(`unicast Probe failed: ${errorText(error)}`),
        ),
      );
    }
    if (multicast) {
      for (const iface of scope.multicastInterfaces) {
        searches.push(
          probeMulticast(iface, options.wsd.port, options.multicastListenMs, (ip) => inScope.has(ip), signal, remember('multicast'), collect).catch((error) =>
            ctx.problem(`multicast Probe on ${iface.name} (${iface.address}) failed: ${errorText(error)}`),
          ),
        );
      }
    }
    await Promise.all(searches);
    for (const cutOff of collector.cutOffs()) ctx.problem(cutOff);
    for (const { ip, wsd } of collector.results()) ctx.emit({ source: 'wsd', ip, wsd });
  } finally {
    for (let i = 0; i < scope.hosts.length; i++) ctx.hostDone();
  }
}
