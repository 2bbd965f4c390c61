// The plain data that flows between the pipeline stages:
// scope ─► discovery ─► identification ─► checks ─► advice ─► report / ui.
// Nothing here does I/O; every stage reads and returns these shapes.

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PHASES = ['buy', 'install', 'use', 'incident', 'complaint'] as const;
export type Phase = (typeof PHASES)[number];

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A sentence in both languages the product speaks. */
export interface Text {
  nl: string;
  en: string;
}

export const DEVICE_KINDS = [
  'router', 'access-point', 'camera', 'doorbell', 'baby-monitor', 'speaker', 'tv', 'media-player',
  'printer', 'hub', 'nas', 'plug', 'light', 'thermostat', 'vacuum', 'appliance', 'sensor',
  'energy-meter', 'game-console', 'computer', 'phone', 'unknown',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

// ───────────────────────────── scope ─────────────────────────────

export interface MulticastInterface {
  name: string;
  address: string;
}

export interface Scope {
  /** The targets as normalised CIDRs/addresses, as shown to the user and in the report. */
  targets: string[];
  /** Every IPv4 address that may be contacted, in ascending order. */
  hosts: string[];
  /** Interfaces whose subnet lies in scope: the only ones multicast may go out on. */
  multicastInterfaces: MulticastInterface[];
}

// ─────────────────────────── discovery ───────────────────────────

export const DISCOVERY_SOURCES = [
  'mdns',
  'ssdp',
  'snmp',
  'tcp',
  'atag',
  'neighbours',
  'wsd',
] as const;
export type DiscoverySource = (typeof DISCOVERY_SOURCES)[number];

/** The ATAG One thermostat's broadcast on udp/11000, "ONE <device id> (<suffix>)" (protocols/atag/announce.ts). */
export interface AtagAnnouncement {
  /** The first word: "ONE" for the ATAG One. */
  product: string;
  deviceId: string;
  /** The word in brackets at the end, when present (meaning not documented). */
  suffix?: string;
}

/** One DNS-SD service instance, resolved (SRV, TXT, A). */
export interface MdnsService {
  instance: string; // "Keuken._googlecast._tcp.local" without the type: "Keuken"
  type: string; // "_googlecast._tcp"
  port: number;
  host?: string; // SRV target, e.g. "Google-Home-Mini-1234.local"
  txt: Record<string, string>;
  /**
   * The TXT strings as sent, for `scan --record`: keys in their case and order, a key sent alone without
   * `value`, a value that is not plain UTF-8 text as `base64`. Identification reads `txt`, never this.
   */
  txtSent?: TxtString[];
}

/** One TXT string as the device sent it (RFC 6763 §6.3): `key`, `key=` (value "") or `key=value`. */
export interface TxtString {
  key: string;
  value?: string;
  /** The value's bytes, when they are not UTF-8 text free of control characters. */
  base64?: string;
}

export interface UpnpService {
  serviceType: string;
  controlURL?: string;
}

/** The fields of a UPnP device description that identification and checks read. */
export interface UpnpDescription {
  deviceType?: string;
  friendlyName?: string;
  manufacturer?: string;
  manufacturerURL?: string;
  modelName?: string;
  modelNumber?: string;
  modelDescription?: string;
  serialNumber?: string;
  udn?: string;
  firmware?: string; // softwareVersion / firmwareVersion where devices carry it
  presentationURL?: string;
  /** The root's URLBase (UPnP 1.0): where the control URLs are relative to. */
  urlBase?: string;
  services: UpnpService[];
  /** Embedded devices, flattened. */
  deviceTypes: string[];
}

export interface SsdpInfo {
  st?: string;
  usn?: string;
  server?: string;
  /** LOCATION as announced, and the URL actually fetched (host replaced by the responder). */
  location?: string;
  description?: UpnpDescription;
  descriptionError?: string;
  /** Device and service types seen in replies (ST/NT values). */
  types: string[];
  /**
   * Each distinct reply's header block as the device sent it (names in their spelling, in order, empty
   * values empty), for `scan --record`; bounded per reply and per host (discovery/ssdp/reply-caps.ts).
   * Identification never reads these: it reads the decoded fields above.
   */
  headerBlocks?: SsdpHeader[][];
}

/** One SSDP header line as sent. */
export interface SsdpHeader {
  name: string;
  value: string;
}

/** One WS-Discovery ProbeMatch (WS-Discovery 2005/04 section 5.3): what a camera, printer or PC says it is. */
export interface WsdInfo {
  /** The EndpointReference Address: the device's own stable id, mostly urn:uuid:…. */
  endpoint: string;
  /** QNames as sent ("dn:NetworkVideoTransmitter", "wsdp:Device"). */
  types: string[];
  /** Scope URIs as sent ("onvif://www.onvif.org/hardware/C210"). */
  scopes: string[];
  /** Where the device's services answer: never fetched; a port on the device's own address may be swept. */
  xaddrs: string[];
  metadataVersion?: number;
  /** Which of the scan's Probes it answered, said only when both unicast and multicast ones were sent to it. */
  answered?: 'unicast' | 'multicast' | 'both';
  /** The ProbeMatches reply as sent, for `scan --record` only (identification reads the fields above). */
  sent?: string;
}

export interface SnmpInfo {
  community: string;
  version: '1' | '2c';
  sysDescr?: string;
  sysObjectID?: string;
  sysName?: string;
  sysContact?: string;
  sysLocation?: string;
}

export interface HttpInfo {
  status: number;
  server?: string;
  title?: string;
  /** WWW-Authenticate scheme and realm when the page asks for a login. */
  authScheme?: 'basic' | 'digest' | string;
  realm?: string;
  location?: string;
  headers: Record<string, string>;
  /** The first bytes of the body, sanitised, for fingerprint rules. */
  bodyExcerpt?: string;
}

/** What a printer says about itself over IPP without a login (Get-Printer-Attributes, RFC 8011 §5.4). */
export interface IppInfo {
  /** printer-make-and-model ("Quillon JetDesk 410"). */
  makeAndModel?: string;
  /** printer-device-id: the IEEE 1284 device ID ("MFG:Quillon;MDL:JetDesk 410;CMD:PDF,URF;"). */
  deviceId?: string;
  /** printer-firmware-string-version: the firmware as the printer writes it ("TESPDLPP1N001.2009A.00"). */
  firmwareStringVersion?: string;
  /** printer-firmware-version (octetString): as text when printable, else its bytes dotted ("2.4.1"). */
  firmwareVersion?: string;
  /** The path that answered (`/ipp/print`), so a recording serves the attributes where the printer did. */
  path?: string;
}

export interface PortInfo {
  transport: 'tcp' | 'udp';
  port: number;
  /** Our best name for the service: http, https, telnet, ssh, ftp, rtsp, mqtt, rdp, vnc, adb, tr069, … */
  name: string;
  /** Sanitised first line(s) the service sent (SSH ident, FTP 220, telnet prompt, RFB version). */
  banner?: string;
  tls?: boolean;
  http?: HttpInfo;
  /** An IPP printer's own words on this port. */
  ipp?: IppInfo;
}

/** What one discovery source saw of one host. Sources yield these; merge folds them per host. */
export type Observation =
  | { source: 'mdns'; ip: string; service: MdnsService; hostname?: string }
  | { source: 'ssdp'; ip: string; ssdp: SsdpInfo }
  | { source: 'snmp'; ip: string; snmp: SnmpInfo; /** The UDP port that answered (161 unless told otherwise). */ port?: number }
  | { source: 'tcp'; ip: string; port: PortInfo }
  | { source: 'atag'; ip: string; announcement: AtagAnnouncement }
  | { source: 'neighbours'; ip: string; mac: string }
  | { source: 'wsd'; ip: string; wsd: WsdInfo };

/** Everything discovery learned about one host: the flattened record identification and checks read. */
export interface HostFacts {
  ip: string;
  mac: string | null;
  macVendor: string | null;
  hostnames: string[];
  mdns: MdnsService[];
  ssdp: SsdpInfo[];
  snmp: SnmpInfo | null;
  ports: PortInfo[];
  /** What the host broadcast as an ATAG One, when the listener heard it. */
  atag?: AtagAnnouncement;
  /** WS-Discovery ProbeMatches, one per endpoint; absent when none answered (and in older kept scans). */
  wsd?: WsdInfo[];
  discoveredBy: DiscoverySource[];
}

/** A discovery source that could not run or failed part-way: reported, never fatal. */
export interface SourceProblem {
  source: DiscoverySource;
  message: string;
}

// ───────────────────────── identification ────────────────────────

export interface Evidence {
  /** Where the fact came from: a discovery source, the OUI registry, or a rule. */
  source: DiscoverySource | 'oui' | 'rule' | 'answer';
  /** Human-readable, e.g. "mDNS _googlecast._tcp TXT md=Google Home Mini". */
  detail: string;
  ruleId?: string;
}

/** How a firmware version was read: in an announcement (UPnP, mDNS), a banner or header, a status page the
 * device serves without a login, or its status page read after a confirmed factory password. Always the device's own word. */
export const FIRMWARE_SOURCES = ['announcement', 'banner', 'status-page', 'after-login'] as const;
export type FirmwareSource = (typeof FIRMWARE_SOURCES)[number];

export interface FirmwareEvidence {
  via: FirmwareSource;
  /** What was read where, e.g. "GET http://10.0.0.5:8008/setup/eureka_info: cast_build_revision". */
  detail: string;
  /** The fingerprint rule or version probe that read it. */
  ruleId?: string;
  probeId?: string;
}

export interface SoftwareComponent {
  name: string; // "dropbear", "lighttpd", "BusyBox", "miniupnpd"
  version: string;
  evidence: string;
}

export interface Identity {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  /** Where the firmware version came from; set whenever firmware is. */
  firmwareEvidence?: FirmwareEvidence;
  kind: DeviceKind;
  /** 0..1: how sure identification is of vendor/model/kind together (the mean of `attributes`). */
  confidence: number;
  /** 0..1 per attribute: how sure the evidence that gave its value is (0 where nothing gave one). A kind guessed from what the maker mostly makes stays weak under a sure vendor. */
  attributes: AttributeConfidence;
  evidence: Evidence[];
  components: SoftwareComponent[];
  /** Attributes whose value is only what the device says about itself (a UPnP manufacturer, an mDNS model=), no rule's conclusion. */
  selfReported?: SelfReportedAttribute[];
}

export type SelfReportedAttribute = 'vendor' | 'model' | 'firmware' | 'kind';

/** The attributes identification weighs one by one. */
export type IdentifiedAttribute = 'vendor' | 'model' | 'kind';
export type AttributeConfidence = Record<IdentifiedAttribute, number>;

export interface Service {
  transport: 'tcp' | 'udp';
  port: number;
  name: string;
  banner?: string;
}

export type Risk = Severity | 'none';

export interface Device {
  /** Stable across scans: from the MAC where known, else the address. */
  id: string;
  ip: string;
  mac: string | null;
  names: string[];
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  kind: DeviceKind;
  services: Service[];
  discoveredBy: DiscoverySource[];
  /** The worst finding's severity, 'none' when clean. Set after checks. */
  risk: Risk;
  identity: Identity;
  facts: HostFacts;
}

// ───────────────────────────── checks ─────────────────────────────

export const CHECK_IDS = [
  'default-credentials', 'accepts-any-password', 'remote-access', 'exposed-by-port-mapping',
  'outdated-firmware', 'missing-mfa', 'plain-http-admin', 'mqtt-no-auth', 'snmp-write-community',
  'snmp-default-community', 'anonymous-ftp', 'camera-privacy', 'data-outside-eu',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** What the user told us that the network cannot show, keyed by device id then question id. */
export type Answers = Record<string, Record<string, string | boolean>>;

export type Confidence = 'confirmed' | 'likely' | 'possible';

export interface Finding {
  /** Stable for the same problem on the same device across scans: `${check}:${deviceId}:${detail}`. */
  id: string;
  deviceId: string | null;
  check: CheckId;
  severity: Severity;
  title: Text;
  /** What was seen, secrets masked. */
  evidence: string[];
  /** ETSI EN 303 645 provisions ("ETSI EN 303 645 5.1-1") and OWASP IoT Top 10 2018 items ("OWASP I1"). */
  standards: string[];
  confidence: Confidence;
  /** Check-specific structured details for advice templates (port, service, username, masked password, app …). */
  details: Record<string, string | number | boolean>;
  /** Set when the user's answer settled the finding (e.g. "MFA is on"). */
  settledBy?: string;
}

// ───────────────────────────── advice ─────────────────────────────

export interface AdviceItem {
  id: string;
  phase: Phase;
  deviceId: string | null;
  findingIds: string[];
  /** 1 is the most urgent. */
  priority: number;
  /** How much harm the problem behind it can do, 0 the worst (advice/order.ts HARM): ranks "do these first". */
  harm?: number;
  text: Text;
  /** The document the advice rests on, e.g. "Autoriteit Persoonsgegevens, Vragen over internet of things". */
  source: string;
  standards: string[];
}

// ───────────────────────────── report ─────────────────────────────

export interface ScanStats {
  durationMs: number;
  hostsInScope: number;
  hostsResponding: number;
  devices: number;
  findings: number;
  loginAttempts: number;
  /** GETs the version probes sent (only to devices a probe matched). */
  versionProbeRequests?: number;
  sourceProblems: SourceProblem[];
  /** Checks that failed on a device ("remote-access on ip-10.0.0.2: …"): reported, never fatal. */
  checkProblems: string[];
  /** Per-stage wall time. */
  stageMs: Record<string, number>;
  /** Login-like attempts per device id, then per "service/port" (e.g. "telnet/23"). */
  loginAttemptsByDevice?: Record<string, Record<string, number>>;
}

/** What one login service of one device got from the login checks: tried how far, or not, and why. */
export interface LoginCoverage {
  /** Service kind: telnet, ssh, http-basic, http-digest, http-form, rtsp, ftp, mqtt, snmp. */
  service: string;
  port: number;
  label: string;
  attempts: number;
  /** Usernames tried (never passwords). */
  accounts: string[];
  result: 'found' | 'accepts-any' | 'none-worked' | 'partly-tried' | 'not-tried';
  /** Why it was not tried to the end: budget, lock-out sign, --no-login, nothing known to try. */
  reason?: string;
  /** The lock-out fact (knowledge/lockout) that set its budget. */
  lockout: string;
}

/** How far the checks got on one device: all ran, some ran (the scan was stopped part-way), none ran. */
export type CheckCoverage = 'all' | 'partial' | 'none';

/** Everything one audit produced, before it is written in a language and format. */
export interface AuditResult {
  startedAt: string;
  finishedAt: string;
  scope: Scope;
  devices: Device[];
  findings: Finding[];
  advice: AdviceItem[];
  stats: ScanStats;
  /** The knowledge base's as-of date (the oldest "checked" date of the data used). */
  knowledgeAsOf: string;
  /** The knowledge overlay merged over the built-in knowledge, and the entry ids taken from it. */
  knowledgeOverlay?: { dir: string; entries: string[] };
  aborted: boolean;
  /** Per device id, each login service's coverage; absent in older kept scans. */
  loginCoverage?: Record<string, LoginCoverage[]>;
  /** Per device id; a device missing here (older kept scans) counts as 'all' unless the scan was stopped. */
  checkCoverage?: Record<string, CheckCoverage>;
  /** When each answer in force was given (ISO time), by device id then question id. */
  answeredAt?: Record<string, Record<string, string>>;
}

// ───────────────────────────── events ─────────────────────────────

export const STAGES = ['scope', 'discovery', 'identification', 'checks', 'advice'] as const;
export type Stage = (typeof STAGES)[number];

/** What the pipeline tells a watcher (the dashboard, the plain progress line) while it runs. */
export type AuditEvent =
  | { type: 'stage-started'; stage: Stage; total?: number }
  | { type: 'stage-progress'; stage: Stage; done: number; total: number }
  | { type: 'stage-finished'; stage: Stage; ms: number }
  | { type: 'host-found'; ip: string; source: DiscoverySource }
  | { type: 'source-problem'; problem: SourceProblem }
  | { type: 'device-identified'; device: Device }
  | { type: 'finding'; finding: Finding }
  | { type: 'login-attempt'; deviceId: string; service: string; port: number }
  | { type: 'done'; result: AuditResult };
