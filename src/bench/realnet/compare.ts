// Compares a JSON report of a scan of the real-daemon network with its truth file, expectation by
// expectation: each device, open port, finding, factory password, port mapping and lock-out state.
// A report finding or port that the truth does not name is an expectation that failed too.

import { maskSecret } from '../../util/mask-secret.js';
import type { KnownGap, Truth, TruthDevice } from './spec.js';

export interface Expectation {
  id: string;
  ok: boolean;
  detail: string;
}

interface ReportFinding { id: string; deviceId: string; check: string; details?: Record<string, unknown> }
interface ReportDevice { id: string; ip: string; kind: string; vendor: string | null; model: string | null; firmware: string | null; services: Array<{ transport: string; port: number }>; discoveredBy?: string[] }
export interface ScanReport { devices: ReportDevice[]; findings: ReportFinding[]; stats: { durationMs: number; loginAttempts?: number; loginAttemptsByDevice?: Record<string, Record<string, number>>; stageMs?: Record<string, number> } }

/** A finding's key on its device: its id without the device id (e.g. `default-credentials:http:80`). */
function findingKey(finding: ReportFinding): string {
  return finding.id.replace(`:${finding.deviceId}`, '');
}

function expect(list: Expectation[], id: string, ok: boolean, detail: string): void {
  list.push({ id, ok, detail });
}

function compareDevice(truth: TruthDevice, device: ReportDevice | undefined, findings: ReportFinding[], out: Expectation[], onlyPorts: boolean): void {
  expect(out, `device:${truth.id}`, device !== undefined, device ? `found at ${truth.ip}` : `nothing reported at ${truth.ip}`);
  const services = new Set((device?.services ?? []).map((s) => `${s.transport}/${s.port}`));
  const truthPorts = new Set([...truth.tcp.map((p) => `tcp/${p}`), ...truth.udp.map((p) => `udp/${p}`)]);
  for (const port of truthPorts) expect(out, `port:${truth.id}:${port}`, services.has(port), services.has(port) ? 'reported' : `open on the device, not reported (reported: ${[...services].join(' ') || 'none'})`);
  for (const port of services) if (!truthPorts.has(port)) expect(out, `no-extra-port:${truth.id}:${port}`, false, 'reported, but not open on the device');
  if (onlyPorts) return;

  for (const source of truth.discoveredBy ?? []) {
    const seen = device?.discoveredBy?.includes(source) ?? false;
    expect(out, `discovered-by:${truth.id}:${source}`, seen, seen ? 'seen' : `not seen by ${source} (seen by: ${device?.discoveredBy?.join(' ') || 'none'})`);
  }
  for (const field of ['kind', 'vendor', 'model', 'firmware'] as const) {
    const want = field === 'firmware' ? (truth.firmware ?? null) : truth[field];
    if (want === undefined || (field !== 'kind' && want === null)) continue;
    const got = device?.[field] ?? null;
    expect(out, `${field}:${truth.id}`, got === want, `truth ${JSON.stringify(want)}, reported ${JSON.stringify(got)}`);
  }
  const keys = new Set(findings.map(findingKey));
  for (const key of truth.findings) expect(out, `finding:${truth.id}:${key}`, keys.has(key), keys.has(key) ? 'reported' : 'not reported');
  for (const key of keys) if (!truth.findings.includes(key)) expect(out, `no-false-finding:${truth.id}:${key}`, false, 'reported, but the truth has no such finding');

  const claimed = findings.filter((f) => f.check === 'default-credentials');
  for (const credential of truth.credentials ?? []) {
    const hit = claimed.find((f) => f.details?.service === credential.service && f.details?.port === credential.port && f.details?.username === credential.username);
    const masked = maskSecret(credential.password);
    expect(out, `credential:${truth.id}:${credential.service}/${credential.port}:${credential.username}`, hit?.details?.passwordMasked === masked,
      hit ? `claimed with ${String(hit.details?.passwordMasked)}, truth ${masked}` : 'factory password not found');
  }
  for (const account of truth.unclaimed ?? []) {
    const hit = claimed.some((f) => f.details?.service === account.service && f.details?.port === account.port && f.details?.username === account.username);
    expect(out, `unclaimed:${truth.id}:${account.service}/${account.port}:${account.username}`, !hit, hit ? 'claimed, but its password is in no list' : 'not claimed');
  }
}

