// What a discovery run may do and how long it may wait: per-source switches, timeouts, concurrency, ports.

import type { DiscoverySource } from '../model.js';
import { MDNS_PORT } from '../protocols/mdns/constants.js';
import { SSDP_PORT } from '../protocols/ssdp/constants.js';
import { WSD_PORT } from '../protocols/wsd/constants.js';
import { SWEEP_PORTS, type SweepPort } from './ports.js';
import { ATAG_ANNOUNCE_PORT } from '../protocols/atag/announce.js';
import { MAX_FETCHES_PER_SCAN } from './ssdp/reply-caps.js';

export interface DiscoverOptions {
  /** Which sources run; all by default. */
  sources: Record<DiscoverySource, boolean>;
  /** mDNS: the multicast browse (bonjour-service) and the unicast browse of every host. */
  mdns: { multicast: boolean; unicast: boolean; port: number; hostTimeoutMs: number };
  /** SSDP: multicast search (node-ssdp) and unicast M-SEARCH to every host; how long replies are awaited; maxFetches: descriptions per scan. */
  ssdp: { multicast: boolean; unicast: boolean; port: number; waitMs: number; fetchTimeoutMs: number; maxDescriptionBytes: number; maxFetches: number };
  snmp: { port: number; community: string; timeoutMs: number };
  /** WS-Discovery: Probes to the multicast group and to every host's udp/3702; how long ProbeMatches are awaited. */
  wsd: { multicast: boolean; unicast: boolean; port: number; waitMs: number };
  /** httpAnswerTimeoutMs: how long an open web port may stay silent before it is taken for another protocol. */
  /**
   * connectTimeoutMs is the first and least connect time-out; it grows with a slow host's round trips up to
   * maxConnectTimeoutMs, and a silence on a host that answered elsewhere is asked again connectRetries times.
   */
  tcp: { ports: SweepPort[]; connectTimeoutMs: number; maxConnectTimeoutMs: number; connectRetries: number; bannerTimeoutMs: number; httpTimeoutMs: number; httpAnswerTimeoutMs: number; maxConnections: number };
  /** ATAG One broadcasts: where to listen, the longest window (it ends with the other sources), and its caps. */
  atag: { port: number; address: string; windowMs: number; maxDatagrams: number; maxHosts: number };
  /** How long the multicast browses listen, per interface. */
  multicastListenMs: number;
  /** Hosts probed side by side by one source. */
  concurrency: number;
  /** Where the neighbour table is read from (injectable for tests and other systems). */
  readNeighbourTable: () => Promise<string>;
  /** MAC → vendor, injected by the audit (identification owns the OUI registry; without it identify looks up the MAC itself). */
  lookupOui?: (mac: string) => string | null;
}

export type DiscoverOptionsInput = Partial<Omit<DiscoverOptions, 'sources' | 'mdns' | 'ssdp' | 'snmp' | 'tcp' | 'atag' | 'wsd'>> & {
  sources?: Partial<DiscoverOptions['sources']>;
  mdns?: Partial<DiscoverOptions['mdns']>;
  ssdp?: Partial<DiscoverOptions['ssdp']>;
  snmp?: Partial<DiscoverOptions['snmp']>;
  wsd?: Partial<DiscoverOptions['wsd']>;
  tcp?: Partial<DiscoverOptions['tcp']>;
  atag?: Partial<DiscoverOptions['atag']>;
};

async function readProcArp(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile('/proc/net/arp', 'utf8');
}

export function defaultDiscoverOptions(): DiscoverOptions {
  return {
    sources: { mdns: true, ssdp: true, snmp: true, tcp: true, atag: true, neighbours: true, wsd: true },
    mdns: { multicast: true, unicast: true, port: MDNS_PORT, hostTimeoutMs: 800 },
    ssdp: { multicast: true, unicast: true, port: SSDP_PORT, waitMs: 1200, fetchTimeoutMs: 2500, maxDescriptionBytes: 256 * 1024, maxFetches: MAX_FETCHES_PER_SCAN },
    snmp: { port: 161, community: 'public', timeoutMs: 800 },
    wsd: { multicast: true, unicast: true, port: WSD_PORT, waitMs: 1200 },
    tcp: { ports: SWEEP_PORTS, connectTimeoutMs: 700, maxConnectTimeoutMs: 3000, connectRetries: 1, bannerTimeoutMs: 1200, httpTimeoutMs: 2500, httpAnswerTimeoutMs: 1500, maxConnections: 512 },
    // 0.0.0.0 receives the broadcasts; the window ends with the other sources, 10 s only bounds a listener alone.
    atag: { port: ATAG_ANNOUNCE_PORT, address: '0.0.0.0', windowMs: 10_000, maxDatagrams: 256, maxHosts: 64 },
    multicastListenMs: 2500,
    // A whole /24 at once: waits for absent hosts overlap instead of queueing (sockets: see docs/benchmarks.md).
    concurrency: 256,
    readNeighbourTable: readProcArp,
  };
}

export function withDefaults(input: DiscoverOptionsInput = {}): DiscoverOptions {
  const base = defaultDiscoverOptions();
  return {
    ...base,
    ...input,
    sources: { ...base.sources, ...input.sources },
    mdns: { ...base.mdns, ...input.mdns },
    ssdp: { ...base.ssdp, ...input.ssdp },
    snmp: { ...base.snmp, ...input.snmp },
    wsd: { ...base.wsd, ...input.wsd },
    tcp: { ...base.tcp, ...input.tcp },
    atag: { ...base.atag, ...input.atag },
  };
}
