// data-outside-eu: the vendor's privacy statement says personal data is processed outside the EU/EEA.
// The network cannot show this; the finding rests on the vendor facts and feeds buy/use advice.

import type { Device, Finding } from '../model.js';
import { vendorFactsFor } from '../knowledge/lookup.js';
import { isVerified, provenanceNote } from '../knowledge/provenance.js';
import { etsi, makeFinding, owasp } from './finding.js';
import type { Check, CheckContext } from './types.js';

/** What the vendor facts say about the cloud; nothing when they do not know. */
function cloudNote(cloudRequired: boolean | 'unknown'): string[] {
  if (cloudRequired === 'unknown') return [];
  return [cloudRequired ? 'the device needs the vendor cloud to work' : 'the device can work without the vendor cloud'];
}

export const dataOutsideEuCheck: Check = {
  id: 'data-outside-eu',
  description: "Vendors whose privacy statement says personal data is processed outside the EU",
  appliesTo(device) {
    return device.vendor !== null;
  },
  async run(device: Device, ctx: CheckContext): Promise<Finding[]> {
    ctx.signal.throwIfAborted();
    const facts = vendorFactsFor(device, ctx.knowledge);
    if (!facts || facts.dataOutsideEu !== true) return [];
    return [
      makeFinding({
        check: 'data-outside-eu',
        device,
        key: `vendor:${facts.id}`,
        severity: 'low',
        title: {
          nl: `${facts.app}: persoonsgegevens worden ook buiten de EU verwerkt`,
          en: `${facts.app}: personal data is also processed outside the EU`,
        },
        evidence: [
          `vendor facts "${facts.id}" (${facts.source}, ${provenanceNote(facts)})`,
          ...cloudNote(facts.cloudRequired),
        ],
        standards: [etsi('6-1'), owasp('I6')],
        confidence: isVerified(facts) ? 'likely' : 'possible',
        details: { phase: 'buy', app: facts.app, cloudRequired: facts.cloudRequired === true, vendorFacts: facts.id },
      }),
    ];
  },
};
