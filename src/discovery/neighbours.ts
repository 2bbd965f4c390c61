// MAC addresses of hosts in scope from the kernel's neighbour (ARP) table.

import type { Observation } from '../model.js';
import { normaliseMac } from './merge.js';
import { errorText } from '../util/error-text.js';
import type { SourceContext } from './source.js';

/** Reads /proc/net/arp text: "IP address  HW type  Flags  HW address  Mask  Device". */
export function parseArpTable(text: string): Array<{ ip: string; mac: string }> {
  const entries: Array<{ ip: string; mac: string }> = [];
  for (const line of text.split('\n').slice(1)) {
    const [ip, , flags, hw] = line.trim().split(/\s+/);
    if (!ip || !flags || !hw) continue;
    // Flag 0x2 (ATF_COM) marks a completed entry; incomplete ones carry no real MAC.
    if ((Number.parseInt(flags, 16) & 0x2) === 0) continue;
    const mac = normaliseMac(hw);
    if (mac) entries.push({ ip, mac });
  }
  return entries;
}

export async function neighboursSource(ctx: SourceContext): Promise<void> {
  let text: string;
  try {
    text = await ctx.options.readNeighbourTable();
  } catch (error) {
    ctx.problem(`neighbour table not readable (${errorText(error)}): MAC addresses stay unknown`);
    return;
  }
  const inScope = new Set(ctx.scope.hosts);
  for (const { ip, mac } of parseArpTable(text)) {
    if (inScope.has(ip)) ctx.emit({ source: 'neighbours', ip, mac } satisfies Observation);
  }
  for (let i = 0; i < ctx.scope.hosts.length; i++) ctx.hostDone();
}
