// The fingerprint knowledge base: rules as written in knowledge/fingerprints/*.yaml (see
// docs/fingerprints.md and schema/fingerprint.schema.json) and the compiled form the engine runs.

import type { DeviceKind } from '../model.js';
import type { SelfReportedTables } from './self-reported.js';

/** Ports a rule condition accepts: one port or any of several. */
export type PortCondition = number | number[];

/** Conditions on one mDNS service instance; all must hold on the same instance. */
export interface MdnsConditions {
  /** Service type, exact (case-insensitive): "_googlecast._tcp". */
  type?: string;
  instance?: string;
  host?: string;
  /** TXT key → pattern; the key must be present. */
  txt?: Record<string, string>;
}

/** Conditions on one SSDP responder and its description; all must hold on the same responder. */
export interface SsdpConditions {
  server?: string;
  /** Any ST/NT value seen. */
  st?: string;
  usn?: string;
  /** The root device type or any embedded one. */
  deviceType?: string;
  /** Any service type of the description. */
  serviceType?: string;
  manufacturer?: string;
  manufacturerURL?: string;
  modelName?: string;
  modelNumber?: string;
  modelDescription?: string;
  friendlyName?: string;
  firmware?: string;
  serialNumber?: string;
  presentationURL?: string;
}

export interface SnmpConditions {
  /** Dotted OID prefix of sysObjectID, matched at a node boundary. */
  sysObjectID?: string;
  /** Private enterprise number: sysObjectID under 1.3.6.1.4.1.<n>. */
  enterprise?: number;
  sysDescr?: string;
  sysName?: string;
  sysContact?: string;
  sysLocation?: string;
}

/** Conditions on one HTTP(S) port; all must hold on the same port. */
export interface HttpConditions {
  port?: PortCondition;
  status?: number;
  server?: string;
  title?: string;
  realm?: string;
  authScheme?: string;
  location?: string;
  body?: string;
  /** Header name (lower case) → pattern. */
  headers?: Record<string, string>;
}

/** Conditions on one IPP port: what the printer said about itself (maker and model read from its device ID). */
export interface IppConditions {
  port?: PortCondition;
  makeAndModel?: string;
  deviceId?: string;
  maker?: string;
  model?: string;
}

/**
 * Conditions on one WS-Discovery endpoint; all must hold on the same ProbeMatch. `name`, `hardware`,
 * `manufacturer` and `location` are ONVIF scopes' values (onvif://www.onvif.org/<category>/<value>, decoded).
 */
export interface WsdConditions {
  /** Any of its Types, as sent ("dn:NetworkVideoTransmitter"): match the local name, prefixes vary. */
  type?: string;
  /** Any of its Scopes. */
  scope?: string;
  /** Any of its XAddrs. */
  xaddr?: string;
  endpoint?: string;
  name?: string;
  hardware?: string;
  manufacturer?: string;
  location?: string;
}

/** Conditions on one banner-carrying port of a protocol (ssh, telnet, ftp, rtsp, vnc, mqtt). */
export interface BannerConditions {
  port?: PortCondition;
  banner?: string;
  /** RTSP only: the Server header (from the parsed reply or the banner text). */
  server?: string;
  realm?: string;
}

export const BANNER_PROTOCOLS = ['ssh', 'telnet', 'ftp', 'rtsp', 'vnc', 'mqtt'] as const;
export type BannerProtocol = (typeof BANNER_PROTOCOLS)[number];

/** What a rule looks for. Every condition present must hold (AND). */
export interface RuleConditions {
  mdns?: MdnsConditions;
  ssdp?: SsdpConditions;
  snmp?: SnmpConditions;
  http?: HttpConditions;
  ipp?: IppConditions;
  wsd?: WsdConditions;
  ssh?: BannerConditions;
  telnet?: BannerConditions;
  ftp?: BannerConditions;
  rtsp?: BannerConditions;
  vnc?: BannerConditions;
  mqtt?: BannerConditions;
  /** TCP ports that must all be open. */
  ports?: number[];
  /** Pattern on the MAC vendor, as normalised by the vendor aliases ("Hikvision"). */
  oui?: string;
  /** Pattern on any host name (DHCP/DNS/mDNS host). */
  hostname?: string;
  /** Patterns on the ATAG broadcast on udp/11000: its product word ("ONE") and bracketed suffix. */
  atag?: { product?: string; suffix?: string };
}

export interface ComponentTemplate {
  name: string;
  /** Template, e.g. "{ssh.banner.1}" or "{version}". */
  version: string;
}

/** What a rule gives when it holds. Strings may hold templates: "{ssdp.modelName}", "{snmp.sysDescr.1}", "{fw}". */
export interface RuleGives {
  vendor?: string;
  model?: string;
  firmware?: string;
  kind?: DeviceKind;
  components?: ComponentTemplate[];
}

/** One fingerprint rule as written in a data file. */
export interface FingerprintRule {
  id: string;
  description?: string;
  match: RuleConditions;
  /** The rule does not hold when these conditions all hold (e.g. a generic rule stepping aside). */
  unless?: RuleConditions;
  give: RuleGives;
  confidence: number;
  /** The rule passes on what the device says about itself: its values are marked self-reported and never overrule a confident rule. */
  selfReported?: boolean;
  source: string;
  url?: string;
  checked?: string;
}

/** Canonical vendor name and the registry/wire spellings that mean it. */
export interface VendorAlias {
  vendor: string;
  /** Patterns (case-insensitive) on a raw name: the IEEE registry's organisation, a UPnP manufacturer. */
  names: string[];
  source: string;
}

export interface FingerprintFile {
  rules?: FingerprintRule[];
  aliases?: VendorAlias[];
}

/** A condition compiled for matching: the field path ("ssdp.modelName"), and a regex or a fixed test. */
export interface CompiledCondition {
  path: string;
  pattern: RegExp;
}

export interface CompiledConditions {
  source: RuleConditions;
  /** Conditions grouped by what they read: "mdns", "ssdp", "http", "ssh", …, "ports", "oui", "hostname". */
  groups: Map<string, CompiledGroup>;
}

export interface CompiledGroup {
  name: string;
  patterns: CompiledCondition[];
  /** mDNS type (normalised, lower case) when the group is mdns and names one. */
  mdnsType?: string;
  ports?: number[];
  /** snmp: the sysObjectID prefix, from sysObjectID or enterprise. */
  oidPrefix?: string;
  status?: number;
}

export interface CompiledRule {
  rule: FingerprintRule;
  /** The data file the rule came from, for messages. */
  file: string;
  match: CompiledConditions;
  unless: CompiledConditions | null;
  /** Number of conditions: more specific rules win ties. */
  specificity: number;
}

export interface CompiledAlias {
  vendor: string;
  patterns: RegExp[];
}

/** Everything identification needs, loaded and validated. */
export interface FingerprintKnowledge {
  rules: CompiledRule[];
  aliases: CompiledAlias[];
  /** Tables for reading what a device says about itself; none when the knowledge has no self-reported folder. */
  selfReported?: SelfReportedTables;
  /** The data files read. */
  files: string[];
}
