// `npm run bench -- --scale`: ranges where every address accepts every connection and says nothing,
// scanned by the built CLI inside a namespace of their own: wall clock, peak memory, devices and ports
// found of those there, against the documented worst case. Root and `ip` needed; otherwise it says why.

import { worstCaseMs } from '../../audit/worst-case.js';
import { SWEEP_PORTS } from '../../discovery/ports.js';
import { runScale, scaleSkipReason, type ScaleScan } from './run-scale.js';

/** The ranges measured: a /22 without logins (discovery and the other checks), a /26 with them. */
export const SCALE_RUNS: ReadonlyArray<{ cidr: string; hosts: number; args: string[] }> = [
  { cidr: '127.96.0.0/22', hosts: 1022, args: ['--no-login'] },
  { cidr: '127.97.0.0/26', hosts: 62, args: [] },
];

/** Devices listed and open ports found, of every address with every sweep port open. */
export function scaleCounts(scan: ScaleScan, hosts: number): { devices: number; ports: number; expectedPorts: number } {
  const devices = scan.report?.devices ?? [];
  const ports = devices.reduce((sum, d) => sum + new Set(d.services.map((s) => s.port)).size, 0);
  return { devices: devices.length, ports, expectedPorts: hosts * SWEEP_PORTS.length };
}

export async function runScaleBench(): Promise<number> {
  const skip = scaleSkipReason();
  if (skip) {
    console.log(`scale bench skipped: ${skip}`);
    return 0;
  }
  console.log('| range | logins | wall clock | worst case | peak memory | devices | open ports found | ended |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  let failed = 0;
  for (const { cidr, hosts, args } of SCALE_RUNS) {
    const budgetMs = worstCaseMs(hosts).totalMs;
    const scan = await runScale(cidr, args, budgetMs + 60_000);
    const { devices, ports, expectedPorts } = scaleCounts(scan, hosts);
    const ended = scan.exitCode === null ? 'KILLED' : `exit ${scan.exitCode}`;
    if (scan.exitCode === null || scan.wallMs > budgetMs || devices < hosts) failed += 1;
    console.log(
      `| ${cidr} | ${args.includes('--no-login') ? 'off' : 'on'} | ${(scan.wallMs / 1000).toFixed(0)} s | ${(budgetMs / 60_000).toFixed(0)} min | ` +
        `${(scan.maxRssKb / 1024).toFixed(0)} MB | ${devices} of ${hosts} | ${ports} of ${expectedPorts} | ${ended} |`,
    );
    const stages = (scan.stderr.match(/^homeaudit: \w+ done in .*$/gm) ?? []).map((line) => line.replace('homeaudit: ', '')).join(', ');
    if (stages) console.log(`|   ${stages} | | | | | | | |`);
  }
  return failed === 0 ? 0 : 1;
}
