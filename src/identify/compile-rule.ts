// Turns a rule as written into one the engine can run, and refuses a bad rule at load with its file
// and id: a regex that does not compile, an unknown kind, a template naming nothing the rule captures.

import { DEVICE_KINDS } from '../model.js';
import { DataFileError } from '../knowledge/load-data.js';
import { templateReferences } from './template.js';
import {
  BANNER_PROTOCOLS,
  type CompiledCondition,
  type CompiledConditions,
  type CompiledGroup,
  type CompiledRule,
  type FingerprintRule,
  type PortCondition,
  type RuleConditions,
} from './types.js';

/** Every pattern is case-insensitive, and `.` also matches line breaks (banners and bodies span lines). */
export const PATTERN_FLAGS = 'is';

const ENTERPRISES_PREFIX = '1.3.6.1.4.1';

/** Fields a template may read from a record its rule held on, even when no condition names them. */
const READABLE_FIELDS: Record<string, readonly string[]> = {
  mdns: ['instance', 'host', 'type'],
  ssdp: ['server', 'usn', 'manufacturer', 'manufacturerURL', 'modelName', 'modelNumber', 'modelDescription',
    'friendlyName', 'firmware', 'serialNumber', 'presentationURL'],
  snmp: ['sysDescr', 'sysName', 'sysContact', 'sysLocation'],
  http: ['server', 'title', 'realm', 'authScheme', 'location', 'body'],
  ipp: ['makeAndModel', 'deviceId', 'maker', 'model'],
  wsd: ['endpoint', 'name', 'hardware', 'manufacturer', 'location'],
  ...Object.fromEntries(BANNER_PROTOCOLS.map((protocol) => [protocol, ['banner', 'server', 'realm']])),
};

function readableWithoutCondition(reference: string, groups: ReadonlySet<string>): boolean {
  const [group, field, ...rest] = reference.split('.');
  if (group === undefined || field === undefined || !groups.has(group)) return false;
  if ((group === 'mdns' && field === 'txt') || (group === 'http' && field === 'headers')) return rest.length === 1;
  return rest.length === 0 && (READABLE_FIELDS[group] ?? []).some((known) => known.toLowerCase() === field.toLowerCase());
}

export function normaliseMdnsType(type: string): string {
  return type.trim().toLowerCase().replace(/\.$/, '').replace(/\.local$/, '');
}

export function normaliseOid(oid: string): string {
  return oid.trim().replace(/^\./, '').replace(/^iso\./i, '1.');
}

function portList(condition: PortCondition | undefined): number[] | undefined {
  if (condition === undefined) return undefined;
  return Array.isArray(condition) ? condition : [condition];
}

class RuleCompiler {
  constructor(
    private readonly file: string,
    private readonly rule: FingerprintRule,
  ) {}

  fail(problem: string): never {
    throw new DataFileError(this.file, `rule "${this.rule.id}": ${problem}`);
  }

  regex(path: string, source: string): CompiledCondition {
    try {
      return { path, pattern: new RegExp(source, PATTERN_FLAGS) };
    } catch (error) {
      return this.fail(`could not compile regex ${JSON.stringify(source)} at ${path}: ${(error as Error).message}`);
    }
  }

  patternsOf(prefix: string, fields: object, skip: readonly string[]): CompiledCondition[] {
    const patterns: CompiledCondition[] = [];
    for (const [field, value] of Object.entries(fields)) {
      if (skip.includes(field)) continue;
      if (typeof value === 'string') patterns.push(this.regex(`${prefix}.${field}`, value));
      else if (value && typeof value === 'object') {
        for (const [key, source] of Object.entries(value as Record<string, string>)) {
          patterns.push(this.regex(`${prefix}.${field}.${key.toLowerCase()}`, source));
        }
      }
    }
    return patterns;
  }

