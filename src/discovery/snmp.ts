// The SNMP source: the system group by v2c and v1 at once, with the `public` community only
// (guessing other communities is a check's job, announced, not discovery's).

import type { SnmpInfo } from '../model.js';
import { getSnmpObjects } from '../protocols/snmp/get-objects.js';
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
export async function getSystemGroup(
  ip: string,
  options: { port: number; community: string; timeoutMs: number; version: '1' | '2c' },
  signal: AbortSignal,
): Promise<SnmpInfo | null> {
  if (signal.aborted) return null;
  const names = Object.keys(SYSTEM_GROUP) as Array<keyof typeof SYSTEM_GROUP>;
  try {
    const values = await getSnmpObjects({ ip, port: options.port, community: options.community, version: options.version }, Object.values(SYSTEM_GROUP), {
      timeoutMs: options.timeoutMs,
      signal,
      text: valueText,
    });
    const info: SnmpInfo = { community: options.community, version: options.version };
    for (const name of names) {
      const text = values.get(SYSTEM_GROUP[name]);
      if (text) info[name] = text;
    }
    return info;
  } catch {
    // Silence, an error or an abort: nothing answered.
    return null;
  }
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