/** Every expectation of the truth against one report; `onlyPorts` for the pass under load. */
export function compareWithTruth(truth: Truth, report: ScanReport, options: { onlyPorts?: boolean; unlocked?: Map<string, boolean> } = {}): Expectation[] {
  const out: Expectation[] = [];
  const byIp = new Map(report.devices.map((d) => [d.ip, d]));
  const truthIps = new Set(truth.devices.map((d) => d.ip));
  for (const device of truth.devices) {
    const reported = byIp.get(device.ip);
    compareDevice(device, reported, report.findings.filter((f) => reported && f.deviceId === reported.id), out, options.onlyPorts ?? false);
  }
  for (const device of report.devices) if (!truthIps.has(device.ip)) expect(out, `no-extra-device:${device.ip}`, false, 'reported, but no device has this address');
  if (options.onlyPorts) return out;

  const ipOf = new Map(report.devices.map((d) => [d.id, d.ip]));
  const mappings = report.findings.filter((f) => f.check === 'exposed-by-port-mapping')
    .map((f) => `${String(f.details?.protocol)}/${String(f.details?.externalPort)}->${ipOf.get(f.deviceId)}:${String(f.details?.internalPort)}`);
  for (const m of truth.mappings) {
    const id = `${m.protocol}/${m.externalPort}->${m.internalIp}:${m.internalPort}`;
    expect(out, `mapping:${id}`, mappings.includes(id), mappings.includes(id) ? 'reported' : 'mapping on the router, not reported');
  }
  for (const [account, unlocked] of options.unlocked ?? []) expect(out, `unlocked:${account}`, unlocked, unlocked ? 'still unlocked on the device' : 'locked on the device by the scan');
  return out;
}

export interface Verdict {
  /** Expectations that failed and are no known gap: the test fails on these. */
  unexpectedFailures: Expectation[];
  /** Known gaps whose expectation now holds (or no longer exists): the gap list must shrink. */
  liftedGaps: KnownGap[];
  knownFailures: Array<Expectation & { gap: KnownGap }>;
  passed: Expectation[];
}

export function judge(expectations: Expectation[], gaps: KnownGap[]): Verdict {
  const gapById = new Map(gaps.map((g) => [g.expectation, g]));
  const byId = new Map(expectations.map((e) => [e.id, e]));
  return {
    unexpectedFailures: expectations.filter((e) => !e.ok && !gapById.has(e.id)),
    liftedGaps: gaps.filter((g) => byId.get(g.expectation)?.ok !== false && !(g.timing && byId.has(g.expectation))),
    knownFailures: expectations.filter((e) => !e.ok && gapById.has(e.id)).map((e) => ({ ...e, gap: gapById.get(e.id)! })),
    passed: expectations.filter((e) => e.ok),
  };
}

export function describeVerdict(title: string, verdict: Verdict): string[] {
  const lines = [`${title}: ${verdict.passed.length} expectations hold, ${verdict.knownFailures.length} known gaps, ${verdict.unexpectedFailures.length} unexpected failures, ${verdict.liftedGaps.length} gaps lifted`];
  for (const e of verdict.unexpectedFailures) lines.push(`  FAIL  ${e.id}: ${e.detail}`);
  for (const g of verdict.liftedGaps) lines.push(`  LIFTED (remove from truth.yaml) ${g.expectation} (#${g.issue})`);
  for (const e of verdict.knownFailures) lines.push(`  gap #${e.gap.issue}  ${e.id}: ${e.detail}`);
  return lines;
}
