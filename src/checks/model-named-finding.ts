// A vulnerable "range" with no version bounds: the record (CISA's KEV catalogue, a vendor advisory) names the
// models but no fixed firmware. When it says no fix exists (end of life), every version is affected: replace the
// device. Otherwise the fixed version is in the maker's advisory, so the claim is only possible: check for it.

import type { Device, Finding, Severity } from '../model.js';
import type { FirmwareEntry } from '../knowledge/types.js';
import { isVerified } from '../knowledge/provenance.js';
import { etsi, makeFinding, owasp } from './finding.js';

type VulnerableRange = NonNullable<FirmwareEntry['vulnerable']>[number];

export function isModelOnlyRange(range: VulnerableRange): boolean {
  return range.from === undefined && range.below === undefined;
}

export function modelNamedFinding(
  device: Device,
  entry: FirmwareEntry,
  range: VulnerableRange,
  seen: string,
  source: string,
  confidence: Finding['confidence'],
  knowledgeAsOf: string,
): Finding {
  const kev = range.kev ?? [];
  const cves = range.cves.join(', ');
  const listed = kev.length > 0 ? `in the CISA Known Exploited Vulnerabilities catalogue: ${kev.join(', ')}` : `named in the record: ${cves}`;
  const common = { entry: entry.id, verified: isVerified(entry), version: device.firmware ?? 'unknown', cves: range.cves.join(','), kev: kev.join(','), asOf: knowledgeAsOf };
  if (range.unfixed) {
    const severity: Severity = kev.length > 0 ? 'critical' : range.severity;
    return makeFinding({
      check: 'outdated-firmware',
      device,
      key: `firmware:unfixed:${entry.id}:${range.cves[0]}`,
      severity,
      title: {
        nl: `Bekend misbruikt lek (${cves}) in dit model, zonder herstelde firmware: vervang het apparaat`,
        en: `Known exploited hole (${cves}) in this model, with no fixed firmware: replace the device`,
      },
      evidence: [seen, listed, 'the record says the maker ships no fix for this model (end of life): every firmware version is affected', source],
      standards: [etsi('5.3-13'), owasp('I4'), owasp('I5')],
      confidence: isVerified(entry) ? confidence : 'possible',
      details: { ...common, advice: 'replace', supportEnded: true },
    });
  }
  return makeFinding({
    check: 'outdated-firmware',
    device,
    key: `firmware:model-listed:${entry.id}:${range.cves[0]}`,
    // The fixed firmware may already be installed: serious enough to check, not proven critical.
    severity: range.severity === 'critical' ? 'high' : range.severity,
    title: {
      nl: `Dit model staat genoemd bij een bekend misbruikt lek (${cves}): kijk of de firmware de oplossing van de maker heeft`,
      en: `This model is listed for a known exploited hole (${cves}): check that its firmware has the maker's fix`,
    },
    evidence: [seen, listed, 'the record names the model but not the fixed firmware version, so whether this device still has the hole is not known', source],
    standards: [etsi('5.3-2'), owasp('I4'), owasp('I5')],
    confidence: 'possible',
    details: { ...common, ...(entry.url ? { advisory: entry.url } : {}) },
  });
}