  conditions(where: 'match' | 'unless', conditions: RuleConditions): CompiledConditions {
    const groups = new Map<string, CompiledGroup>();
    const { mdns, ssdp, snmp, http } = conditions;
    if (mdns) {
      const group: CompiledGroup = { name: 'mdns', patterns: this.patternsOf('mdns', mdns, ['type']) };
      if (mdns.type !== undefined) group.mdnsType = normaliseMdnsType(mdns.type);
      groups.set('mdns', group);
    }
    if (ssdp) groups.set('ssdp', { name: 'ssdp', patterns: this.patternsOf('ssdp', ssdp, []) });
    if (snmp) {
      const group: CompiledGroup = {
        name: 'snmp',
        patterns: this.patternsOf('snmp', snmp, ['sysObjectID', 'enterprise']),
      };
      if (snmp.sysObjectID !== undefined && snmp.enterprise !== undefined) {
        this.fail(`${where}.snmp: give sysObjectID or enterprise, not both`);
      }
      if (snmp.sysObjectID !== undefined) group.oidPrefix = normaliseOid(snmp.sysObjectID);
      if (snmp.enterprise !== undefined) group.oidPrefix = `${ENTERPRISES_PREFIX}.${snmp.enterprise}`;
      groups.set('snmp', group);
    }
    if (http) {
      const group: CompiledGroup = { name: 'http', patterns: this.patternsOf('http', http, ['port', 'status']) };
      const ports = portList(http.port);
      if (ports) group.ports = ports;
      if (http.status !== undefined) group.status = http.status;
      groups.set('http', group);
    }
    if (conditions.ipp) {
      const group: CompiledGroup = { name: 'ipp', patterns: this.patternsOf('ipp', conditions.ipp, ['port']) };
      const ports = portList(conditions.ipp.port);
      if (ports) group.ports = ports;
      groups.set('ipp', group);
    }
    if (conditions.wsd) groups.set('wsd', { name: 'wsd', patterns: this.patternsOf('wsd', conditions.wsd, []) });
    for (const protocol of BANNER_PROTOCOLS) {
      const banner = conditions[protocol];
      if (!banner) continue;
      const group: CompiledGroup = { name: protocol, patterns: this.patternsOf(protocol, banner, ['port']) };
      const ports = portList(banner.port);
      if (ports) group.ports = ports;
      groups.set(protocol, group);
    }
    if (conditions.atag) groups.set('atag', { name: 'atag', patterns: this.patternsOf('atag', conditions.atag, []) });
    if (conditions.ports) groups.set('ports', { name: 'ports', patterns: [], ports: conditions.ports });
    if (conditions.oui !== undefined) {
      groups.set('oui', { name: 'oui', patterns: [this.regex('oui', conditions.oui)] });
    }
    if (conditions.hostname !== undefined) {
      groups.set('hostname', { name: 'hostname', patterns: [this.regex('hostname', conditions.hostname)] });
    }
    if (groups.size === 0) this.fail(`${where} has no conditions`);
    return { source: conditions, groups };
  }

  /** Every template reference must name a field the rule matches, one of its groups, or a named group. */
  checkTemplates(match: CompiledConditions): void {
    const paths = new Map<string, number>();
    const named = new Set<string>();
    for (const group of match.groups.values()) {
      for (const { path, pattern } of group.patterns) {
        const probe = new RegExp(`${pattern.source}|`, pattern.flags).exec('');
        paths.set(path.toLowerCase(), (probe?.length ?? 1) - 1);
        for (const name of Object.keys(probe?.groups ?? {})) named.add(name);
      }
      if (group.mdnsType !== undefined) paths.set('mdns.type', 0);
      if (group.ports && group.name !== 'ports') paths.set(`${group.name}.port`, 0);
      if (group.name === 'ports') paths.set('ports', 0);
    }
    const { components, kind: _kind, ...strings } = this.rule.give;
    const templates: Array<[string, string]> = Object.entries(strings).map(([field, value]) => [`give.${field}`, value]);
    components?.forEach((component, index) => templates.push([`give.components[${index}].version`, component.version]));
    for (const [where, template] of templates) {
      for (const reference of templateReferences(template)) {
        if (named.has(reference) || paths.has(reference.toLowerCase())) continue;
        const split = /^(.*)\.(\d+)$/.exec(reference.toLowerCase());
        const groupCount = split ? paths.get(split[1] as string) : undefined;
        if (split && groupCount !== undefined && Number(split[2]) <= groupCount) continue;
        if (readableWithoutCondition(reference, new Set(match.groups.keys()))) continue;
        this.fail(`${where}: template {${reference}} refers to nothing the rule captures`);
      }
    }
  }

  compile(): CompiledRule {
    const { kind } = this.rule.give;
    if (kind !== undefined && !(DEVICE_KINDS as readonly string[]).includes(kind)) {
      this.fail(`unknown kind "${kind}" (known: ${DEVICE_KINDS.join(', ')})`);
    }
    if (!(this.rule.confidence >= 0 && this.rule.confidence <= 1)) this.fail('confidence must lie in 0..1');
    // The device's own word is never a confident claim (docs/fingerprints.md, "Self-reported names").
    if (this.rule.selfReported && this.rule.confidence > 0.5) this.fail('a self-reported rule may not be surer than 0.5');
    const match = this.conditions('match', this.rule.match);
    const unless = this.rule.unless ? this.conditions('unless', this.rule.unless) : null;
    this.checkTemplates(match);
    let specificity = 0;
    for (const group of match.groups.values()) {
      specificity += group.patterns.length + (group.mdnsType ? 1 : 0) + (group.oidPrefix ? 1 : 0);
      specificity += group.ports ? 1 : 0;
    }
    return { rule: this.rule, file: this.file, match, unless, specificity };
  }
}

export function compileRule(file: string, rule: FingerprintRule): CompiledRule {
  return new RuleCompiler(file, rule).compile();
}
