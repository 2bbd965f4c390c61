// `scan --record`: the version probes' GET, which also keeps what each page answered, so the recorded
// fleet serves those pages and IPP attributes again (SNMP objects come from discovery's own record).

import { createProbeTransports, DEFAULT_VERSION_PROBE_CAPS, type ProbeGet, type ProbeTransports } from '../identify/version-probes/index.js';
import type { RecordedPages } from '../mocks/record/from-scan.js';

export interface ProbeRecorder {
  /** The GET and the IPP request, each keeping what it read. */
  transports: Pick<ProbeTransports, 'get' | 'ipp'>;
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
  return { pages, transports: { get: probeGet, ipp }, close: () => client.close() };
}
