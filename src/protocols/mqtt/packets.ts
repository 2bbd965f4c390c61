// MQTT 3.1.1 CONNECT and CONNACK (OASIS MQTT v3.1.1, sections 3.1 and 3.2), written by hand: all a login
// probe needs, without a client library.

function utf8Field(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function remainingLength(length: number): Buffer {
  const bytes: number[] = [];
  let rest = length;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0);
  return Buffer.from(bytes);
}

/** CONNECT with a clean session; without credentials when `credentials` is absent (anonymous). */
export function encodeConnect(clientId: string, credentials?: { username: string; password: string }): Buffer {
  const USERNAME_FLAG = 0x80;
  const PASSWORD_FLAG = 0x40;
  const CLEAN_SESSION = 0x02;
  const flags = CLEAN_SESSION | (credentials ? USERNAME_FLAG | PASSWORD_FLAG : 0);
  const keepAliveSeconds = 10;
  const variableHeader = Buffer.concat([utf8Field('MQTT'), Buffer.from([4, flags, 0, keepAliveSeconds])]);
  const payload = Buffer.concat([
    utf8Field(clientId),
    ...(credentials ? [utf8Field(credentials.username), utf8Field(credentials.password)] : []),
  ]);
  const body = Buffer.concat([variableHeader, payload]);
  return Buffer.concat([Buffer.from([0x10]), remainingLength(body.length), body]);
}

export const DISCONNECT = Buffer.from([0xe0, 0x00]);

export interface Connack {
  returnCode: number;
  sessionPresent: boolean;
}

/** Reads a CONNACK at the start of `received`; undefined until 4 bytes are there; throws on anything else. */
export function parseConnack(received: Buffer): Connack | undefined {
  if (received.length === 0) return undefined;
  if (received[0] !== 0x20) throw new Error(`expected CONNACK, got packet type 0x${received[0]!.toString(16)}`);
  if (received.length < 4) return undefined;
  if (received[1] !== 2) throw new Error(`CONNACK with remaining length ${received[1]}`);
  return { sessionPresent: (received[2]! & 1) === 1, returnCode: received[3]! };
}

/** CONNACK return codes 1..5 of MQTT 3.1.1. */
export const CONNACK_MEANING: Record<number, string> = {
  0: 'accepted',
  1: 'unacceptable protocol version',
  2: 'identifier rejected',
  3: 'server unavailable',
  4: 'bad user name or password',
  5: 'not authorized',
};
