// A read-only RFB (VNC) handshake (RFC 6143 sections 7.1.1-7.1.2): read the server's version, echo a
// version back, read the security types it offers, and hang up. Type 1 ("None") means no password.

import { SocketSession } from '../probe/socket-session.js';
import { LoginProbeError, type LoginTarget, type ProbeOptions } from '../probe/types.js';

export interface RfbSecurity {
  version: string;
  /** Security type numbers offered; empty when the server refused with a reason. */
  types: number[];
  noAuthentication: boolean;
  reason?: string;
}

const RFB_NONE = 1;

export async function probeRfbSecurity(target: LoginTarget, options: ProbeOptions): Promise<RfbSecurity> {
  const session = await SocketSession.open('vnc', target, options.signal, options.timeoutMs);
  try {
    const versionLine = await session.readUntil((b) => (b.length >= 12 ? b.subarray(0, 12).toString('latin1') : undefined), options.signal, options.timeoutMs);
    const match = versionLine ? /^RFB (\d{3})\.(\d{3})\n$/.exec(versionLine) : null;
    if (!versionLine || !match) throw new LoginProbeError('vnc', target, 'no RFB version greeting');
    session.consume(12);
    const minor = Number(match[2]);
    const version = `${Number(match[1])}.${minor}`;
    // Answer with the version the server offered, capped at 3.8 (the last published one).
    const ours = Number(match[1]) > 3 || minor >= 8 ? 'RFB 003.008\n' : minor >= 7 ? 'RFB 003.007\n' : 'RFB 003.003\n';
    session.write(ours);
    if (ours === 'RFB 003.003\n') {
      // 3.3: the server picks one type and sends it as a 32-bit number.
      const type = await session.readUntil((b) => (b.length >= 4 ? b.readUInt32BE(0) : undefined), options.signal, options.timeoutMs);
      if (type === undefined) throw new LoginProbeError('vnc', target, 'closed before the security type');
      return { version, types: type === 0 ? [] : [type], noAuthentication: type === RFB_NONE };
    }
    const types = await session.readUntil(
      (b) => {
        if (b.length < 1) return undefined;
        const count = b[0]!;
        if (count === 0) return [];
        return b.length >= 1 + count ? [...b.subarray(1, 1 + count)] : undefined;
      },
      options.signal,
      options.timeoutMs,
    );
    if (types === undefined) throw new LoginProbeError('vnc', target, 'closed before the security types');
    return { version, types, noAuthentication: types.includes(RFB_NONE) };
  } finally {
    session.close();
  }
}
