// `scan --record`: the version probes' GET, which also keeps what each page answered, so the recorded
// fleet serves those pages again.

import { createProbeGet, DEFAULT_VERSION_PROBE_CAPS, type ProbeGet } from '../identify/version-probes/index.js';
import type { RecordedPages } from '../mocks/record/from-scan.js';

export interface ProbeRecorder {
  probeGet: ProbeGet;
  pages: RecordedPages;
  close(): Promise<void>;
}

export function startProbeRecorder(): ProbeRecorder {
  const pages: RecordedPages = new Map();
  const client = createProbeGet(DEFAULT_VERSION_PROBE_CAPS.timeoutMs);
  return {
    pages,
    probeGet: async (url, caps) => {
      const answer = await client.get(url, caps);
      pages.set(url, { status: answer.status, body: answer.body.toString('utf8') });
      return answer;
    },
    close: () => client.close(),
  };
}
