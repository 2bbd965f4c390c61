// The probes' real requests: the same limited undici client discovery uses (answers cut at the cap), IPP
// over it, and SNMP through net-snmp. Values of IPP attributes become text the readers can match.

import { createLimitedAgent, getLimited } from '../../protocols/http/limited-client.js';
import { getPrinterAttributes, ippValueText } from '../../protocols/ipp/index.js';
import { getSnmpObjects } from '../../protocols/snmp/get-objects.js';
import type { ProbeGet, ProbeIpp, ProbeSnmp, ProbeTransports } from './run-probes.js';

export function createProbeTransports(timeoutMs: number): ProbeTransports & { close: () => Promise<void> } {
  const agent = createLimitedAgent(timeoutMs);
  const get: ProbeGet = async (url, caps) => {
    const answer = await getLimited(url, agent, { timeoutMs: caps.timeoutMs, maxBytes: caps.maxBytes, onOverflow: 'truncate', signal: caps.signal, ...(caps.headers ? { headers: caps.headers } : {}) });
    return { status: answer.status, body: answer.body, headers: answer.headers };
  };
  const ipp: ProbeIpp = async (url, attributes, caps) => {
    const answer = await getPrinterAttributes(url, attributes, { agent, ...caps });
    const values = new Map<string, string>();
    for (const name of attributes) {
      const first = answer.attributes.get(name)?.[0];
      if (first) values.set(name, ippValueText(first));
    }
    return values;
  };
  const snmp: ProbeSnmp = (target, oids, caps) => getSnmpObjects(target, oids, caps);
  return { get, ipp, snmp, close: () => agent.close() };
}
