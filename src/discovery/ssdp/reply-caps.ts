// Bounds on what SSDP replies may make us hold and fetch: a responder that floods thousands of replies,
// each with another LOCATION, keeps a few and costs a few fetches; what was ignored is counted and said.

import type { SsdpReply } from '../../protocols/ssdp/reply.js';

/** Distinct devices (LOCATION, or USN without one) kept per host: real hosts announce one to four. */
export const MAX_LOCATIONS_PER_HOST = 8;
/** Replies kept per host (a device repeats itself once per type it offers). */
export const MAX_REPLIES_PER_HOST = 64;
/** Description fetches in one scan: a /22 of devices with one description each. */
export const MAX_FETCHES_PER_SCAN = 1024;

export const replyKey = (reply: SsdpReply): string => `${reply.ip} ${reply.location ?? reply.usn ?? ''}`;

interface HostReplies {
  replies: SsdpReply[];
  keys: Set<string>;
  ignored: number;
}

export class SsdpReplyCollector {
  private readonly hosts = new Map<string, HostReplies>();

  add(reply: SsdpReply): void {
    let host = this.hosts.get(reply.ip);
    if (!host) {
      host = { replies: [], keys: new Set(), ignored: 0 };
      this.hosts.set(reply.ip, host);
    }
    const key = replyKey(reply);
    const newDevice = !host.keys.has(key);
    if (host.replies.length >= MAX_REPLIES_PER_HOST || (newDevice && host.keys.size >= MAX_LOCATIONS_PER_HOST)) {
      host.ignored += 1; // counted, not kept: a flood costs no memory
      return;
    }
    host.keys.add(key);
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
