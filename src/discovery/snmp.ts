// The SNMP source: the system group by v2c and v1 at once, with the `public` community only
// (guessing other communities is a check's job, announced, not discovery's).

import type { SnmpInfo } from '../model.js';
import { netSnmp as snmp } from '../protocols/snmp/net-snmp.js';
import { scalarInstance } from '../protocols/snmp/system-group.js';
import { mapLimit } from '../util/limit.js';
import { wait } from '../util/wait.js';
import { sanitizeText } from '../util/sanitize.js';
import type { SourceContext } from './source.js';

/** What discovery reads: the system group without sysUpTime (it names nothing). */
const SYSTEM_GROUP = Object.fromEntries(
  (['sysDescr', 'sysObjectID', 'sysContact', 'sysName', 'sysLocation'] as const).map((name) => [name, scalarInstance(name)]),
) as Record<'sysDescr' | 'sysObjectID' | 'sysContact' | 'sysName' | 'sysLocation', string>;

function valueText(value: unknown): string | undefined {
  if (Buffer.isBuffer(value)) return sanitizeText(value.toString('utf8'), 512);
  if (typeof value === 'string' || typeof value === 'number') return sanitizeText(String(value), 512);
  return undefined;
}

/** Reads the system group over one SNMP version; null when nothing answered. */
export function getSystemGroup(
  ip: string,
  options: { port: number; community: string; timeoutMs: number; version: '1' | '2c' },
  signal: AbortSignal,
): Promise<SnmpInfo | null> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(null);
    const session = snmp.createSession(ip, options.community, {
      port: options.port,
      version: options.version === '1' ? snmp.Version1 : snmp.Version2c,
      timeout: options.timeoutMs,
      retries: 0,
      transport: 'udp4',
    });
    let finished = false;
    const finish = (info: SnmpInfo | null) => {
      if (finished) return;
      finished = true;
      signal.removeEventListener('abort', onAbort);
      try {
        session.close();
      } catch {
        // already closed
      }
      resolve(info);
    };
    const onAbort = () => finish(null);
    signal.addEventListener('abort', onAbort, { once: true });
    session.on('error', () => finish(null));
    const names = Object.keys(SYSTEM_GROUP) as Array<keyof typeof SYSTEM_GROUP>;
    session.get(Object.values(SYSTEM_GROUP), (error, varbinds) => {
      if (error || !varbinds) return finish(null);
      const info: SnmpInfo = { community: options.community, version: options.version };
      varbinds.forEach((varbind, index) => {
        const name = names[index];
        if (!name || snmp.isVarbindError(varbind)) return;
        const text = valueText(varbind.value);
        if (text) info[name] = text;
      });
      finish(info);
    });
  });
}

/** The most a second wait may last, however slow the answers that did come were. */
export const MAX_SNMP_RETRY_WAIT_MS = 3000;

/** Both versions at once: an agent speaking only v1 costs no second time-out. */
async function askBoth(ip: string, options: SourceContext['options']['snmp'], timeoutMs: number, signal: AbortSignal): Promise<SnmpInfo | null> {
  const [v2c, v1] = await Promise.all([
    getSystemGroup(ip, { ...options, timeoutMs, version: '2c' }, signal),
    getSystemGroup(ip, { ...options, timeoutMs, version: '1' }, signal),
  ]);
  return v2c ?? v1;
}

/**
 * A silence from a host another source has seen is ambiguous (a busy agent answers late, a datagram is
 * lost): it is asked once more, with a longer wait that follows the slowest answer seen in this scan. A
 * host nobody saw is not asked again, so an empty network is no slower; nor is loopback, where nothing
 * is lost and a silence is the device's choice.
 */
export async function snmpSource(ctx: SourceContext): Promise<void> {
  const { options, signal } = ctx;
  const { timeoutMs } = options.snmp;
  let slowestAnswerMs = 0;
  const ask = async (ip: string, waitMs: number) => {
    const started = performance.now();
    const info = await askBoth(ip, options.snmp, waitMs, signal);
    if (info) {
      slowestAnswerMs = Math.max(slowestAnswerMs, performance.now() - started);
      ctx.emit({ source: 'snmp', ip, snmp: info, port: options.snmp.port });
    }
    return info;
  };
  // Second tries do not hold a worker: the next hosts' first questions go on meanwhile.
  const retries: Promise<void>[] = [];
  await mapLimit(ctx.scope.hosts, options.concurrency, signal, async (ip) => {
    let done = true;
    try {
      if ((await ask(ip, timeoutMs)) || ip.startsWith('127.') || signal.aborted) return;
      done = false;
      retries.push(
        (async () => {
          try {
            // Another source's word is awaited no longer than one more first wait (no source waits on SNMP for ever).
            const seen = await Promise.race([ctx.seenElsewhere(ip), wait(timeoutMs, signal).then(() => false)]);
            if (seen && !signal.aborted) await ask(ip, Math.min(MAX_SNMP_RETRY_WAIT_MS, Math.max(2 * timeoutMs, 4 * slowestAnswerMs)));
          } finally {
            ctx.hostDone();
          }
        })(),
      );
    } finally {
      if (done) ctx.hostDone();
    }
  });
  await Promise.all(retries);
}
