// Scores identification on the wild corpus: per device, is the vendor, kind and (where the wire shows
// one) model right, and is a wrong answer one identification claims with confidence?

import type { HostFacts, Identity } from '../../model.js';
import { identify } from '../../identify/identify.js';
import type { FingerprintKnowledge } from '../../identify/types.js';
import { normaliseVendor } from '../../identify/vendor-names.js';
import type { WildDevice } from './corpus.js';
import { factsOf } from './replay.js';

/** A wrong vendor or kind counts as "confidently wrong" when a rule (not the device's own word) gave it and that attribute's own confidence is at least this. */
export const CONFIDENT = 0.5;

export interface DeviceScore {
  device: WildDevice;
  identity: Identity;
  vendorRight: boolean;
  kindRight: boolean;
  /** null when the wire shows no model. */
  modelRight: boolean | null;
  confidentlyWrong: Array<'vendor' | 'kind'>;
}

export interface WildScore {
  devices: DeviceScore[];
  vendor: number;
  kind: number;
  model: number;
  withModel: number;
  confidentlyWrongVendor: number;
  confidentlyWrongKind: number;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const modelTokens = (text: string): string[] => text.toLowerCase().split(/[\s,/()]+/).filter((token) => /\d/.test(token) && token.length >= 3);

/** Models are spelled many ways ("LaserJet M1536dnf" for "M1536dnf MFP"): right when one holds the other, or they share a token with a digit. */
export function sameModel(found: string | null, truth: string): boolean {
  if (!found) return false;
  const a = squash(found);
  const b = squash(truth);
  if (a && b && (a.includes(b) || b.includes(a))) return true;
  const wanted = new Set(modelTokens(truth).map(squash));
  return modelTokens(found).some((token) => wanted.has(squash(token)));
}

/** Judged per attribute: a kind guessed weakly stays a guess however sure the vendor beside it is. */
export function claimedByRule(identity: Identity, attribute: 'vendor' | 'kind'): boolean {
  return !(identity.selfReported ?? []).includes(attribute) && identity.attributes[attribute] >= CONFIDENT;
}

/** `facts` default to the direct replay; the fleet replay passes what a scan of the mock saw. */
export function scoreDevice(device: WildDevice, knowledge: FingerprintKnowledge, facts: HostFacts = factsOf(device)): DeviceScore {
  const identity = identify(facts, knowledge);
  const { truth } = device;
  const vendorRight =
    identity.vendor !== null && normaliseVendor(identity.vendor, knowledge.aliases).toLowerCase() === normaliseVendor(truth.vendor, knowledge.aliases).toLowerCase();
  const kindRight = identity.kind === truth.kind || (truth.kindAlso ?? []).includes(identity.kind);
  const modelRight = truth.model === null ? null : sameModel(identity.model, truth.model);
  const confidentlyWrong: Array<'vendor' | 'kind'> = [];
  if (identity.vendor !== null && !vendorRight && claimedByRule(identity, 'vendor')) confidentlyWrong.push('vendor');
  if (identity.kind !== 'unknown' && !kindRight && claimedByRule(identity, 'kind')) confidentlyWrong.push('kind');
  return { device, identity, vendorRight, kindRight, modelRight, confidentlyWrong };
}

export function scoreCorpus(devices: readonly WildDevice[], knowledge: FingerprintKnowledge): WildScore {
  return summarise(devices.map((device) => scoreDevice(device, knowledge)));
}

/** The figures of a set of scored devices (the whole corpus, or its held-out part). */
export function summarise(scored: DeviceScore[]): WildScore {
  const withModel = scored.filter((score) => score.modelRight !== null);
  return {
    devices: scored,
    vendor: scored.filter((score) => score.vendorRight).length,
    kind: scored.filter((score) => score.kindRight).length,
    model: withModel.filter((score) => score.modelRight).length,
    withModel: withModel.length,
    confidentlyWrongVendor: scored.filter((score) => score.confidentlyWrong.includes('vendor')).length,
    confidentlyWrongKind: scored.filter((score) => score.confidentlyWrong.includes('kind')).length,
  };
}
