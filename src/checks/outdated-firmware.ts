// outdated-firmware: compares the identified firmware and software components with the knowledge base.
// Known exploited (CISA KEV) → critical; vulnerable range → the range's severity; end of support passed →
// high, replace the device (or, when only the software line ended, update to a supported line); behind the latest
// release → medium. An unreadable version is never "up to date": when the family is known but its version is not
// visible, one info finding says so.

import type { Device, Finding, Severity } from '../model.js';
import { asOf } from '../knowledge/check-knowledge.js';
import { componentEntriesFor, firmwareFamiliesFor, vendorFactsFor } from '../knowledge/lookup.js';
import { isVerified, provenanceNote } from '../knowledge/provenance.js';
import type { CheckKnowledge, FirmwareEntry } from '../knowledge/types.js';
import { distributionPackageIn } from './distribution-package.js';
import { distributionPackageFinding } from './distribution-package-finding.js';
import { etsi, makeFinding, owasp } from './finding.js';
import { isModelOnlyRange, modelNamedFinding } from './model-named-finding.js';
import type { Check, CheckContext } from './types.js';
import { compareWith, inVersionRange, parseVersion, type ParsedVersion } from '../util/parse-version.js';

const UPDATE_NORMS = [etsi('5.3-2'), etsi('5.3-8'), owasp('I4'), owasp('I5')];
const END_OF_SUPPORT_NORMS = [etsi('5.3-13'), owasp('I4'), owasp('I5')];

/** What is being judged: the device's own firmware or a component seen in a banner. */
interface Subject {
  label: string; // "firmware" or "component dropbear"
  keyPrefix: string; // "firmware" or "component:dropbear"
  version: ParsedVersion | null;
  versionText: string | null;
  /** Distribution packages backport fixes: a version-based claim is then only possible. */
  confidence: Finding['confidence'];
  /** Set when the subject is a software component inside the device (advice then names it, not the maker). */
  component?: string;
  /** The internet provider that ships the software of the box the component is in (its family entry says so). */
  provider?: string;
}

function describeEntry(entry: FirmwareEntry, knowledgeAsOf: string): string {
  return `knowledge entry "${entry.id}" (${entry.source}, ${provenanceNote(entry)}; knowledge as of ${knowledgeAsOf})`;
}

/** A claim from an entry not confirmed against its source is at most possible. */
function claimConfidence(entry: FirmwareEntry, confidence: Finding['confidence']): Finding['confidence'] {
  return isVerified(entry) ? confidence : 'possible';
}

type VulnerableRange = NonNullable<FirmwareEntry['vulnerable']>[number];

/**
 * A version range alone only makes a vulnerability possible; CISA's KEV listing or a record that names the
 * model family (an entry with model globs) raises it. Returns the reason when the claim stays possible.
 */
function rangeBasis(entry: FirmwareEntry, range: VulnerableRange, subject: Subject): { confidence: Finding['confidence']; why?: string } {
  if (!isVerified(entry)) return { confidence: 'possible' };
  if ((range.kev ?? []).length > 0 || entry.models) return { confidence: subject.confidence };
  return {
    confidence: 'possible',
    why: subject.component
      ? 'claimed from the version range alone: the device maker may ship a fixed build that keeps this version number'
      : 'claimed from the version range alone: the record names no model, so whether this model is affected is not confirmed',
  };
}

/** An entry limited to a firmware line applies only when the version shows it is in that line. */
function entryApplies(entry: FirmwareEntry, version: ParsedVersion | null): boolean | 'cannot-tell' {
  if (!entry.versions) return true;
  if (!version) return 'cannot-tell';
  return inVersionRange(version, entry.versions);
}

/**
 * What the entry itself says about every claim made from it: an internet provider's box is updated by that
 * provider (the advice then sends the household to the provider, never to a firmware download), and an entry
 * whose models the network cannot tell apart from later ones makes only possible claims, saying why.
 */
