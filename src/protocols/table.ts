// The one table of wire protocols that take a login: the credential protocol (knowledge/credentials),
// the login service kinds the default-credentials check tries, the sweep's port names that lead to them,
// how evidence names them, the prober that tries a pair, and the mock service types that serve them.
// Everything else derives from it, and the JSON schemas' enums are checked against it
// (test/protocols/schema-enums.test.ts).

import { probeFtpLogin } from './ftp/login.js';
import { probeHttpLogin } from './http/login.js';
import { probeMqttLogin } from './mqtt/login.js';
import type { ServiceLoginProbe } from './probe/types.js';
import { probeRtspLogin } from './rtsp/login.js';
import { probeSshLogin } from './ssh/login.js';
import { probeTelnetLogin } from './telnet/login.js';

export interface LoginProtocolRow {
  /** The name credentials are filed under (knowledge/credentials `protocols`). */
  protocol: string;
  /** The login service kinds of this protocol, as the default-credentials check names them. */
  serviceKinds: readonly string[];
  /** Sweep port names (discovery/ports.ts) that are this protocol without an HTTP probe. */
  portNames: readonly string[];
  /** How evidence names a plain (non-HTTP) service of this protocol. */
  label: string;
  /** Mock service types (fleet files) that speak it. */
  mockTypes: readonly string[];
  /** Which login services of a device go first: shells first, they matter most and the device-wide budget may run out. */
  tryOrder: number;
  /** Tries one username/password pair on one of its login services; null when it has none. */
  probe: ServiceLoginProbe | null;
}

export const LOGIN_PROTOCOL_TABLE = [
  { protocol: 'http', serviceKinds: ['http-basic', 'http-digest', 'http-form'], portNames: [], label: 'HTTP', mockTypes: ['http', 'https'], tryOrder: 2, probe: probeHttpLogin },
  { protocol: 'telnet', serviceKinds: ['telnet'], portNames: ['telnet'], label: 'telnet', mockTypes: ['telnet'], tryOrder: 0, probe: probeTelnetLogin },
  { protocol: 'ssh', serviceKinds: ['ssh'], portNames: ['ssh'], label: 'SSH', mockTypes: ['ssh'], tryOrder: 1, probe: probeSshLogin },
  { protocol: 'ftp', serviceKinds: ['ftp'], portNames: ['ftp'], label: 'FTP', mockTypes: ['ftp'], tryOrder: 4, probe: probeFtpLogin },
  { protocol: 'mqtt', serviceKinds: ['mqtt'], portNames: ['mqtt', 'secure-mqtt', 'mqtts'], label: 'MQTT', mockTypes: ['mqtt'], tryOrder: 5, probe: probeMqttLogin },
  // Communities, not accounts: the snmp-communities check tries them over UDP, not as a login service.
  { protocol: 'snmp', serviceKinds: [], portNames: [], label: 'SNMP', mockTypes: [], tryOrder: 6, probe: null },
  { protocol: 'rtsp', serviceKinds: ['rtsp'], portNames: ['rtsp'], label: 'RTSP', mockTypes: ['rtsp'], tryOrder: 3, probe: probeRtspLogin },
] as const satisfies readonly LoginProtocolRow[];

type Row = (typeof LOGIN_PROTOCOL_TABLE)[number];

export type LoginProtocol = Row['protocol'];
export type LoginServiceKind = Row['serviceKinds'][number];
/** A login service kind spoken without HTTP: its port name alone says what it is. */
export type PlainLoginKind = Extract<Row, { portNames: readonly [string, ...string[]] }>['protocol'];

export const LOGIN_PROTOCOLS = LOGIN_PROTOCOL_TABLE.map((row) => row.protocol) as readonly LoginProtocol[];

/** Sweep port name → the plain login kind it is ("secure-mqtt" → "mqtt"). */
export const PLAIN_LOGIN_BY_PORT_NAME: Readonly<Record<string, PlainLoginKind>> = Object.fromEntries(
  LOGIN_PROTOCOL_TABLE.flatMap((row) => row.portNames.map((name) => [name, row.protocol])),
) as Record<string, PlainLoginKind>;

/** How evidence names a protocol's service: "telnet", "SSH", … */
export const LOGIN_LABELS: Readonly<Record<LoginProtocol, string>> = Object.fromEntries(
  LOGIN_PROTOCOL_TABLE.map((row) => [row.protocol, row.label]),
) as Record<LoginProtocol, string>;

/** The order in which a device's login services are tried, by protocol. */
export const LOGIN_TRY_ORDER: Readonly<Record<LoginProtocol, number>> = Object.fromEntries(
  LOGIN_PROTOCOL_TABLE.map((row) => [row.protocol, row.tryOrder]),
) as Record<LoginProtocol, number>;

/** The prober per protocol (null for SNMP, whose communities are no login service). */
export const LOGIN_PROBES: Readonly<Record<LoginProtocol, ServiceLoginProbe | null>> = Object.fromEntries(
  LOGIN_PROTOCOL_TABLE.map((row) => [row.protocol, row.probe]),
) as Record<LoginProtocol, ServiceLoginProbe | null>;

/** Mock service types that serve a login, plus the ones that serve none (VNC without auth, a bare open port). */
export const MOCK_SERVICE_TYPES = [...LOGIN_PROTOCOL_TABLE.flatMap((row) => row.mockTypes), 'vnc', 'open'] as const;
