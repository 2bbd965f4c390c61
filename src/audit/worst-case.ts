// The documented worst case of a scan: what no device can stretch, computed from the same limits the
// readers use, so the README, docs/discovery.md and the hostile suite quote one figure.

import { withDefaults, type DiscoverOptionsInput } from '../discovery/options.js';
import { DEVICE_CHECK_BUDGET_MS, DEVICES_AT_ONCE } from '../checks/run-checks.js';
import { MAX_SNMP_RETRY_WAIT_MS } from '../discovery/snmp.js';

export interface WorstCase {
  discoveryMs: number;
  checksMs: number;
  totalMs: number;
}

/** Worst case for `hosts` addresses where every one is a device that uses every limit to the full. */
export function worstCaseMs(hosts: number, input: DiscoverOptionsInput = {}, deviceBudgetMs = DEVICE_CHECK_BUDGET_MS): WorstCase {
  const o = withDefaults(input);
  const mdns = 4 * o.mdns.hostTimeoutMs; // four rounds of questions
  const ssdp = Math.max(o.ssdp.waitMs, o.multicastListenMs) + o.ssdp.fetchTimeoutMs;
  const connect = (1 + 1 + o.tcp.connectRetries) * o.tcp.maxConnectTimeoutMs; // liveness, the rest, the retries
  const tcp = connect + Math.max(2 * o.tcp.httpTimeoutMs, o.tcp.bannerTimeoutMs); // a page tried with and without TLS
  const snmp = 2 * o.snmp.timeoutMs + MAX_SNMP_RETRY_WAIT_MS; // the first wait, another source's word, the second try
  const wsd = Math.max(o.wsd.waitMs, o.multicastListenMs); // one listening window, unicast and multicast side by side
  const waves = Math.ceil(hosts / o.concurrency);
  const discoveryMs = waves * Math.max(mdns, ssdp, snmp, tcp, wsd);
  const checksMs = Math.ceil(hosts / DEVICES_AT_ONCE) * deviceBudgetMs;
  return { discoveryMs, checksMs, totalMs: discoveryMs + checksMs };
}
