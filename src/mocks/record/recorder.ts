// `scan --record FILE`: keeps the pages version probes read during the scan, and afterwards writes
// every device the scan found as a fleet file (YAML) that `homeaudit mock FILE` replays.

import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Device } from '../../model.js';
import { createProbeGet, DEFAULT_VERSION_PROBE_CAPS, type ProbeGet } from '../../identify/version-probes/index.js';
import { fleetFromText } from '../fleet-file.js';
import { fleetFromScan, type RecordedPages } from './from-scan.js';
import { redactFleet } from './redact.js';

export interface ScanRecorder {
  /** The version probes' GET, which also keeps what each answered. */
  probeGet: ProbeGet;
  pages: RecordedPages;
  close(): Promise<void>;
}

export function startRecorder(): ScanRecorder {
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

const HEADER = [
  '# Recorded by `homeaudit scan --record`: what each device said on the wire, as a mock fleet.',
  '# Replay with `homeaudit mock FILE` (loopback, 127.77.0.0/24 unless --range). MAC addresses (vendor',
  '# half kept), serial numbers, UUIDs, personal names, e-mail addresses and cookies are replaced;',
  '# no password is recorded. vendor/model/kind/firmware are what the recording scan named.',
  '',
].join('\n');

/** The fleet text for these devices; checked by the fleet loader so the file always replays. */
export function recordText(devices: readonly Device[], pages: RecordedPages): string {
  const text = HEADER + stringify(redactFleet(fleetFromScan(devices, pages)), { lineWidth: 0 });
  fleetFromText('the recorded fleet', text);
  return text;
}

export function writeRecord(file: string, devices: readonly Device[], pages: RecordedPages): void {
  writeFileSync(file, recordText(devices, pages), 'utf8');
}
