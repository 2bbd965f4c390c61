// Folds every rule that held into one identity. Rules that agree on a value strengthen it
// (1 - Π(1 - confidence)); the strongest value wins per attribute. Model, firmware and kind are
// only taken from rules that agree with the chosen vendor (or name none), so a model is never
// paired with another maker's name. What a device says about itself (self-reported rules) counts
// only where no confident rule says otherwise, and the identity marks the attributes that rest on it.

import type { AttributeConfidence, DeviceKind, Evidence, FirmwareEvidence, FirmwareSource, Identity, SelfReportedAttribute, SoftwareComponent } from '../model.js';
import type { CompiledAlias } from './types.js';
import type { RuleMatch } from './match-rule.js';
import { renderTemplate, resolveReference } from './template.js';
import { normaliseVendor } from './vendor-names.js';

/** One rule's outputs, rendered. */
export interface RuleOutcome {
  match: RuleMatch;
  confidence: number;
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  kind: DeviceKind | null;
  components: SoftwareComponent[];
  /** The rule only passes on the device's own word. */
  selfReported: boolean;
}

interface Candidate {
  value: string;
  support: number;
  best: number;
  specificity: number;
  order: number;
  /** Some rule that is not the device's own word gave this value. */
  ruleBacked: boolean;
}

/** A rule at least this sure is "confident": no self-reported value overrules it. */
export const CONFIDENT_RULE = 0.5;

type Attribute = 'vendor' | 'model' | 'firmware' | 'kind';

const EVIDENCE_SOURCES: Record<string, Evidence['source']> = {
  mdns: 'mdns',
  ssdp: 'ssdp',
  snmp: 'snmp',
  http: 'tcp',
  ipp: 'tcp',
  wsd: 'wsd',
  ssh: 'tcp',
  telnet: 'tcp',
  ftp: 'tcp',
  rtsp: 'tcp',
  vnc: 'tcp',
  mqtt: 'tcp',
  ports: 'tcp',
  atag: 'atag',
  oui: 'oui',
};

/**
 * A UPnP modelName that only says what the device is ("Wireless-G ADSL Home Gateway") names no model;
 * the modelNumber beside it often does ("WAG200G"). UPnP Device Architecture: modelName is the model's
 * name, modelNumber its number; makers fill either with the product's usual name.
 */
const KIND_PHRASE = /\b(gateway|router|modem|access point|camera|server|device|bridge|printer|adapter|extender|repeater)\b/i;
const MODEL_NUMBER = /^(?!.*\d\.\d)(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][\w+-]{2,30}$/;

function modelOf(template: string | undefined, match: RuleMatch, render: (template: string | undefined) => string | null): string | null {
  const model = render(template);
  if (template !== '{ssdp.modelName}' || model === null || /\d/.test(model) || !KIND_PHRASE.test(model)) return model;
  const number = resolveReference('ssdp.modelNumber', match.captures)?.trim();
  return number && MODEL_NUMBER.test(number) ? render('{ssdp.modelNumber}') : model;
}

export function renderOutcome(match: RuleMatch, aliases: CompiledAlias[]): RuleOutcome {
  const { rule } = match.compiled;
  const give = rule.give;
  const render = (template: string | undefined): string | null =>
    template === undefined ? null : renderTemplate(template, match.captures);
  const vendor = render(give.vendor);
  const components: SoftwareComponent[] = [];
  for (const component of give.components ?? []) {
    const version = render(component.version);
    if (version) components.push({ name: component.name, version, evidence: match.details.join('; ') });
  }
  return {
    match,
    confidence: rule.confidence,
    vendor: vendor === null ? null : normaliseVendor(vendor, aliases),
    model: modelOf(give.model, match, render),
    firmware: render(give.firmware),
    kind: give.kind ?? null,
    components,
    selfReported: rule.selfReported === true,
  };
}

function choose(outcomes: RuleOutcome[], attribute: Attribute): Candidate | null {
  const byValue = new Map<string, Candidate>();
  outcomes.forEach((outcome, order) => {
    const value = outcome[attribute];
    if (value === null) return;
    const key = value.toLowerCase();
    const candidate = byValue.get(key);
    const specificity = outcome.match.compiled.specificity;
    if (!candidate) {
      byValue.set(key, { value, support: outcome.confidence, best: outcome.confidence, specificity, order, ruleBacked: !outcome.selfReported });
      return;
    }
    candidate.ruleBacked ||= !outcome.selfReported;
    candidate.support = 1 - (1 - candidate.support) * (1 - outcome.confidence);
    if (outcome.confidence > candidate.best) {
      // The spelling of the most confident rule is the one shown.
      candidate.value = value;
      candidate.best = outcome.confidence;
    }
    candidate.specificity = Math.max(candidate.specificity, specificity);
  });
  let winner: Candidate | null = null;
  for (const candidate of byValue.values()) {
    if (
      !winner ||
      candidate.support > winner.support ||
      (candidate.support === winner.support && candidate.specificity > winner.specificity) ||
      (candidate.support === winner.support && candidate.specificity === winner.specificity && candidate.order < winner.order)
    ) {
      winner = candidate;
    }
  }
  return winner;
}

