// Decides whether a compiled rule holds for a host: every condition group must hold on one record
// of its kind (the same mDNS service, the same HTTP port…), and the `unless` conditions must not.

import { sanitizeText } from '../util/sanitize.js';
import type { FactRecord, FactsView } from './facts-view.js';
import type { Captures } from './template.js';
import type { CompiledConditions, CompiledGroup, CompiledRule } from './types.js';

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

function holdsOnRecord(group: CompiledGroup, record: FactRecord): GroupHit | null {
  const hit: GroupHit = { record, captures: [], values: [], named: [], detail: '' };
  const shown: string[] = [];
  if (group.mdnsType !== undefined) {
    if (record.mdnsType !== group.mdnsType) return null;
    hit.values.push(['mdns.type', group.mdnsType]);
  }
  if (group.ports) {
    if (record.port === undefined || !group.ports.includes(record.port)) return null;
    hit.values.push([`${group.name}.port`, String(record.port)]);
  }
  if (group.status !== undefined && record.status !== group.status) return null;
  if (group.oidPrefix !== undefined) {
    if (!oidUnder(record.oid, group.oidPrefix)) return null;
    shown.push(`sysObjectID=${record.oid ?? ''}`);
  }
  for (const { path, pattern } of group.patterns) {
    const key = path.toLowerCase();
    let found: RegExpExecArray | null = null;
    for (const value of record.values(key)) {
      found = pattern.exec(value);
      if (found) {
        shown.push(`${path.slice(group.name.length + 1) || path}=${quote(value)}`);
        hit.values.push([key, value]);
        break;
      }
    }
    if (!found) return null;
    hit.captures.push([key, Array.from(found, (part) => part ?? '')]);
    for (const [name, value] of Object.entries(found.groups ?? {})) if (value !== undefined) hit.named.push([name, value]);
  }
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

/** The captures and evidence when every group holds; null otherwise. */
export function conditionsHold(conditions: CompiledConditions, view: FactsView): Omit<RuleMatch, 'compiled'> | null {
  const records = new Map<string, FactRecord>();
  const captures: Captures = {
    values: new Map(),
    byPath: new Map(),
    named: new Map(),
    otherField: (path) => records.get(path.split('.')[0] as string)?.values(path)[0],
  };
  const details: string[] = [];
  for (const group of conditions.groups.values()) {
    const hit = holdsInGroup(group, view);
    if (!hit) return null;
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