function withEntryNotes(findings: Finding[], entry: FirmwareEntry, subject: Subject | null): Finding[] {
  for (const finding of findings) {
    if (entry.updatedBy === 'provider' && entry.provider && !subject?.component) {
      finding.details.updatedBy = 'provider';
      finding.details.provider = entry.provider;
      finding.evidence.splice(finding.evidence.length - 1, 0, `updated by the internet provider ${entry.provider}, not by the household`);
    }
    // A component of a provider's box comes with the provider's software: the household asks the provider.
    if (subject?.component && subject.provider) {
      finding.details.updatedBy = 'provider';
      finding.details.provider = subject.provider;
      finding.evidence.splice(finding.evidence.length - 1, 0, `inside a box whose software the internet provider ${subject.provider} ships, this component included`);
    }
    if (entry.possibleBecause) {
      finding.confidence = 'possible';
      finding.evidence.splice(finding.evidence.length - 1, 0, `possible, because ${entry.possibleBecause}`);
    }
  }
  return findings;
}

function findingsForEntry(
  device: Device,
  subject: Subject,
  entry: FirmwareEntry,
  now: Date,
  knowledgeAsOf: string,
): Finding[] {
  return withEntryNotes(claimsFromEntry(device, subject, entry, now, knowledgeAsOf), entry, subject);
}

