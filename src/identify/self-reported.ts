// What a device says about itself in words: a maker named in its SNMP sysDescr, HTTP Server header,
// page title, login realm or banner; make and model in mDNS TXT keys; the IANA enterprise number in
// its sysObjectID. Each becomes a self-reported outcome: weak on its own, marked as the device's own
// word in the identity, and never taken over a confident rule (combine.ts).

import type { DeviceKind } from '../model.js';
import { DEVICE_KINDS } from '../model.js';
import { sanitizeText } from '../util/sanitize.js';
import type { RuleOutcome } from './combine.js';
import { compileRule } from './compile-rule.js';
import type { FactsView } from './facts-view.js';
import type { CompiledAlias, CompiledRule } from './types.js';
import { textWords } from './registry-makers.js';
import { normaliseVendor } from './vendor-names.js';

export interface MakerName {
  vendor: string;
  /** The spelling, as the tables write it. */
  name: string;
  /** Whole-word pattern of one spelling. */
  pattern: RegExp;
  /** A product line: kept in the model. */
  brand: boolean;
}

/** A model-number series only one maker uses ("DCS-2100" is a D-Link camera). */
export interface ModelSeries {
  vendor: string;
  pattern: RegExp;
  kind: DeviceKind;
}

export interface KindWord {
  kind: DeviceKind;
  pattern: RegExp;
  confidence: number;
}

export interface SelfReportedTables {
  makers: MakerName[];
  series: ModelSeries[];
  /** field: as written ("snmp.sysDescr"), for evidence; path: lower case, as records are read. */
  readers: Array<{ group: string; field: string; path: string; confidence: number }>;
  txt: { makerKeys: string[]; modelKeys: string[]; mentionKeys: string[]; confidence: number };
  kindWords: KindWord[];
  enterprises: Map<number, string>;
  enterpriseConfidence: number;
  /** Maker (lower case) → what its networked products mostly are. */
  makerKinds: Map<string, DeviceKind>;
  makerKindConfidence: number;
  /** Makers the IEEE registry names (lower case → spelling), read where no maker of the tables is named. */
  registryMakers: Map<string, string>;
  registryMakerConfidence: number;
  /** The synthetic rules evidence names: one per reader. */
  rules: Map<string, CompiledRule>;
}

