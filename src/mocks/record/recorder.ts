// `scan --record FILE`: every device the scan found written as a fleet file (YAML) that
// `homeaudit mock FILE` replays (the pages version probes read are kept by commands/record-probes.ts;
// descriptions and port mappings are read once more here, wire-reads.ts).

import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { AuditResult, Device, Finding } from '../../model.js';
import { fleetFromText } from '../fleet-file.js';
import { fleetFromScan, type RecordedPages } from './from-scan.js';
import { redactFleet } from './redact.js';
import { noWireReads, readWire, type WireReads } from './wire-reads.js';

const HEADER = [
  '# Recorded by `homeaudit scan --record`: what each device said on the wire, as a mock fleet.',
  '# Replay with `homeaudit mock FILE` (loopback, 127.77.0.0/24 unless --range). MAC addresses (vendor',
  '# half kept), serial numbers, UUIDs, personal names, e-mail addresses, household ids, cookies and the WAN address',
  '# are replaced; no password is recorded, so every login of the replay is refused.',
  '# vendor/model/kind/firmware are what the recording scan named.',
  '',
].join('\n');

/** The fleet text for these devices; checked by the fleet loader so the file always replays. */
export function recordText(devices: readonly Device[], pages: RecordedPages, more: { wire?: WireReads; findings?: readonly Finding[] } = {}): string {
  const recorded = { pages, wire: more.wire ?? noWireReads(), findings: more.findings ?? [] };
  const text = HEADER + stringify(redactFleet(fleetFromScan(devices, recorded)), { lineWidth: 0 });
  fleetFromText('the recorded fleet', text);
  return text;
}

/** Reads the descriptions and port mappings again (bounded), then writes the fleet. */
export async function recordScan(result: Pick<AuditResult, 'devices' | 'findings'>, pages: RecordedPages, signal: AbortSignal): Promise<string> {
  const wire = await readWire(result.devices, signal);
  return recordText(result.devices, pages, { wire, findings: result.findings });
}

export async function writeRecord(file: string, result: Pick<AuditResult, 'devices' | 'findings'>, pages: RecordedPages, signal: AbortSignal): Promise<void> {
  writeFileSync(file, await recordScan(result, pages, signal), 'utf8');
}
