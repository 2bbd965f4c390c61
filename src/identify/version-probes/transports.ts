// The probes' real requests: the same limited undici client discovery uses (answers cut at the cap), IPP
// over it, and SNMP through net-snmp. Values of IPP attributes become text the readers can match.

import { createLimitedAgent, getLimited } from '../../protocols/http/limited-client.js';
import { getPrinterAttributes, type IppValue } from '../../protocols/ipp/index.js';
import { getSnmpObjects } from '../../protocols/snmp/get-objects.js';
import type { ProbeGet, ProbeIpp, ProbeSnmp, ProbeTransports } from './run-probes.js';

/** An IPP value as text: octets that are text as text, binary ones as dotted bytes (PWG 5100.13 versions). */
function ippText(value: IppValue): string {
  if (value.kind === 'text') return value.text;
  if (value.kind === 'integer') return String(value.value);
  return /^[\x20-\x7e]*$/.test(value.bytes.toString('latin1')) ? value.bytes.toString('utf8') : [...value.bytes].join('.');
}

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
      if (first) values.set(name, ippText(first));
    }
    return values;
  };
  const snmp: ProbeSnmp = (target, oids, caps) => getSnmpObjects(target, oids, caps);
  return { get, ipp, snmp, close: () => agent.close() };
}