export const NO_SELF_REPORTED: SelfReportedTables = {
  makers: [],
  series: [],
  readers: [],
  txt: { makerKeys: [], modelKeys: [], mentionKeys: [], confidence: 0 },
  kindWords: [],
  enterprises: new Map(),
  enterpriseConfidence: 0,
  makerKinds: new Map(),
  makerKindConfidence: 0,
  registryMakers: new Map(),
  registryMakerConfidence: 0,
  rules: new Map(),
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as a whole word: not inside a longer word ("HP" in "HP-ChaiServer" yes, in "PHP" no). */
export function wordPattern(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escape(name).replace(/\\? /g, '[\\s_-]?')}(?![A-Za-z0-9])`, 'i');
}

export function isDeviceKind(kind: string): kind is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(kind);
}

const ENTERPRISE_OID = /^1\.3\.6\.1\.4\.1\.(\d+)(?:\.|$)/;
/** Words between a maker's name and its model that are not part of the model. */
const FILLER = /^(the|a|for|to|of|by|and|welcome|web|http|https|ftp|telnet|ssh|server|service|ready|login|network|wireless|ip|camera|printer|router|gateway|access|point|series|inc|corp|ltd|co|version|ver|firmware|upnp|home|smart|digital|video|system|viewer|setup|page|device|devices|n)$/i;
const MAX_MODEL_WORDS = 6;
/** A year ("Copyright by ARESCOM 2002") is not a model number. */
const YEAR = /^(19|20)\d{2}$/;

interface Mention {
  vendor: string;
  index: number;
  end: number;
  /** The words matched were a product line of the maker ("LaserJet"): part of the model. */
  brand: string | null;
}

/** The maker named first in a text (the longest spelling where two start at the same place). */
export function firstMaker(text: string, makers: readonly MakerName[]): Mention | null {
  let best: Mention | null = null;
  for (const maker of makers) {
    const found = maker.pattern.exec(text);
    if (!found) continue;
    const mention = { vendor: maker.vendor, index: found.index, end: found.index + found[0].length, brand: maker.brand ? found[0] : null };
    if (!best || mention.index < best.index || (mention.index === best.index && mention.end > best.end)) best = mention;
  }
  return best;
}

function cleanToken(token: string): string {
  return token.replace(/^[([{"']+/, '').replace(/[)\]}"',;:.!?]+$/, '').replace(/&nbsp;?/gi, '');
}

/** A token that looks like a model number, not a version or an address: letters and digits ("HL-L2340DW", "2100"). */
function modelLike(token: string): boolean {
  if (!/\d/.test(token) || /\d+\.\d+/.test(token) || /^v\d/i.test(token) || YEAR.test(token)) return false;
  return /[A-Za-z]/.test(token) ? token.length >= 3 : token.length >= 3 && token.length <= 5;
}

function wholeMaker(token: string, makers: readonly MakerName[]): MakerName | undefined {
  return makers.find((candidate) => candidate.pattern.exec(token)?.[0].length === token.length);
}

/**
 * The model after a maker's name: its product-line words, the words after them, and the first token
 * that looks like a model number ("LaserJet M1536dnf", "hue bridge 2015", "NC-130h"); null when none.
 */
export function modelAfter(text: string, mention: Pick<Mention, 'end' | 'brand'>, makers: readonly MakerName[]): string | null {
  const words = text.slice(mention.end).split(/[\s/,;]+/).filter(Boolean).slice(0, MAX_MODEL_WORDS);
  const kept: string[] = mention.brand ? [mention.brand] : [];
  for (const raw of words) {
    if (/^[[(]/.test(raw) && !/\w[)\]]$/.test(raw)) break;
    const token = cleanToken(raw);
    if (!token) continue;
    // A version or an address ends the model: "ReadyNAS [192.168.1.10]" is a ReadyNAS.
    if (/\d+\.\d+/.test(token)) break;
    const maker = wholeMaker(token, makers);
    if (maker && !maker.brand) continue;
    if (modelLike(token)) return [...kept, token].join(' ');
    if (maker?.brand || (kept.length > 0 && !FILLER.test(token))) kept.push(token);
    else if (kept.length > 0) break;
  }
  return kept.length > 0 ? kept.join(' ') : null;
}

/** The last word of a product's own name when it says what the product is ("… Building to Building Bridge", "Enterprise AP"). */
const PRODUCT_NOUNS: ReadonlyArray<[RegExp, DeviceKind]> = [
  [/^(AP|Access Point|Bridge|Repeater|Extender)$/i, 'access-point'],
  [/^(Router|Gateway|Modem)$/i, 'router'],
  [/^Camera$/i, 'camera'],
  [/^(Printer|Print Server)$/i, 'printer'],
  [/^(NAS|Storage)$/i, 'nas'],
];
const MAX_PHRASE_WORDS = 7;

/**
 * A product named in words after its maker at the start of an SNMP sysDescr, with no model number:
 * "3Com 11 Mbps Wireless Building to Building Bridge", "3Com Enterprise AP: v3.1.00". RFC 1213 asks
 * sysDescr for "the full name and version identification of the system's hardware type"; the words up
 * to a colon, comma, bracket or version are that name when they end in what the product is. Null otherwise.
 */
export function productPhrase(text: string, mention: Pick<Mention, 'index' | 'end'>): { model: string; kind: DeviceKind } | null {
  if (mention.index !== 0) return null;
  const head = text.slice(mention.end).split(/[:,;([]|\s[vV]?\d+\.\d/)[0]!.trim();
  const words = head.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > MAX_PHRASE_WORDS || !words.every((word) => /^[A-Za-z0-9][\w+-]*$/.test(word))) return null;
  const ends = [words.at(-1)!, words.slice(-2).join(' ')];
  const noun = PRODUCT_NOUNS.find(([pattern]) => ends.some((end) => pattern.test(end)));
  return noun ? { model: words.join(' '), kind: noun[1] } : null;
}

const MIN_GLUED_NAME = 3;

/**
 * A model number with its maker's name or product line glued in front ("LinksysWRT350N", "SMCD3GN2-BIZ",
 * "FRITZ!Box7490"): the maker, and the model. A name in mixed case that stops before a capital is not part of the model ("WRT350N"); a
 * name in capitals is, as the maker spells its models that way ("SMCD3GN2-BIZ").
 */
export function gluedMaker(text: string, makers: readonly MakerName[]): { vendor: string; model: string } | null {
  for (const raw of text.split(/[\s/(),;:]+/)) {
    const token = cleanToken(raw);
    for (const maker of makers) {
      const length = maker.name.length;
      if (length < MIN_GLUED_NAME || token.length <= length || (!maker.brand && /[^A-Za-z0-9]/.test(maker.name))) continue;
      if (token.slice(0, length).toLowerCase() !== maker.name.toLowerCase()) continue;
      const rest = token.slice(length);
      if (!/^[A-Z0-9]/.test(rest) || !modelLike(rest)) continue;
      // A product line glued to its number ("FRITZ!Box7490") keeps the line in the model, spaced as the maker writes it.
      if (maker.brand) return { vendor: maker.vendor, model: `${token.slice(0, length)} ${rest}` };
      return { vendor: maker.vendor, model: /[a-z]$/.test(token.slice(0, length)) ? rest : token };
    }
  }
  return null;
}

/** The first word of a text that belongs to a maker's model series, with that series. */
export function firstSeries(text: string, series: readonly ModelSeries[]): { model: string; series: ModelSeries } | null {
  for (const raw of text.split(/[\s/(),;:]+/)) {
    const token = cleanToken(raw);
    const found = token ? series.find((candidate) => candidate.pattern.test(token)) : undefined;
    if (found) return { model: token, series: found };
  }
  return null;
}

/** The first word of a text that the registry names as a maker ("Intermec"), as a mention. */
export function registryMaker(text: string, registry: ReadonlyMap<string, string>): Mention | null {
  let from = 0;
  for (const word of textWords(text)) {
    const index = text.indexOf(word, from);
    from = index + word.length;
    const vendor = registry.get(word.toLowerCase());
    if (vendor) return { vendor, index, end: from, brand: null };
  }
  return null;
}

function firstKind(text: string, words: readonly KindWord[]): KindWord | null {
  let best: { word: KindWord; index: number } | null = null;
  for (const word of words) {
    const found = word.pattern.exec(text);
    if (found && (!best || found.index < best.index)) best = { word, index: found.index };
  }
  return best?.word ?? null;
}

function outcome(rule: CompiledRule, detail: string, confidence: number, gives: Partial<Pick<RuleOutcome, 'vendor' | 'model' | 'kind'>>): RuleOutcome {
  const firstGroup = [...rule.match.groups.keys()][0] ?? 'rule';
  return {
    match: { compiled: rule, captures: { values: new Map(), byPath: new Map(), named: new Map() }, details: [detail], firstGroup },
    confidence,
    vendor: gives.vendor ?? null,
    model: gives.model ?? null,
    firmware: null,
    kind: gives.kind ?? null,
    components: [],
    selfReported: true,
  };
}

const shown = (value: string): string => JSON.stringify(sanitizeText(value, 80));

function textOutcomes(tables: SelfReportedTables, view: FactsView, aliases: readonly CompiledAlias[]): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  for (const reader of tables.readers) {
    const rule = tables.rules.get(reader.path)!;
    for (const record of view.groups.get(reader.group) ?? []) {
      for (const value of record.values(reader.path)) {
        const detail = `${record.label} ${reader.field.slice(reader.group.length + 1)}=${shown(value)}`;
        const maker = firstMaker(value, tables.makers);
        if (maker) {
          const model = modelAfter(value, maker, tables.makers);
          const phrase = model === null && reader.path === 'snmp.sysdescr' ? productPhrase(value, maker) : null;
          outcomes.push(outcome(rule, detail, reader.confidence, { vendor: normaliseVendor(maker.vendor, aliases), model: model ?? phrase?.model, kind: phrase?.kind }));
        }
        const glued = maker ? null : gluedMaker(value, tables.makers);
        if (glued) {
          const kind = firstSeries(glued.model, tables.series)?.series.kind ?? firstKind(glued.model, tables.kindWords)?.kind;
          outcomes.push(outcome(rule, detail, reader.confidence, { vendor: normaliseVendor(glued.vendor, aliases), model: glued.model, kind }));
        }
        const inSeries = firstSeries(value, tables.series);
        const inRegistry = maker || glued || inSeries ? null : registryMaker(value, tables.registryMakers);
        if (inRegistry) {
          const confidence = Math.min(reader.confidence, tables.registryMakerConfidence);
          outcomes.push(outcome(rule, `${detail} (IEEE registry name)`, confidence, { vendor: normaliseVendor(inRegistry.vendor, aliases), model: modelAfter(value, inRegistry, tables.makers) }));
        }
        if (inSeries) {
          const { vendor, kind } = inSeries.series;
          outcomes.push(outcome(rule, detail, reader.confidence, { vendor: normaliseVendor(vendor, aliases), model: inSeries.model, kind }));
        }
        const kind = firstKind(value, tables.kindWords);
        if (kind) outcomes.push(outcome(rule, detail, Math.min(kind.confidence, reader.confidence), { kind: kind.kind }));
      }
    }
  }
  return outcomes;
}

function txtOutcomes(tables: SelfReportedTables, view: FactsView, aliases: readonly CompiledAlias[]): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const rule = tables.rules.get('mdns.txt')!;
  const { makerKeys, modelKeys, mentionKeys, confidence } = tables.txt;
  for (const record of view.groups.get('mdns') ?? []) {
    const read = (key: string): string | undefined => record.values(`mdns.txt.${key.toLowerCase()}`)[0]?.trim() || undefined;
    const detailOf = (key: string, value: string): string => `${record.label} TXT ${key}=${shown(value)}`;
    let vendor: string | null = null;
    let detail = '';
    for (const key of makerKeys) {
      const value = read(key);
      if (value && /[A-Za-z]/.test(value)) {
        vendor = normaliseVendor(firstMaker(value, tables.makers)?.vendor ?? value, aliases);
        detail = detailOf(key, value);
        break;
      }
    }
    for (const key of vendor ? [] : mentionKeys) {
      const value = read(key);
      const maker = value ? firstMaker(value, tables.makers) : null;
      if (value && maker) {
        vendor = normaliseVendor(maker.vendor, aliases);
        detail = detailOf(key, value);
        break;
      }
    }
    const modelKey = modelKeys.find((key) => read(key));
    // Some printers wrap the product in parentheses: "(HP OfficeJet Pro 9010 series)".
    const model = modelKey ? read(modelKey)!.replace(/^\((.*)\)$/, '$1') : null;
    if (!vendor && !model && !mentionKeys.some(read)) continue;
    const details = [detail, model && modelKey ? detailOf(modelKey, model) : ''].filter(Boolean).join('; ');
    outcomes.push(outcome(rule, details, confidence, { vendor, model }));
    // A model of a known series says the maker and the kind as well.
    const inSeries = [model, ...mentionKeys.map(read)].map((value) => (value ? firstSeries(value, tables.series) : null)).find(Boolean);
    if (inSeries) {
      const gives = { vendor: normaliseVendor(inSeries.series.vendor, aliases), model: inSeries.model, kind: inSeries.series.kind };
      outcomes.push(outcome(rule, `${record.label} TXT model ${shown(inSeries.model)}`, confidence, gives));
    }
  }
  return outcomes;
}

function enterpriseOutcomes(tables: SelfReportedTables, view: FactsView, aliases: readonly CompiledAlias[]): RuleOutcome[] {
  const rule = tables.rules.get('snmp.sysobjectid')!;
  const outcomes: RuleOutcome[] = [];
  for (const record of view.groups.get('snmp') ?? []) {
    const number = Number(ENTERPRISE_OID.exec(record.oid ?? '')?.[1]);
    const organisation = tables.enterprises.get(number);
    if (!organisation) continue;
    const vendor = normaliseVendor(firstMaker(organisation, tables.makers)?.vendor ?? organisation, aliases);
    const detail = `SNMP sysObjectID=${record.oid} (IANA enterprise ${number}: ${organisation})`;
    outcomes.push(outcome(rule, detail, tables.enterpriseConfidence, { vendor }));
  }
  return outcomes;
}

/** Every self-reported outcome for one host. */
export function selfReportedOutcomes(tables: SelfReportedTables, view: FactsView, aliases: readonly CompiledAlias[]): RuleOutcome[] {
  if (tables.rules.size === 0) return [];
  return [...textOutcomes(tables, view, aliases), ...txtOutcomes(tables, view, aliases), ...enterpriseOutcomes(tables, view, aliases)];
}

/** A guess at the kind from what the maker mostly makes, for an identity that names a maker and no kind. Not the device's word, and weak. */
export function makerKindOutcome(tables: SelfReportedTables, vendor: string): RuleOutcome | null {
  const kind = tables.makerKinds.get(vendor.toLowerCase());
  const rule = tables.rules.get('maker-kind');
  if (!kind || !rule) return null;
  const guess = outcome(rule, `kind guessed from what ${vendor} mostly makes`, tables.makerKindConfidence, { kind });
  return { ...guess, selfReported: false };
}

/** The synthetic rule one reader's evidence names ("self-reported-snmp-sysdescr"). */
export function readerRule(file: string, path: string): CompiledRule {
  const [group, field] = path.split('.') as [string, string];
  const match =
    path === 'maker-kind' ? { oui: '.' } : field === 'txt' ? { mdns: { txt: {} } } : field === 'sysobjectid' ? { snmp: { enterprise: 1 } } : { [group]: { [field]: '.' } };
  return compileRule(file, {
    id: path === 'maker-kind' ? 'maker-kind-guess' : `self-reported-${path.replace(/\./g, '-').toLowerCase()}`,
    match,
    give: { vendor: 'self-reported' },
    confidence: 0,
    selfReported: true,
    source: 'what the device says about itself',
  });
}
