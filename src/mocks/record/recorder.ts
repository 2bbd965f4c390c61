// `scan --record FILE`: every device the scan found written as a fleet file (YAML) that
// `homeaudit mock FILE` replays (the pages version probes read are kept by commands/record-probes.ts).

import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Device } from '../../model.js';
import { fleetFromText } from '../fleet-file.js';
import { fleetFromScan, type RecordedPages } from './from-scan.js';
import { redactFleet } from './redact.js';

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
