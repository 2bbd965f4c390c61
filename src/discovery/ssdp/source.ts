// The SSDP source: unicast M-SEARCH to every host, multicast search on scope's interfaces only; then
// each distinct LOCATION's description is fetched from the device that announced it.

import type { SsdpInfo } from '../../model.js';
import { createLimitedAgent } from '../../protocols/http/limited-client.js';
import { errorText } from '../../util/error-text.js';
import { mapLimit } from '../../util/limit.js';
import type { SourceContext } from '../source.js';
import { fetchDescription } from './description.js';
import type { SsdpReply } from '../../protocols/ssdp/reply.js';
import { SsdpReplyCollector, addHeaderBlock, replyKey } from './reply-caps.js';
import { searchMulticast } from './multicast.js';
import { searchUnicast } from './unicast.js';

/** One record per (host, LOCATION): the replies of one device, with every type it named. */
export function groupReplies(replies: readonly SsdpReply[]): Array<{ ip: string; info: SsdpInfo }> {
  const groups = new Map<string, { ip: string; info: SsdpInfo }>();
  for (const reply of replies) {
    const key = replyKey(reply);
    let group = groups.get(key);
    if (!group) {
      group = { ip: reply.ip, info: { types: [] } };
      groups.set(key, group);
    }
    const info = group.info;
    info.st ??= reply.st;
    info.usn ??= reply.usn;
    info.server ??= reply.server;
    info.location ??= reply.location;
    if (reply.st && !info.types.includes(reply.st) && info.types.length < 64) info.types.push(reply.st);
    if (reply.headers) addHeaderBlock(info, reply.headers);
  }
  for (const { info } of groups.values()) {
    for (const key of ['st', 'usn', 'server', 'location'] as const) if (info[key] === undefined) delete info[key];
  }
  return [...groups.values()];
}

export async function ssdpSource(ctx: SourceContext): Promise<void> {
  const { scope, options, signal } = ctx;
  const inScope = new Set(scope.hosts);
  const collector = new SsdpReplyCollector();
  const collect = (reply: SsdpReply) => {
    if (inScope.has(reply.ip)) collector.add(reply);
  };

  const searches: Promise<void>[] = [];
  if (options.ssdp.unicast && scope.hosts.length > 0) {
    searches.push(
      searchUnicast(scope.hosts, options.ssdp.port, options.ssdp.waitMs, signal, collect).catch((error) =>
        ctx.problem(`unicast M-SEARCH failed: ${errorText(error)}`),
      ),
    );
  }
  if (options.ssdp.multicast) {
    for (const iface of scope.multicastInterfaces) {
      searches.push(
        searchMulticast(iface, options.multicastListenMs, (ip) => inScope.has(ip), signal, collect).catch((error) =>
          ctx.problem(`multicast M-SEARCH on ${iface.name} (${iface.address}) failed: ${errorText(error)}`),
        ),
      );
    }
  }
  await Promise.all(searches);
  for (const cutOff of collector.cutOffs()) ctx.problem(cutOff);

  const groups = groupReplies(collector.replies());
  let notFetched = 0;
  const agent = createLimitedAgent(options.ssdp.fetchTimeoutMs, options.ssdp.maxDescriptionBytes);
  const fetched = new Map<string, Promise<Pick<SsdpInfo, 'description' | 'descriptionError'>>>();
  try {
    await mapLimit(groups, options.concurrency, signal, async ({ ip, info }) => {
      if (info.location) {
        const key = `${ip} ${info.location}`;
        if (!fetched.has(key) && fetched.size >= options.ssdp.maxFetches) {
          notFetched += 1;
          info.descriptionError = `not fetched: the scan's cap of ${options.ssdp.maxFetches} description fetches was reached`;
        } else if (!fetched.has(key)) {
          fetched.set(
            key,
            fetchDescription(info.location, ip, agent, { timeoutMs: options.ssdp.fetchTimeoutMs, maxBytes: options.ssdp.maxDescriptionBytes }, signal).then(
              (outcome) => {
                if (outcome.cutOff) ctx.problem(`${ip}: ${outcome.error}`);
                return outcome.description ? { description: outcome.description } : { descriptionError: outcome.error ?? 'unknown error' };
              },
            ),
          );
        }
        const outcome = fetched.get(key);
        if (outcome) Object.assign(info, await outcome);
      }
      ctx.emit({ source: 'ssdp', ip, ssdp: info });
    });
    if (notFetched > 0) ctx.problem(`${notFetched} UPnP descriptions not fetched: the scan's cap of ${options.ssdp.maxFetches} fetches was reached`);
  } finally {
    await agent.close().catch(() => {});
    for (let i = 0; i < scope.hosts.length; i++) ctx.hostDone();
  }
}
