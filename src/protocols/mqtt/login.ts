// MQTT login: a hand-written CONNECT, and CONNACK return code 0 is the proof. Anonymous = no credentials.

import { randomToken } from '../probe/step.js';
import { CONNACK_MEANING, DISCONNECT, encodeConnect, parseConnack } from './packets.js';
import { SocketSession } from '../probe/socket-session.js';
import { errorResult, LoginProbeError, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

async function connect(
  target: LoginTarget,
  credentials: { username: string; password: string } | undefined,
  options: ProbeOptions,
): Promise<LoginResult> {
  let session: SocketSession | undefined;
  try {
    session = await SocketSession.open('mqtt', target, options.signal, options.timeoutMs);
    session.write(encodeConnect(`homeaudit-${randomToken(8)}`, credentials));
    const connack = await session.readUntil(parseConnack, options.signal, options.timeoutMs);
    if (!connack) throw new LoginProbeError('mqtt', target, 'closed without a CONNACK');
    const meaning = CONNACK_MEANING[connack.returnCode] ?? `return code ${connack.returnCode}`;
    if (connack.returnCode === 0) {
      session.write(DISCONNECT);
      return { outcome: 'success', status: 0, proof: 'CONNACK 0 (connection accepted)' };
    }
    // 3 = server unavailable: some brokers say this while they hold a client back.
    const outcome = connack.returnCode === 3 ? 'locked-out' : 'denied';
    return { outcome, status: connack.returnCode, detail: `CONNACK ${connack.returnCode} (${meaning})` };
  } catch (error) {
    return errorResult('mqtt', target, error);
  } finally {
    session?.close();
  }
}

export function probeMqttLogin(target: LoginTarget, username: string, password: string, options: ProbeOptions): Promise<LoginResult> {
  return connect(target, { username, password }, options);
}

export function probeMqttAnonymous(target: LoginTarget, options: ProbeOptions): Promise<LoginResult> {
  return connect(target, undefined, options);
}
