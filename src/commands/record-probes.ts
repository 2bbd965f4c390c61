// `scan --record`: the version probes' GET, IPP and SNMP requests, each keeping what it read, so the
// recorded fleet serves those pages, IPP attributes and SNMP objects again.

import { createProbeTransports, DEFAULT_VERSION_PROBE_CAPS, type ProbeGet, type ProbeTransports } from '../identify/version-probes/index.js';
import { snmpRecordKey, type RecordedPages } from '../mocks/record/from-scan.js';

export interface ProbeRecorder {
  /** The GET, the IPP and the SNMP request, each keeping what it read. */
  transports: Pick<ProbeTransports, 'get' | 'ipp' | 'snmp'>;
  pages: RecordedPages;
  close(): Promise<void>;
}

export function startProbeRecorder(): ProbeRecorder {
  const pages: RecordedPages = new Map();
  const client = createProbeTransports(DEFAULT_VERSION_PROBE_CAPS.timeoutMs);
  const probeGet: ProbeGet = async (url, caps) => {
    const answer = await client.get(url, caps);
    pages.set(url, { status: answer.status, body: answer.body.toString('utf8') });
    return answer;
  };
  const ipp: NonNullable<ProbeTransports['ipp']> = async (url, attributes, caps) => {
    const values = client.ipp ? await client.ipp(url, attributes, caps) : new Map<string, string>();
    pages.set(url, { ippAttributes: Object.fromEntries(values) });
    return values;
  };
  const snmp: NonNullable<ProbeTransports['snmp']> = async (target, oids, caps) => {
    const values = client.snmp ? await client.snmp(target, oids, caps) : new Map<string, string>();
    pages.set(snmpRecordKey(target.ip, target.port, oids), { snmpObjects: Object.fromEntries(values) });
    return values;
  };
  return { pages, transports: { get: probeGet, ipp, snmp }, close: () => client.close() };
}