function claimsFromEntry(
  device: Device,
  subject: Subject,
  entry: FirmwareEntry,
  now: Date,
  knowledgeAsOf: string,
): Finding[] {
  const findings: Finding[] = [];
  const source = describeEntry(entry, knowledgeAsOf);
  const seen = subject.versionText ? `${subject.label} version ${subject.versionText}` : `${subject.label} version not visible`;
  const base = { check: 'outdated-firmware' as const, device };
  const about: Finding['details'] = subject.component ? { component: subject.component } : {};

  // The date support ended, when it lies before the scan: then no update will come for the device, or, when only
  // its software line ended, none for this line (a newer line may still install on the same device).
  const endedOn = entry.endOfSupport && now.toISOString().slice(0, 10) > entry.endOfSupport ? entry.endOfSupport : undefined;
  const lineEndedOn = entry.endOfSupportOf === 'software-line' ? endedOn : undefined;
  const supportEndedOn = lineEndedOn ? undefined : endedOn;
  if (lineEndedOn) findings.push(lineEndedFinding(device, subject, entry, lineEndedOn, seen, source, knowledgeAsOf));
  if (supportEndedOn) {
    findings.push(
      makeFinding({
        ...base,
        key: `${subject.keyPrefix}:end-of-support:${entry.id}`,
        severity: 'high',
        // A provider's box is replaced by the provider: the household asks for a new one, it does not buy one.
        title:
          entry.updatedBy === 'provider' && !subject.component
            ? {
                nl: `Geen beveiligingsupdates meer sinds ${entry.endOfSupport} (${subject.label}): vraag ${entry.provider} om een nieuw modem`,
                en: `No security updates since ${entry.endOfSupport} (${subject.label}): ask ${entry.provider} for a new box`,
              }
            : subject.provider
              ? {
                  nl: `Geen beveiligingsupdates meer sinds ${entry.endOfSupport} (${subject.label}): ${subject.provider} werkt de software van dit modem bij, vraag ernaar`,
                  en: `No security updates since ${entry.endOfSupport} (${subject.label}): ${subject.provider} updates this box's software, ask them`,
                }
              : {
                  nl: `Geen beveiligingsupdates meer sinds ${entry.endOfSupport} (${subject.label}): vervang het apparaat`,
                  en: `No security updates since ${entry.endOfSupport} (${subject.label}): replace the device`,
                },
        evidence: [seen, `end of support ${entry.endOfSupport}`, source],
        standards: END_OF_SUPPORT_NORMS,
        confidence: claimConfidence(entry, subject.version || !entry.versions ? 'likely' : 'possible'),
        details: {
          ...about,
          entry: entry.id,
          verified: isVerified(entry),
          endOfSupport: supportEndedOn,
          version: subject.versionText ?? 'unknown',
          advice: 'replace',
          asOf: knowledgeAsOf,
        },
      }),
    );
  }

  // A record that names the model but no versions applies whatever the firmware shows (a family entry only).
  if (!subject.component) {
    for (const range of (entry.vulnerable ?? []).filter(isModelOnlyRange)) {
      findings.push(modelNamedFinding(device, entry, range, seen, source, rangeBasis(entry, range, subject).confidence, knowledgeAsOf));
    }
  }

  if (!subject.version) return findings;
  const version = subject.version;
  let vulnerable = false;
  for (const range of entry.vulnerable ?? []) {
    if (isModelOnlyRange(range) || !inVersionRange(version, range)) continue;
    vulnerable = true;
    const kev = range.kev ?? [];
    const severity: Severity = kev.length > 0 ? 'critical' : range.severity;
    const rangeText = `${range.from ? `${range.from} ≤ ` : ''}version${range.below ? ` < ${range.below}` : ''}`;
    const basis = rangeBasis(entry, range, subject);
    findings.push(
      makeFinding({
        ...base,
        key: `${subject.keyPrefix}:vulnerable:${entry.id}:${range.cves[0]}`,
        severity,
        title:
          kev.length > 0
            ? {
                nl: `Bekend misbruikte kwetsbaarheid (${kev.join(', ')}) in ${subject.label} ${subject.versionText}`,
                en: `Known exploited vulnerability (${kev.join(', ')}) in ${subject.label} ${subject.versionText}`,
              }
            : {
                nl: `Bekende kwetsbaarheden (${range.cves.join(', ')}) in ${subject.label} ${subject.versionText}`,
                en: `Known vulnerabilities (${range.cves.join(', ')}) in ${subject.label} ${subject.versionText}`,
              },
        evidence: [
          seen,
          `affected range ${rangeText}: ${range.cves.join(', ')}`,
          ...(kev.length > 0
            ? [
                isVerified(entry)
                  ? `in the CISA Known Exploited Vulnerabilities catalogue: ${kev.join(', ')}`
                  : `reported as in the CISA Known Exploited Vulnerabilities catalogue (not verified): ${kev.join(', ')}`,
              ]
            : []),
          ...(basis.why ? [basis.why] : []),
          source,
        ],
        standards: UPDATE_NORMS,
        confidence: basis.confidence,
        details: {
          ...about,
          entry: entry.id,
          verified: isVerified(entry),
          version: subject.versionText ?? '',
          // Past its end of support there is no fixed version to install: the way out is to replace it.
          ...(supportEndedOn ? { endOfSupport: supportEndedOn, advice: 'replace' } : range.below ? { fixedIn: range.below } : {}),
          cves: range.cves.join(','),
          kev: kev.join(','),
          asOf: knowledgeAsOf,
        },
      }),
    );
  }

  // An ended line's finding already names the latest release: no second "behind" finding for it.
  if (!vulnerable && !lineEndedOn && entry.latest && compareWith(version, entry.latest) < 0) {
    findings.push(
      makeFinding({
        ...base,
        key: `${subject.keyPrefix}:behind:${entry.id}`,
        severity: 'medium',
        // A component inside a device is updated by the device's own software (a provider's box: by the provider), never on its own.
        title: subject.provider
          ? {
              nl: `${subject.label} ${subject.versionText} is ouder dan de nieuwste uitgave ${entry.latest}: ${subject.provider} werkt de software van dit modem bij, vraag ernaar`,
              en: `${subject.label} ${subject.versionText} is older than the latest release ${entry.latest}: ${subject.provider} updates this box's software, ask them`,
            }
          : subject.component
          ? {
              nl: `${subject.label} ${subject.versionText} is ouder dan de nieuwste uitgave ${entry.latest}: werk de software van het apparaat bij`,
              en: `${subject.label} ${subject.versionText} is older than the latest release ${entry.latest}: update the device's software`,
            }
          : entry.updatedBy === 'provider'
            ? {
                nl: `${subject.label} ${subject.versionText} is ouder dan de nieuwste versie ${entry.latest}: ${entry.provider} werkt dit modem bij, vraag ernaar`,
                en: `${subject.label} ${subject.versionText} is older than the latest version ${entry.latest}: ${entry.provider} updates this box, ask them`,
              }
            : {
                nl: `${subject.label} ${subject.versionText} is ouder dan de nieuwste versie ${entry.latest}: installeer de update`,
                en: `${subject.label} ${subject.versionText} is older than the latest version ${entry.latest}: install the update`,
              },
        evidence: [seen, `latest known version ${entry.latest}`, source],
        standards: UPDATE_NORMS,
        confidence: claimConfidence(entry, subject.confidence),
        details: { ...about, entry: entry.id, verified: isVerified(entry), version: subject.versionText ?? '', latest: entry.latest, asOf: knowledgeAsOf },
      }),
    );
  }
  return findings;
}

