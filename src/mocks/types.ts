// The shape of a fleet file once parsed and validated (see docs/fleet-format.md).
// A device is described the way a real one behaves on the wire.

import type { DeviceKind } from '../model.js';

export interface Account {
  username: string;
  password: string;
}

/** Behaviour knobs testers need; every persona of the device honours them. */
export interface Knobs {
  /** Delay before every answer, in ms. */
  delayMs: number;
  /** Extra delay between chunks of a response (a slow device), in ms. */
  slowMs: number;
  /** The device answers nothing at all (ports stay bound, nothing is sent). */
  silent: boolean;
  /** Lock the login out after this many failed attempts in a row (0 = never). */
  lockoutAfter: number;
  /** How long a lock-out lasts, in ms. */
  lockoutMs: number;
  /** How long a refused password waits before its answer, in ms (PAM's fail delay, vsftpd's delay_failed_login); FTP, telnet and SSH. */
  failedLoginDelayMs: number;
  /** Every username/password pair is accepted: a trap for false positives. */
  acceptAnyPassword: boolean;
  /** Any password is accepted for these usernames only (a decoy with another user would miss it). */
  acceptAnyPasswordFor: string[];
  /** Any password shorter than this is accepted (0 = off): a decoy of a fixed, long length would miss it. */
  acceptPasswordsShorterThan: number;
  /** The SNMP agent answers, and takes SETs with, every community. */
  answersAnyCommunity: boolean;
}

export interface MdnsSpec {
  type: string; // "_googlecast._tcp"
  instance: string;
  port: number;
  host?: string; // SRV target without ".local"; default: device hostname
  /** Key → value, sent as `key=value`; null sends the key alone (a boolean attribute, RFC 6763 section 6.4); `{ base64 }` sends those bytes as the value. */
  txt: Record<string, string | null | { base64: string }>;
  /** Extra PTR subtypes are not modelled. */
}

export interface PortMapping {
  externalPort: number;
  protocol: 'TCP' | 'UDP';
  /** Device id (resolved to its address at start) or an IPv4 address. */
  internalClient: string;
  internalPort: number;
  description: string;
  enabled: boolean;
}

/** A device inside the root device's deviceList (UPnP 1.0 section 2.3), itself with services and devices. */
export interface EmbeddedDeviceSpec {
  deviceType: string;
  friendlyName?: string;
  manufacturer?: string;
  modelName?: string;
  modelNumber?: string;
  modelDescription?: string;
  udn: string;
  serviceTypes: string[];
  devices: EmbeddedDeviceSpec[];
}

export interface IgdSpec {
  /** The WAN address GetExternalIPAddress reports; absent: that action fails (501), as on a router that did not say. */
  externalIp?: string;
  /** Where the SOAP actions are answered: the WAN connection's control URL path (a recorded description names its own). */
  controlPath: string;
  portMappings: PortMapping[];
}

/** One search reply exactly as a recorded device sent it: each header only when given. */
export interface SsdpReplySpec {
  st?: string;
  usn?: string;
  /** Path of the LOCATION on the description port; the description's own path by default. */
  path?: string;
  /** SERVER of this reply when it differs from the device's. */
  server?: string;
  /** The whole header block as recorded, in order and spelling (LOCATION gets the mock's URL); replaces every header above. */
  headers?: Array<{ name: string; value: string }>;
}

export interface SsdpSpec {
  /** HTTP port serving the description XML and control URLs. */
  port: number;
  /** Where the description is served (the LOCATION's path). */
  descriptionPath: string;
  /** SERVER header of replies and HTTP answers; none is sent when absent. */
  server?: string;
  deviceType?: string;
  friendlyName?: string;
  manufacturer?: string;
  manufacturerURL?: string;
  modelName?: string;
  modelNumber?: string;
  modelDescription?: string;
  serialNumber?: string;
  udn: string;
  firmware?: string; // served as <softwareVersion>
  serviceTypes: string[];
  /** Devices embedded in the root device, announced and described like it. */
  devices: EmbeddedDeviceSpec[];
  /** Recorded search replies sent instead of the ones derived from the types above. */
  replies?: SsdpReplySpec[];
  /** Headers a real device adds to its search replies, sent verbatim after the standard ones (values may be empty). */
  extraHeaders?: Array<{ name: string; value: string }>;
  /** A recorded description served byte for byte instead of one built from the fields above ({{address}} becomes the device's address). */
  descriptionXml?: string;
  /** Further documents on the description port, path → XML (a second root description, a TR-064 one). */
  documents?: Record<string, string>;
  /** Routers: UPnP IGD WANIPConnection answering GetExternalIPAddress / GetGenericPortMappingEntry. */
  igd?: IgdSpec;
}

export type WsdAnswers = 'unicast' | 'multicast' | 'both';

/** What a device answers to a WS-Discovery Probe on udp/3702 (one endpoint). */
export interface WsdSpec {
  /** The EndpointReference Address (default: a stable urn:uuid per fleet and device). */
  endpoint: string;
  /** QNames as sent; a Probe for types is answered only when each asked type's local name is among them. */
  types: string[];
  scopes: string[];
  /** ({{address}} becomes the device's address.) */
  xaddrs: string[];
  metadataVersion: number;
  /** Which Probes it answers: multicast ones to 239.255.255.250:3702 (every Target Service must), unicast ones to its own address (optional), or both (most ONVIF cameras). */
  answers: WsdAnswers;
  /** A recorded ProbeMatches sent as given instead of one built from the fields above: its RelatesTo set to the Probe's MessageID, {{address}} to the device's address. */
  probeMatch?: string;
}

