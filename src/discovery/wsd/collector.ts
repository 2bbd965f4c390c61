// What WS-Discovery replies a scan keeps: per host at most MAX_ENDPOINTS_PER_HOST endpoints (one per
// EndpointReference, their types, scopes and XAddrs joined), replies to no Probe of ours ignored, and a
// refused reply counted with its first reason, so the report says what was dropped and why.

import type { WsdInfo } from '../../model.js';
import { MAX_SCOPES, MAX_TYPES, MAX_XADDRS, parseProbeMatches, WsdMessageError } from '../../protocols/wsd/index.js';

export const MAX_ENDPOINTS_PER_HOST = 8;

/** How a Probe of this scan went out: to one host's address or to the group. */
export type ProbeKind = 'unicast' | 'multicast';

function joinAnswered(a: WsdInfo['answered'], b: WsdInfo['answered']): WsdInfo['answered'] {
  return a === undefined || a === b ? b : b === undefined ? a : 'both';
}

/** A reply kept as sent must replay as sent: one with a control character (but tab and line breaks) is kept decoded only. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function union(a: readonly string[], b: readonly string[], cap: number): string[] {
  return [...new Set([...a, ...b])].slice(0, cap);
}

export function joinWsd(existing: WsdInfo, next: WsdInfo): WsdInfo {
  const joined: WsdInfo = {
    endpoint: existing.endpoint,
    types: union(existing.types, next.types, MAX_TYPES),
    scopes: union(existing.scopes, next.scopes, MAX_SCOPES),
    xaddrs: union(existing.xaddrs, next.xaddrs, MAX_XADDRS),
  };
  const version = Math.max(existing.metadataVersion ?? -1, next.metadataVersion ?? -1);
  if (version >= 0) joined.metadataVersion = version;
  const answered = joinAnswered(existing.answered, next.answered);
  if (answered !== undefined) joined.answered = answered;
  const sent = existing.sent ?? next.sent;
  if (sent !== undefined) joined.sent = sent;
  return joined;
}

export class WsdReplyCollector {
  private readonly byHost = new Map<string, Map<string, WsdInfo>>();
  private readonly refused = new Map<string, { count: number; reason: string }>();
  private readonly overCap = new Map<string, number>();
  private readonly unrelated = new Map<string, number>();

  /**
   * probeIds: the MessageIDs of the Probes this scan sent and how each went out; a reply relating to another
   * message is not ours. bothKinds: unicast and multicast Probes both went out, so which one a device
   * answered says how it answers (a device heard only one way says nothing of the other).
   */
  constructor(
    private readonly probeIds: ReadonlyMap<string, ProbeKind>,
    private readonly bothKinds = false,
  ) {}

  add(ip: string, datagram: Buffer): void {
    let reply;
    try {
      reply = parseProbeMatches(datagram);
    } catch (error) {
      if (!(error instanceof WsdMessageError)) throw error;
      const seen = this.refused.get(ip);
      this.refused.set(ip, { count: (seen?.count ?? 0) + 1, reason: seen?.reason ?? error.message });
      return;
    }
    const kind = reply.relatesTo === undefined ? undefined : this.probeIds.get(reply.relatesTo);
    if (reply.relatesTo !== undefined && kind === undefined) {
      this.unrelated.set(ip, (this.unrelated.get(ip) ?? 0) + 1);
      return;
    }
    const answered = this.bothKinds ? kind : undefined;
    let endpoints = this.byHost.get(ip);
    if (!endpoints) {
      endpoints = new Map();
      this.byHost.set(ip, endpoints);
    }
    const text = datagram.toString('utf8');
    const sent = CONTROL.test(text) ? undefined : text;
    for (const parsed of reply.matches) {
      const match: WsdInfo = answered !== undefined ? { ...parsed, answered } : parsed;
      const known = endpoints.get(match.endpoint);
      if (known) endpoints.set(match.endpoint, joinWsd(known, match));
      else if (endpoints.size < MAX_ENDPOINTS_PER_HOST) endpoints.set(match.endpoint, reply.matches.length === 1 && sent !== undefined ? { ...match, sent } : match);
      else this.overCap.set(ip, (this.overCap.get(ip) ?? 0) + 1);
    }
  }

  answered(ip: string): boolean {
    return this.byHost.has(ip);
  }

  results(): Array<{ ip: string; wsd: WsdInfo }> {
    return [...this.byHost].flatMap(([ip, endpoints]) => [...endpoints.values()].map((wsd) => ({ ip, wsd })));
  }

  /** One line per host whose replies were refused, capped or unrelated: what the report says was left out. */
  cutOffs(): string[] {
    const lines: string[] = [];
    for (const [ip, { count, reason }] of this.refused) lines.push(`${ip}: ${count} WS-Discovery ${count === 1 ? 'reply' : 'replies'} refused (${reason})`);
    for (const [ip, count] of this.overCap) lines.push(`${ip}: ${count} WS-Discovery endpoints past the cap of ${MAX_ENDPOINTS_PER_HOST} per host ignored`);
    for (const [ip, count] of this.unrelated) lines.push(`${ip}: ${count} WS-Discovery ${count === 1 ? 'reply' : 'replies'} to no Probe of this scan ignored`);
    return lines;
  }
}