/**
 * Only the software line ended (endOfSupportOf: software-line): high, like a device's end of support, but the way
 * out is a supported version on the same device; replacing it only when it cannot take one.
 */
function lineEndedFinding(
  device: Device,
  subject: Subject,
  entry: FirmwareEntry,
  endedOn: string,
  seen: string,
  source: string,
  knowledgeAsOf: string,
): Finding {
  const line = `${entry.versions?.from ? `${entry.versions.from} ≤ ` : ''}version${entry.versions?.below ? ` < ${entry.versions.below}` : ''}`;
  const latest = entry.latest;
  return makeFinding({
    check: 'outdated-firmware',
    device,
    key: `${subject.keyPrefix}:line-ended:${entry.id}`,
    severity: 'high',
    title: {
      nl: `Geen beveiligingsupdates meer voor ${subject.label} ${subject.versionText ?? ''} sinds ${endedOn}: werk bij naar een ondersteunde versie${latest ? ` (${latest} of nieuwer)` : ''}, of vervang het apparaat als het die niet aankan`,
      en: `No security updates for ${subject.label} ${subject.versionText ?? ''} since ${endedOn}: update to a supported version${latest ? ` (${latest} or newer)` : ''}, or replace the device if it cannot take one`,
    },
    evidence: [seen, `the software line ${line} ended on ${endedOn}; a newer line may install on the same device`, ...(latest ? [`latest known version ${latest}`] : []), source],
    standards: END_OF_SUPPORT_NORMS,
    confidence: claimConfidence(entry, subject.confidence),
    details: {
      ...(subject.component ? { component: subject.component } : {}),
      entry: entry.id,
      verified: isVerified(entry),
      lineEndedOn: endedOn,
      version: subject.versionText ?? 'unknown',
      ...(latest ? { latest } : {}),
      advice: 'line-ended',
      asOf: knowledgeAsOf,
    },
  });
}

function firmwareSubject(device: Device): Subject {
  const version = parseVersion(device.firmware);
  return {
    label: 'firmware',
    keyPrefix: 'firmware',
    version,
    versionText: version ? device.firmware : null,
    confidence: device.identity.confidence >= 0.8 ? 'likely' : 'possible',
  };
}

