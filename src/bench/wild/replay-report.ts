// Prints the wild corpus scored twice, directly and through the mock fleet, and every device the two
// name differently (a gap of the fleet format, or of discovery's reading of the wire).

import type { Identity } from '../../model.js';
import type { FleetReplay } from './fleet-replay.js';
import { describeWild, type WildListing } from './report.js';
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

export function describeReplay(direct: WildScore, replay: FleetReplay, listing: WildListing): { lines: string[]; missed: number } {
  const directVerdict = describeWild(direct, listing);
  const replayVerdict = describeWild(replay.score, listing);
  const differences = replayDifferences(direct, replay.score);
  // A held-out device's names are listed only with --show-held-out, as its misses are.
  const heldOut = new Set(direct.devices.filter(({ device }) => device.heldOut).map(({ device }) => device.id));
  const shown = differences.filter((d) => (listing.showHeldOut ?? false) || !heldOut.has(d.id));
  const hidden = differences.length - shown.length;
  const notFoundShown = replay.notFound.filter((id) => (listing.showHeldOut ?? false) || !heldOut.has(id));
  const notFoundHidden = replay.notFound.length - notFoundShown.length;
  const lines = [
    'direct (recorded answers fed to identification):',
    ...directVerdict.lines,
    '',
    `through the mock fleet (served on loopback, scanned by discovery, ${replay.seconds.toFixed(1)} s):`,
    ...replayVerdict.lines,
    '',
    `  not found by discovery: ${notFoundShown.length === 0 && notFoundHidden === 0 ? 'none' : [...notFoundShown, ...(notFoundHidden > 0 ? [`${notFoundHidden} held out (listed only with --show-held-out)`] : [])].join(', ')}`,
    `  named differently from the direct replay: ${differences.length}${hidden > 0 ? ` (${hidden} held out, listed only with --show-held-out)` : ''}`,
    ...shown.map((d) => `    ${d.id}: direct ${d.direct}  /  fleet ${d.replayed}`),
  ];
  return { lines, missed: replayVerdict.missed + differences.length + replay.notFound.length };
}
