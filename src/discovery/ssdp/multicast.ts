// Multicast M-SEARCH with node-ssdp on one interface, bound to its address so queries leave only there.

import { createRequire } from 'node:module';
import type { MulticastInterface } from '../../model.js';
import { wait } from '../../util/wait.js';
import { headersToReply, parseSsdpReply, type SsdpReply } from '../../protocols/ssdp/reply.js';

interface SsdpClient {
  on(event: 'response', listener: (headers: Record<string, unknown>, status: number, rinfo: { address: string }) => void): void;
  search(st: string): unknown;
  stop(): void;
}
type SsdpClientConstructor = new (options: Record<string, unknown>) => SsdpClient;

const require = createRequire(import.meta.url);

export async function searchMulticast(
  iface: MulticastInterface,
  listenMs: number,
  inScope: (ip: string) => boolean,
  signal: AbortSignal,
  onReply: (reply: SsdpReply) => void,
): Promise<void> {
  const { Client } = require('node-ssdp') as { Client: SsdpClientConstructor };
  const client = new Client({
    interfaces: [iface.name],
    // Bound to the interface address, the kernel sends the group traffic out of that interface only.
    explicitSocketBind: true,
    // TTL 1: SSDP stays on the link, never routed beyond it.
    ssdpTtl: 1,
    customLogger: () => {},
  });
  // node-ssdp hands on headers only as a case-folded object; its parser is given the message itself (node-ssdp
  // 4.0.1, lib/index.js _parseResponse) so a reply keeps its header block as sent, as unicast replies do.
  const parser = client as unknown as { _parseResponse?: (message: string, rinfo: { address: string }) => void };
  if (typeof parser._parseResponse === 'function') {
    parser._parseResponse = (message, rinfo) => {
      if (!inScope(rinfo.address)) return;
      const reply = parseSsdpReply(rinfo.address, Buffer.from(message, 'utf8'));
      if (reply) onReply(reply);
    };
  } else {
    client.on('response', (headers, status, rinfo) => {
      if (status === 200 && inScope(rinfo.address)) onReply(headersToReply(rinfo.address, headers));
    });
  }
  try {
    await client.search('ssdp:all');
    await wait(listenMs, signal);
  } finally {
    client.stop();
  }
}
