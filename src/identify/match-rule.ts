// Decides whether a compiled rule holds for a host: every condition group must hold on one record
// of its kind (the same mDNS service, the same HTTP port…), and the `unless` conditions must not.

import { sanitizeText } from '../util/sanitize.js';
import type { FactRecord, FactsView } from './facts-view.js';
import type { Captures } from './template.js';
import type { CompiledCondition, CompiledConditions, CompiledGroup, CompiledRule } from './types.js';

export interface RuleMatch {
  compiled: CompiledRule;
  captures: Captures;
  /** What held, for evidence: "SSDP server=\"FRITZ!Box 7590 …\"". */
  details: string[];
  /** The group the first condition read: says which discovery source the evidence came from. */
  firstGroup: string;
}

interface GroupHit {
  record?: FactRecord;
  captures: Array<[string, string[]]>;
  values: Array<[string, string]>;
  named: Array<[string, string]>;
  detail: string;
}

function quote(value: string): string {
  return JSON.stringify(sanitizeText(value, 80));
}

function oidUnder(oid: string | undefined, prefix: string): boolean {
  return oid !== undefined && (oid === prefix || oid.startsWith(`${prefix}.`));
}

/** A record's values per path, read once per host: a rule set reads the same few paths of each record hundreds of times. */
const valuesByRecord = new WeakMap<FactRecord, Map<string, string[]>>();

function valuesOf(record: FactRecord, key: string): string[] {
  let byKey = valuesByRecord.get(record);
  if (!byKey) valuesByRecord.set(record, (byKey = new Map()));
  let values = byKey.get(key);
  if (!values) byKey.set(key, (values = record.values(key)));
  return values;
}

/** Lower-cased condition paths, computed once per compiled condition rather than per record tried. */
const keyByCondition = new WeakMap<CompiledCondition, string>();

function keyOf(condition: CompiledCondition): string {
  let key = keyByCondition.get(condition);
  if (key === undefined) keyByCondition.set(condition, (key = condition.path.toLowerCase()));
  return key;
}

/** The group's checks on one record; nothing is allocated until every one of them held (most do not). */
function holdsOnRecord(group: CompiledGroup, record: FactRecord): GroupHit | null {
  if (group.mdnsType !== undefined && record.mdnsType !== group.mdnsType) return null;
  if (group.ports && (record.port === undefined || !group.ports.includes(record.port))) return null;
  if (group.status !== undefined && record.status !== group.status) return null;
  if (group.oidPrefix !== undefined && !oidUnder(record.oid, group.oidPrefix)) return null;
  let founds: Array<{ found: RegExpExecArray; value: string }> | undefined;
  for (const condition of group.patterns) {
    let hold: { found: RegExpExecArray; value: string } | undefined;
    for (const value of valuesOf(record, keyOf(condition))) {
      const found = condition.pattern.exec(value);
      if (found) {
        hold = { found, value };
        break;
      }
    }
    if (!hold) return null;
    (founds ??= []).push(hold);
  }
  const hit: GroupHit = { record, captures: [], values: [], named: [], detail: '' };
  const shown: string[] = [];
  if (group.mdnsType !== undefined) hit.values.push(['mdns.type', group.mdnsType]);
  if (group.ports) hit.values.push([`${group.name}.port`, String(record.port)]);
  if (group.oidPrefix !== undefined) shown.push(`sysObjectID=${record.oid ?? ''}`);
  group.patterns.forEach((condition, index) => {
    const { found, value } = founds![index]!;
    const key = keyOf(condition);
    shown.push(`${condition.path.slice(group.name.length + 1) || condition.path}=${quote(value)}`);
    hit.values.push([key, value]);
    hit.captures.push([key, Array.from(found, (part) => part ?? '')]);
    for (const [name, named] of Object.entries(found.groups ?? {})) if (named !== undefined) hit.named.push([name, named]);
  });
  hit.detail = [record.label, ...shown].join(' ');
  return hit;
}

function holdsInGroup(group: CompiledGroup, view: FactsView): GroupHit | null {
  if (group.name === 'ports') {
    const ports = group.ports ?? [];
    if (!ports.every((port) => view.openPorts.has(port))) return null;
    return { captures: [], values: [['ports', ports.join(',')]], named: [], detail: `open TCP ports ${ports.join(', ')}` };
  }
  for (const record of view.groups.get(group.name) ?? []) {
    const hit = holdsOnRecord(group, record);
    if (hit) return hit;
  }
  return null;
}

/** The captures and evidence when every group holds; null otherwise. Maps are built only for a rule that held. */
export function conditionsHold(conditions: CompiledConditions, view: FactsView): Omit<RuleMatch, 'compiled'> | null {
  let hits: GroupHit[] | undefined;
  for (const group of conditions.groups.values()) {
    const hit = holdsInGroup(group, view);
    if (!hit) return null;
    (hits ??= []).push(hit);
  }
  if (!hits) hits = [];
  const records = new Map<string, FactRecord>();
  const captures: Captures = {
    values: new Map(),
    byPath: new Map(),
    named: new Map(),
    otherField: (path) => records.get(path.split('.')[0] as string)?.values(path)[0],
  };
  const details: string[] = [];
  let index = 0;
  for (const group of conditions.groups.values()) {
    const hit = hits[index++]!;
    if (hit.record) records.set(group.name, hit.record);
    for (const [path, values] of hit.captures) captures.byPath.set(path, values);
    for (const [path, value] of hit.values) captures.values.set(path, value);
    for (const [name, value] of hit.named) if (!captures.named.has(name)) captures.named.set(name, value);
    details.push(hit.detail);
  }
  const firstGroup = conditions.groups.keys().next().value ?? 'rule';
  return { captures, details, firstGroup };
}

export function matchRule(compiled: CompiledRule, view: FactsView): RuleMatch | null {
  const held = conditionsHold(compiled.match, view);
  if (!held) return null;
  if (compiled.unless && conditionsHold(compiled.unless, view)) return null;
  return { compiled, ...held };
}