/** A value an SNMP agent serves for one object, typed as on the wire. */
export interface SnmpObjectValue {
  type: 'OctetString' | 'Integer' | 'OID' | 'TimeTicks' | 'Counter32' | 'Gauge32' | 'IpAddress';
  value: string | number;
}

export interface SnmpSpec {
  port: number;
  /** The system group: each object is served only when given (sysName defaults to the hostname). */
  sysDescr?: string;
  sysObjectID?: string;
  sysName: string;
  sysContact: string;
  sysLocation: string;
  /** Objects beyond the system group, OID → value (e.g. hrDeviceDescr 1.3.6.1.2.1.25.3.2.1.3.1). */
  objects: Record<string, SnmpObjectValue>;
  readCommunities: string[];
  writeCommunities: string[];
}

/**
 * An ATAG One's broadcast: "<product> <deviceId> (<suffix>)" sent to udp `port` every `intervalMs`, from the
 * device's address to the broadcast address of its network (127.255.255.255 on loopback).
 */
export interface AtagSpec {
  product: string;
  deviceId: string;
  suffix?: string;
  port: number;
  intervalMs: number;
}

export interface HttpFormLogin {
  /** Where the form posts (application/x-www-form-urlencoded). */
  path: string;
  userField: string;
  passField: string;
  /** Where a successful login redirects; the session cookie then shows `afterLogin`. */
  successPath: string;
  cookieName: string;
}

export type TcpServiceSpec =
  | {
      type: 'http' | 'https';
      port: number;
      server?: string; // Server header
      /** Page title of the home page; a page without a title when absent. */
      title?: string;
      /** A recorded answer to GET /: status, headers (verbatim) and body; the home page built from the title when absent. */
      answer?: { status: number; headers: Record<string, string>; body: string };
      auth: 'none' | 'basic' | 'digest' | 'form';
      realm?: string;
      form?: HttpFormLogin;
      /** Text of a page seen only after login (the proof a login worked). */
      afterLogin?: string;
      /** Extra static pages, path → HTML, or JSON / XML (served with their content type) as a device's API answers. */
      pages?: Record<string, string>;
      /** Pages the device shows only after its Basic or Digest login (a status API), path → body. */
      pagesAfterLogin?: Record<string, string>;
      /** An IPP printer on this port: text attributes answered to a Get-Printer-Attributes POSTed to path. */
      ipp?: { path: string; attributes: Record<string, string> };
      accounts?: Account[];
    }
  /** `loginPrompt`: asked for the user name, default "HOSTNAME login: "; `prompt`: the shell's, after a login. */
  | { type: 'telnet'; port: number; banner: string; prompt: string; loginPrompt?: string; accounts?: Account[] }
  | { type: 'ssh'; port: number; ident: string; accounts?: Account[] }
  | { type: 'ftp'; port: number; banner: string; anonymous: boolean; accounts?: Account[] }
  | { type: 'mqtt'; port: number; anonymous: boolean; accounts?: Account[] }
  | { type: 'rtsp'; port: number; server?: string; auth: 'none' | 'basic' | 'digest'; realm?: string; sessionName?: string; accounts?: Account[] }
  | { type: 'vnc'; port: number; noAuth: boolean; version?: string }
  /** A port that accepts connections and optionally sends a banner: RDP, ADB, TR-069, … */
  | { type: 'open'; port: number; banner?: string };

/** Identity attributes a device keeps off the wire, each with the reason. */
export interface WireNotes {
  model?: string;
  firmware?: string;
}

export interface DeviceSpec {
  id: string;
  /** Assigned in order from the fleet's range when absent. */
  address: string;
  hostname: string;
  /** What the fleet plants: the truth tests compare a scan against. */
  kind: DeviceKind;
  vendor: string;
  model: string;
  firmware?: string;
  /** Attributes the real device does not show without a login (attribute → why): identification leaves them empty. */
  wire?: WireNotes;
  mac?: string;
  /** Problems this device plants, as check ids, for the expected-findings test. */
  plants: string[];
  knobs: Knobs;
  /** Device-wide accounts, used by every login service unless it lists its own. */
  accounts: Account[];
  mdns: MdnsSpec[];
  ssdp?: SsdpSpec;
  snmp?: SnmpSpec;
  atag?: AtagSpec;
  wsd?: WsdSpec;
  services: TcpServiceSpec[];
}

export interface Fleet {
  name: string;
  /** CIDR the devices live in, default 127.77.0.0/24. */
  range: string;
  devices: DeviceSpec[];
}

/** Something a persona serves, for the `homeaudit mock` listing. */
export interface Served {
  deviceId: string;
  address: string;
  protocol: string; // "mdns", "ssdp", "http", …
  port: number;
  transport: 'tcp' | 'udp';
}

/** What every persona's start function returns. */
export interface RunningPersona {
  served: Served[];
  close(): Promise<void>;
}

/** Per-device shared state: the login counter behind lock-outs, and counters tests read. */
export interface DeviceState {
  failedLogins: number;
  lockedUntil: number;
  /** Every login attempt any persona saw (tests count these). */
  loginAttempts: number;
  successfulLogins: number;
}

/** What a persona gets to start with. */
export interface PersonaContext {
  device: DeviceSpec;
  state: DeviceState;
  /** Every device of the fleet, e.g. for the IGD to resolve port-mapping targets. */
  fleet: Fleet;
  signal: AbortSignal;
}