/** Where a confident rule gives the attribute, the device's own word neither overrules nor repeats it. */
function trustedPool(outcomes: RuleOutcome[], attribute: Attribute): RuleOutcome[] {
  const confident = outcomes.some((outcome) => !outcome.selfReported && outcome.confidence >= CONFIDENT_RULE && outcome[attribute] !== null);
  return confident ? outcomes.filter((outcome) => !outcome.selfReported || outcome[attribute] === null) : outcomes;
}

function mergeComponents(outcomes: RuleOutcome[]): SoftwareComponent[] {
  const byName = new Map<string, { component: SoftwareComponent; confidence: number }>();
  for (const outcome of outcomes) {
    for (const component of outcome.components) {
      const key = component.name.toLowerCase();
      const known = byName.get(key);
      if (!known || outcome.confidence > known.confidence) byName.set(key, { component, confidence: outcome.confidence });
    }
  }
  return [...byName.values()].map(({ component }) => component).sort((a, b) => a.name.localeCompare(b.name));
}

/** Rule groups that read what a device announces about itself; the others read banners and headers. */
const ANNOUNCING_GROUPS = new Set(['mdns', 'ssdp', 'wsd']);

/** Where the firmware shown came from: the most confident rule that gave that value. */
function firmwareEvidenceOf(outcomes: RuleOutcome[], value: string): FirmwareEvidence | undefined {
  const outcome = outcomes.find((candidate) => candidate.firmware?.toLowerCase() === value.toLowerCase());
  if (!outcome) return undefined;
  const via: FirmwareSource = ANNOUNCING_GROUPS.has(outcome.match.firstGroup) ? 'announcement' : 'banner';
  return { via, detail: outcome.match.details.join('; '), ruleId: outcome.match.compiled.rule.id };
}

function evidenceOf(outcome: RuleOutcome): Evidence {
  const { match } = outcome;
  const gives = [
    outcome.vendor && `vendor ${outcome.vendor}`,
    outcome.model && `model ${outcome.model}`,
    outcome.firmware && `firmware ${outcome.firmware}`,
    outcome.kind && `kind ${outcome.kind}`,
    ...outcome.components.map((component) => `${component.name} ${component.version}`),
  ].filter(Boolean);
  return {
    source: EVIDENCE_SOURCES[match.firstGroup] ?? 'rule',
    detail: `${outcome.selfReported ? 'self-reported: ' : ''}${match.details.join('; ')} → ${gives.join(', ')}`,
    ruleId: match.compiled.rule.id,
  };
}

export function combineOutcomes(outcomes: RuleOutcome[]): Identity {
  const ranked = [...outcomes].sort((a, b) => b.confidence - a.confidence);
  const used = new Set<RuleOutcome>();
  const pick = (pool: RuleOutcome[], attribute: Attribute): Candidate | null => {
    const trusted = trustedPool(pool, attribute);
    const winner = choose(trusted, attribute);
    // The device's own words are evidence only where they gave the value shown.
    for (const outcome of trusted) if (outcome.selfReported && winner && outcome[attribute]?.toLowerCase() === winner.value.toLowerCase()) used.add(outcome);
    return winner;
  };
  const vendor = pick(ranked, 'vendor');
  const agreeing = vendor
    ? ranked.filter((outcome) => outcome.vendor === null || outcome.vendor.toLowerCase() === vendor.value.toLowerCase())
    : ranked;
  const model = pick(agreeing, 'model');
  const firmware = pick(agreeing, 'firmware');
  const kind = pick(agreeing, 'kind');
  const chosen: Record<SelfReportedAttribute, Candidate | null> = { vendor, model, firmware, kind };
  const selfReported = (Object.keys(chosen) as SelfReportedAttribute[]).filter((attribute) => chosen[attribute] && !chosen[attribute]!.ruleBacked);
  const firmwareEvidence = firmware ? firmwareEvidenceOf(agreeing, firmware.value) : undefined;
  // Each attribute keeps the support of the rules that gave its value: a weak kind stays weak beside a sure vendor.
  const attributes: AttributeConfidence = { vendor: rounded(vendor?.support ?? 0), model: rounded(model?.support ?? 0), kind: rounded(kind?.support ?? 0) };
  const supports = [vendor, model, kind].map((candidate) => candidate?.support ?? 0);
  const confidence = rounded(supports.reduce((sum, value) => sum + value, 0) / supports.length);
  return {
    vendor: vendor?.value ?? null,
    model: model?.value ?? null,
    firmware: firmware?.value ?? null,
    ...(firmwareEvidence ? { firmwareEvidence } : {}),
    kind: (kind?.value as DeviceKind | undefined) ?? 'unknown',
    confidence,
    attributes,
    evidence: ranked.filter((outcome) => hasOutput(outcome) && (!outcome.selfReported || used.has(outcome))).map(evidenceOf),
    components: mergeComponents(ranked),
    ...(selfReported.length > 0 ? { selfReported } : {}),
  };
}

const rounded = (value: number): number => Math.round(value * 100) / 100;

function hasOutput(outcome: RuleOutcome): boolean {
  return Boolean(outcome.vendor || outcome.model || outcome.firmware || outcome.kind || outcome.components.length > 0);
}