function familyFindings(device: Device, knowledge: CheckKnowledge, now: Date, knowledgeAsOf: string): Finding[] {
  const subject = firmwareSubject(device);
  const families = firmwareFamiliesFor(device, knowledge);
  const findings: Finding[] = [];
  let undecided: FirmwareEntry | null = null;
  for (const entry of families) {
    const applies = entryApplies(entry, subject.version);
    if (applies === 'cannot-tell') {
      undecided ??= entry;
      continue;
    }
    if (applies) findings.push(...findingsForEntry(device, subject, entry, now, knowledgeAsOf));
  }
  const needsVersion = families.some((entry) => entry.vulnerable || entry.latest || entry.versions);
  if (!subject.version && needsVersion && findings.length === 0) {
    const entry = undecided ?? families[0]!;
    // Only here, where no version was read, does the household need to be told where to look it up.
    const app = vendorFactsFor(device, knowledge)?.app;
    const notVisible = [
      makeFinding({
        check: 'outdated-firmware',
        device,
        key: `firmware:unknown:${entry.id}`,
        severity: 'info',
        title:
          entry.updatedBy === 'provider'
            ? {
                nl: `Firmwareversie niet zichtbaar: ${entry.provider} werkt dit modem bij, vraag of het de nieuwste software heeft`,
                en: `Firmware version not visible: ${entry.provider} updates this box, ask whether it has the latest software`,
              }
            : {
                nl: 'Firmwareversie niet zichtbaar: controleer in de app of op de beheerpagina of er updates zijn',
                en: 'Firmware version not visible: check the app or admin page for updates',
              },
        evidence: [
          `firmware version ${device.firmware === null ? 'not reported' : `"${device.firmware}" not readable`}`,
          describeEntry(entry, knowledgeAsOf),
          `look it up in: ${app ?? 'the device admin page (its address in a browser)'}`,
        ],
        standards: [etsi('5.3-2'), owasp('I4')],
        confidence: 'possible',
        details: { entry: entry.id, version: 'unknown', asOf: knowledgeAsOf, lookUpIn: app ?? 'admin page' },
      }),
    ];
    findings.push(...withEntryNotes(notVisible, entry, null));
  }
  return findings;
}

/** The internet provider that ships this device's software, when one of its family entries says so. */
function providerOf(device: Device, knowledge: CheckKnowledge): string | undefined {
  return firmwareFamiliesFor(device, knowledge).find((entry) => entry.updatedBy === 'provider' && entry.provider)?.provider;
}

function componentFindings(device: Device, knowledge: CheckKnowledge, now: Date, knowledgeAsOf: string): Finding[] {
  const findings: Finding[] = [];
  const provider = providerOf(device, knowledge);
  for (const component of device.identity.components) {
    const version = parseVersion(component.version);
    // An unreadable component version says nothing either way: no finding.
    if (!version) continue;
    const entries = componentEntriesFor(component.name, knowledge);
    if (entries.length === 0) continue;
    // A distribution's revision means backported fixes: the upstream version cannot be judged, so no claim from it.
    const bannerTexts = device.services.map((service) => service.banner).filter((banner) => banner?.includes(component.version));
    const distribution = distributionPackageIn([component.version, component.evidence, ...bannerTexts]);
    if (distribution) {
      findings.push(distributionPackageFinding(device, component, distribution));
      continue;
    }
    const subject: Subject = {
      label: `${component.name}`,
      keyPrefix: `component:${component.name.toLowerCase()}`,
      version,
      versionText: component.version,
      confidence: version.distroPatched ? 'possible' : 'likely',
      component: component.name,
      ...(provider ? { provider } : {}),
    };
    for (const entry of entries) {
      if (entryApplies(entry, version) !== true) continue;
      const found = findingsForEntry(device, subject, entry, now, knowledgeAsOf);
      for (const finding of found) finding.evidence.splice(1, 0, `seen as: ${component.evidence}`);
      findings.push(...found);
    }
  }
  return findings;
}

export const outdatedFirmwareCheck: Check = {
  id: 'outdated-firmware',
  description: 'Firmware and software components against known latest versions, end of support and exploited vulnerabilities',
  appliesTo(device) {
    return device.vendor !== null || device.identity.components.length > 0;
  },
  async run(device: Device, ctx: CheckContext): Promise<Finding[]> {
    ctx.signal.throwIfAborted();
    const knowledgeAsOf = asOf(ctx.knowledge);
    const now = ctx.now();
    return [
      ...familyFindings(device, ctx.knowledge, now, knowledgeAsOf),
      ...componentFindings(device, ctx.knowledge, now, knowledgeAsOf),
    ];
  },
};
