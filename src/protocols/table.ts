// The one table of wire protocols that take a login: the credential protocol (knowledge/credentials),
// the login service kinds the default-credentials check tries, the sweep's port names that lead to them,
// how evidence names them, and the mock service types that serve them. Everything else derives from it,
// and the JSON schemas' enums are checked against it (test/protocols/schema-enums.test.ts).

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
}

export const LOGIN_PROTOCOL_TABLE = [
  { protocol: 'http', serviceKinds: ['http-basic', 'http-digest', 'http-form'], portNames: [], label: 'HTTP', mockTypes: ['http', 'https'] },
  { protocol: 'telnet', serviceKinds: ['telnet'], portNames: ['telnet'], label: 'telnet', mockTypes: ['telnet'] },
  { protocol: 'ssh', serviceKinds: ['ssh'], portNames: ['ssh'], label: 'SSH', mockTypes: ['ssh'] },
  { protocol: 'ftp', serviceKinds: ['ftp'], portNames: ['ftp'], label: 'FTP', mockTypes: ['ftp'] },
  { protocol: 'mqtt', serviceKinds: ['mqtt'], portNames: ['mqtt', 'secure-mqtt', 'mqtts'], label: 'MQTT', mockTypes: ['mqtt'] },
  // Communities, not accounts: the snmp-communities check tries them over UDP, not as a login service.
  { protocol: 'snmp', serviceKinds: [], portNames: [], label: 'SNMP', mockTypes: [] },
  { protocol: 'rtsp', serviceKinds: ['rtsp'], portNames: ['rtsp'], label: 'RTSP', mockTypes: ['rtsp'] },
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

/** Mock service types that serve a login, plus the ones that serve none (VNC without auth, a bare open port). */
export const MOCK_SERVICE_TYPES = [...LOGIN_PROTOCOL_TABLE.flatMap((row) => row.mockTypes), 'vnc', 'open'] as const;
