// Prints the wild corpus scored twice, directly and through the mock fleet, and every device the two
// name differently (a gap of the fleet format, or of discovery's reading of the wire).

import type { Identity } from '../../model.js';
import type { FleetReplay } from './fleet-replay.js';
import { describeWild } from './report.js';
import type { WildScore } from './score.js';

export const nameOf = (identity: Identity): string => `${identity.vendor ?? '-'} | ${identity.model ?? '-'} | ${identity.kind}`;

/** Corpus id → [direct, replayed] for every device the two replays name differently. */
export function replayDifferences(direct: WildScore, replayed: WildScore): Array<{ id: string; direct: string; replayed: string }> {
  return direct.devices.flatMap((entry, index) => {
    const other = replayed.devices[index]!;
    const [a, b] = [nameOf(entry.identity), nameOf(other.identity)];
    return a === b ? [] : [{ id: entry.device.id, direct: a, replayed: b }];
  });
}

export function describeReplay(direct: WildScore, replay: FleetReplay, verbose: boolean): { lines: string[]; missed: number } {
  const directVerdict = describeWild(direct, verbose);
  const replayVerdict = describeWild(replay.score, verbose);
  const differences = replayDifferences(direct, replay.score);
  const lines = [
    'direct (recorded answers fed to identification):',
    ...directVerdict.lines,
    '',
    `through the mock fleet (served on loopback, scanned by discovery, ${replay.seconds.toFixed(1)} s):`,
    ...replayVerdict.lines,
    '',
    `  not found by discovery: ${replay.notFound.length === 0 ? 'none' : replay.notFound.join(', ')}`,
    `  named differently from the direct replay: ${differences.length}`,
    ...differences.map((d) => `    ${d.id}: direct ${d.direct}  /  fleet ${d.replayed}`),
  ];
  return { lines, missed: replayVerdict.missed + differences.length + replay.notFound.length };
}
