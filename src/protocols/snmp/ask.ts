// One SNMP GET of a few OIDs that stays open until closed: the caller waits for it in windows, may
// send it again (an answer to either copy counts, so a late answer is never thrown away), and hears
// at once when the network says nobody listens (ICMP port unreachable on a connected socket).

import { connectedDgram } from './connected-dgram.js';
import { netSnmp as snmp } from './net-snmp.js';

export interface SnmpTarget {
  ip: string;
  port: number;
  community: string;
  version: '1' | '2c';
}

export type SnmpOutcome =
  | { state: 'answered'; values: Map<string, string> }
  /** The network said no: ICMP port or host unreachable. */
  | { state: 'unreachable'; code: string }
  /** The agent answered with an error (a v1 noSuchName, a wrong community), or the ask was stopped. */
  | { state: 'failed'; error: unknown }
  | { state: 'silent' };

export interface SnmpAsk {
  /** The outcome once known, or 'silent' when nothing came within ms. Never closes the ask. */
  waitFor(ms: number): Promise<SnmpOutcome>;
  /** Sends the GET once more on the same socket. */
  again(): void;
  close(): void;
}

/** net-snmp's own time-out only backs ours up: the caller's windows decide, and close() ends it. */
const BACKSTOP_MS = 60_000;

export function openSnmpAsk(target: SnmpTarget, oids: readonly string[], options: { signal: AbortSignal; text: (value: unknown) => string | undefined }): SnmpAsk {
  let outcome: SnmpOutcome | null = null;
  const listeners = new Set<() => void>();
  const settle = (result: SnmpOutcome) => {
    if (outcome) return;
    outcome = result;
    for (const listener of listeners) listener();
  };
  const session = snmp.createSession(target.ip, target.community, {
    port: target.port,
    version: target.version === '1' ? snmp.Version1 : snmp.Version2c,
    timeout: BACKSTOP_MS,
    retries: 0,
    transport: 'udp4',
    dgramModule: connectedDgram(target.ip, target.port, (code) => settle({ state: 'unreachable', code })),
  });
  session.on('error', (error) => settle({ state: 'failed', error }));
  const onAbort = () => settle({ state: 'failed', error: options.signal.reason });
  options.signal.addEventListener('abort', onAbort, { once: true });
  const send = () => {
    try {
      session.get([...oids], (error, varbinds) => {
        if (error || !varbinds) return settle(error?.name === 'RequestTimedOutError' ? { state: 'silent' } : { state: 'failed', error });
        const values = new Map<string, string>();
        varbinds.forEach((varbind, index) => {
          const oid = oids[index];
          if (!oid || snmp.isVarbindError(varbind)) return;
          const value = options.text(varbind.value);
          if (value !== undefined) values.set(oid, value);
        });
        settle({ state: 'answered', values });
      });
    } catch (error) {
      settle({ state: 'failed', error });
    }
  };
  if (options.signal.aborted) onAbort();
  else send();
  return {
    waitFor(ms) {
      if (outcome) return Promise.resolve(outcome);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          listeners.delete(done);
          resolve(outcome ?? { state: 'silent' });
        };
        listeners.add(done);
        // A busy event loop runs expired timers before the datagrams that came meanwhile: setImmediate
        // runs after them, so only a real silence is called one.
        const timer = setTimeout(() => setImmediate(done), ms);
      });
    },
    again() {
      if (!outcome) send();
    },
    close() {
      options.signal.removeEventListener('abort', onAbort);
      try {
        session.close();
      } catch {
        // already closed
      }
      settle({ state: 'failed', error: new Error('closed') });
    },
  };
}
