// One SNMP GET of a few OIDs, abortable and bounded by its timeout: the values an agent has, as text.
// An object the agent lacks (noSuchObject, noSuchInstance) is left out, not an error.

import { netSnmp as snmp } from './net-snmp.js';

export interface SnmpTarget {
  ip: string;
  port: number;
  community: string;
  version: '1' | '2c';
}

const MAX_VALUE_BYTES = 512;

/** Octets as text when they are text, else as dotted bytes (a firmware revision sent as 02 04 01). */
function valueText(value: unknown): string | undefined {
  if (Buffer.isBuffer(value)) {
    const bytes = value.subarray(0, MAX_VALUE_BYTES);
    return /^[\x20-\x7e\t\r\n]*$/.test(bytes.toString('latin1')) ? bytes.toString('utf8') : [...bytes].join('.');
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value).slice(0, MAX_VALUE_BYTES);
  return undefined;
}

/** `text`: how a value becomes text (default: text as it is, other octets as dotted bytes). */
export function getSnmpObjects(
  target: SnmpTarget,
  oids: readonly string[],
  options: { timeoutMs: number; signal: AbortSignal; text?: (value: unknown) => string | undefined },
): Promise<Map<string, string>> {
  const text = options.text ?? valueText;
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) return reject(options.signal.reason);
    const session = snmp.createSession(target.ip, target.community, {
      port: target.port,
      version: target.version === '1' ? snmp.Version1 : snmp.Version2c,
      timeout: options.timeoutMs,
      retries: 0,
      transport: 'udp4',
    });
    let finished = false;
    const finish = (error: unknown, values?: Map<string, string>) => {
      if (finished) return;
      finished = true;
      options.signal.removeEventListener('abort', onAbort);
      try {
        session.close();
      } catch {
        // already closed
      }
      if (values) resolve(values);
      else reject(error);
    };
    const onAbort = () => finish(options.signal.reason);
    options.signal.addEventListener('abort', onAbort, { once: true });
    session.on('error', (error) => finish(error));
    session.get([...oids], (error, varbinds) => {
      if (error || !varbinds) return finish(error ?? new Error(`no SNMP answer from ${target.ip}:${target.port}`));
      const values = new Map<string, string>();
      varbinds.forEach((varbind, index) => {
        const oid = oids[index];
        if (!oid || snmp.isVarbindError(varbind)) return;
        const value = text(varbind.value);
        if (value !== undefined) values.set(oid, value);
      });
      finish(null, values);
    });
  });
}
