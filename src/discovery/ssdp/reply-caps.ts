// Bounds on what SSDP replies may make us hold and fetch: a responder that floods thousands of replies,
// each with another LOCATION, keeps a few and costs a few fetches; what was ignored is counted and said.

import type { SsdpHeader, SsdpInfo } from '../../model.js';
import type { SsdpReply } from '../../protocols/ssdp/reply.js';

/** Distinct devices (LOCATION, or USN without one) kept per host: real hosts announce one to four. */
export const MAX_LOCATIONS_PER_HOST = 8;
/** Replies kept per host (a device repeats itself once per type it offers). */
export const MAX_REPLIES_PER_HOST = 64;
/** Description fetches in one scan: a /22 of devices with one description each. */
export const MAX_FETCHES_PER_SCAN = 1024;
/**
 * Bytes of header blocks as sent (kept for recordings) per host: a FRITZ!Box answering ssdp:all sends about
 * 30 replies of 350 bytes. Past it a reply is kept decoded only, so a flood costs at most this much.
 */
export const MAX_HEADER_BYTES_PER_HOST = 32 * 1024;

export const replyKey = (reply: SsdpReply): string => `${reply.ip} ${reply.location ?? reply.usn ?? ''}`;

interface HostReplies {
  replies: SsdpReply[];
  keys: Set<string>;
  ignored: number;
  headerBytes: number;
}

const blockBytes = (reply: SsdpReply): number => (reply.headers ?? []).reduce((sum, h) => sum + h.name.length + h.value.length + 4, 0);

export class SsdpReplyCollector {
  private readonly hosts = new Map<string, HostReplies>();

  add(reply: SsdpReply): void {
    let host = this.hosts.get(reply.ip);
    if (!host) {
      host = { replies: [], keys: new Set(), ignored: 0, headerBytes: 0 };
      this.hosts.set(reply.ip, host);
    }
    const key = replyKey(reply);
    const newDevice = !host.keys.has(key);
    if (host.replies.length >= MAX_REPLIES_PER_HOST || (newDevice && host.keys.size >= MAX_LOCATIONS_PER_HOST)) {
      host.ignored += 1; // counted, not kept: a flood costs no memory
      return;
    }
    host.keys.add(key);
    const bytes = blockBytes(reply);
    if (reply.headers && host.headerBytes + bytes > MAX_HEADER_BYTES_PER_HOST) {
      const { headers: _dropped, ...decoded } = reply;
      host.replies.push(decoded);
      return;
    }
    host.headerBytes += bytes;
    host.replies.push(reply);
  }

  replies(): SsdpReply[] {
    return [...this.hosts.values()].flatMap((host) => host.replies);
  }

  /** One sentence per host whose replies were cut, naming the host and what was kept. */
  cutOffs(): string[] {
    const said: string[] = [];
    for (const [ip, host] of this.hosts) {
      if (host.ignored === 0) continue;
      said.push(
        `${ip}: SSDP replies cut off: ${host.ignored} more replies ignored after ${host.replies.length} kept ` +
          `(at most ${MAX_LOCATIONS_PER_HOST} LOCATIONs and ${MAX_REPLIES_PER_HOST} replies per host)`,
      );
    }
    return said;
  }
}

/** A reply the device repeated (multicast and unicast, or the second search) is kept once: same ST and USN. */
export function addHeaderBlock(info: SsdpInfo, block: SsdpHeader[]): void {
  const key = blockKey(block);
  const blocks = (info.headerBlocks ??= []);
  if (!blocks.some((other) => blockKey(other) === key)) blocks.push(block);
}

const headerValue = (block: readonly SsdpHeader[], name: string): string | undefined => block.find((h) => h.name.toLowerCase() === name)?.value;
const blockKey = (block: readonly SsdpHeader[]): string => `${headerValue(block, 'st') ?? headerValue(block, 'nt') ?? ''}\n${headerValue(block, 'usn') ?? ''}`;
