// Identification: a host's facts and the fingerprint rules in, an identity (vendor, model, firmware,
// kind, a confidence per attribute and overall, evidence, software components) out. Pure: no I/O beyond the OUI registry.

import type { HostFacts, Identity } from '../model.js';
import { combineOutcomes, renderOutcome } from './combine.js';
import { factsView } from './facts-view.js';
import { matchRule } from './match-rule.js';
import { modelWithoutVendor } from './model-name.js';
import { lookupOui, normaliseMac, ouiOrganisation } from './oui.js';
import { onvifScope } from '../protocols/wsd/probe-match.js';
import type { FingerprintKnowledge } from './types.js';
import { makerKindOutcome, selfReportedOutcomes } from './self-reported.js';
import { normaliseVendor } from './vendor-names.js';

/** The MAC the network saw, else the one an ONVIF camera states in its scopes (onvif://www.onvif.org/MAC/…), as off-link cameras do. */
function macOf(facts: HostFacts): string | undefined {
  if (facts.mac) return facts.mac;
  for (const wsd of facts.wsd ?? []) {
    for (const scope of wsd.scopes) {
      const read = onvifScope(scope);
      if (read?.category === 'mac' && normaliseMac(read.value)) return read.value;
    }
  }
  return undefined;
}

/** The maker behind the MAC, as the aliases name it: discovery's lookup when it made one, else ours. */
export function macVendorOf(facts: HostFacts, knowledge: FingerprintKnowledge): string | null {
  if (facts.macVendor) return normaliseVendor(facts.macVendor, knowledge.aliases);
  const mac = macOf(facts);
  return mac ? lookupOui(mac, knowledge.aliases) : null;
}

/** The registry's own spelling as well: one maker name can cover brands a rule must tell apart (TP Vision, Signify). */
function macOrganisationOf(facts: HostFacts): string | null {
  const mac = macOf(facts);
  return (mac ? ouiOrganisation(mac) : null) ?? facts.macVendor;
}

export function identify(facts: HostFacts, knowledge: FingerprintKnowledge): Identity {
  const view = factsView(facts, macVendorOf(facts, knowledge), macOrganisationOf(facts));
  const outcomes = [];
  for (const compiled of knowledge.rules) {
    const match = matchRule(compiled, view);
    if (match) outcomes.push(renderOutcome(match, knowledge.aliases));
  }
  if (knowledge.selfReported) outcomes.push(...selfReportedOutcomes(knowledge.selfReported, view, knowledge.aliases));
  let identity = combineOutcomes(outcomes);
  const guess = identity.kind === 'unknown' && identity.vendor && knowledge.selfReported ? makerKindOutcome(knowledge.selfReported, identity.vendor) : null;
  if (guess) identity = combineOutcomes([...outcomes, guess]);
  const model = identity.model === null ? null : modelWithoutVendor(identity.model, identity.vendor, knowledge.aliases);
  return { ...identity, model };
}
