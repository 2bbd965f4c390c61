// `npm run bench -- --wild [--verbose]`: identification scored on the wild corpus. Pure: no sockets.

import { loadFingerprints } from '../../identify/load-fingerprints.js';
import { loadWildCorpus } from './corpus.js';
import { describeWild } from './report.js';
import { scoreCorpus } from './score.js';

export function runWild(verbose: boolean): number {
  const score = scoreCorpus(loadWildCorpus(), loadFingerprints());
  const verdict = describeWild(score, verbose);
  console.log(verdict.lines.join('\n'));
  return verdict.missed;
}
