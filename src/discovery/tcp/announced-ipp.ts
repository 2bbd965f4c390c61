// A printer that announces IPP over TLS (`_ipps._tcp`) or IPP (`_ipp._tcp`) on a port the sweep talked to as
// a web port (443, 8443, …) is asked once for its make and model there, with the scheme the port answered:
// the sweep alone cannot know the port is a printer's, since the mDNS answer comes side by side with it.
// Pure planning (printerReads) plus one bounded read per port (readAnnouncedPrinters).

import type { HostFacts, PortInfo } from '../../model.js';
import { createLimitedAgent } from '../../protocols/http/limited-client.js';
import { mapLimit } from '../../util/limit.js';
import type { SourceContext } from '../source.js';
import { announcedPrinterPath, probeIpp } from './ipp-probe.js';

export interface PrinterRead {
  ip: string;
  port: PortInfo;
  tls: boolean;
  path?: string;
  announcedBy: string;
}

const PRINTER_TYPES: Record<string, boolean> = { '_ipps._tcp': true, '_ipp._tcp': false };
/** A printer announces one or two IPP ports; a host claiming dozens costs four reads, not dozens. */
export const MAX_PRINTER_READS_PER_HOST = 4;

/**
 * Ports an IPP(S) record names that answered HTTP with the announced scheme and hold no IPP answer yet. An
 * `_ipps._tcp` port that answered plain HTTP is not read over TLS: the device's own answer wins over its record.
 */
export function printerReads(hosts: readonly HostFacts[]): PrinterRead[] {
  const reads: PrinterRead[] = [];
  for (const facts of hosts) {
    const planned = new Set<number>();
    for (const service of facts.mdns) {
      const tls = PRINTER_TYPES[service.type.toLowerCase()];
      if (tls === undefined || planned.has(service.port) || planned.size >= MAX_PRINTER_READS_PER_HOST) continue;
      const port = facts.ports.find((p) => p.transport === 'tcp' && p.port === service.port);
      if (!port || port.ipp || !port.http || (port.tls === true) !== tls) continue;
      planned.add(service.port);
      const path = announcedPrinterPath(service.txt.rp);
      reads.push({ ip: facts.ip, port, tls, ...(path ? { path } : {}), announcedBy: `mDNS ${service.type} SRV port ${service.port}` });
    }
  }
  return reads;
}

/** Each planned read once (bounded like the sweep's: 2.5 s, 64 KiB, two paths at most); an answer is emitted as the port with its `ipp`. */
export async function readAnnouncedPrinters(ctx: SourceContext, hosts: readonly HostFacts[]): Promise<void> {
  const reads = printerReads(hosts);
  if (reads.length === 0) return;
  const agent = createLimitedAgent(ctx.options.tcp.httpTimeoutMs);
  try {
    await mapLimit(reads, ctx.options.concurrency, ctx.signal, async (read) => {
      const ipp = await probeIpp(read.ip, read.port.port, agent, ctx.options.tcp.httpTimeoutMs, ctx.signal, read.tls, read.path);
      if (ipp) ctx.emit({ source: 'tcp', ip: read.ip, port: { ...read.port, ipp } });
    });
  } finally {
    await agent.close().catch(() => {});
  }
}
