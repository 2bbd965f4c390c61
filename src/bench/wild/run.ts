// `npm run bench -- --wild [--verbose] [--show-held-out]`: identification scored on the wild corpus. Pure: no sockets.
// `--wild --replay`: also through the mock fleet on loopback (inside a network namespace), both figures.

import { loadFingerprints } from '../../identify/load-fingerprints.js';
import { loadWildCorpus } from './corpus.js';
import { describeReplay } from './replay-report.js';
import { replayThroughFleet } from './fleet-replay.js';
import { describeWild, type WildListing } from './report.js';
import { scoreCorpus } from './score.js';

export function runWild(listing: WildListing): number {
  const score = scoreCorpus(loadWildCorpus(), loadFingerprints());
  const verdict = describeWild(score, listing);
  console.log(verdict.lines.join('\n'));
  return verdict.missed;
}

/** Both figures; the misses counted are those of the replay through the fleet, plus every device the two name differently. */
export async function runWildReplay(listing: WildListing): Promise<number> {
  const corpus = loadWildCorpus();
  const knowledge = loadFingerprints();
  const direct = scoreCorpus(corpus, knowledge);
  const replay = await replayThroughFleet(corpus, knowledge);
  const { lines, missed } = describeReplay(direct, replay, listing);
  console.log(lines.join('\n'));
  return missed;
}
