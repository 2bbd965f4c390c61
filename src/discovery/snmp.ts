// The SNMP source: the system group by v2c and v1 at once, with the `public` community only
// (guessing other communities is a check's job, announced, not discovery's).

import type { SnmpInfo } from '../model.js';
import { openSnmpAsk, type SnmpAsk } from '../protocols/snmp/ask.js';
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

const SYSTEM_GROUP_NAMES = Object.keys(SYSTEM_GROUP) as Array<keyof typeof SYSTEM_GROUP>;

function systemGroupOf(values: ReadonlyMap<string, string>, community: string, version: '1' | '2c'): SnmpInfo {
  const info: SnmpInfo = { community, version };
  for (const name of SYSTEM_GROUP_NAMES) {
    const text = values.get(SYSTEM_GROUP[name]);
    if (text) info[name] = text;
  }
  return info;
}

/** Reads the system group over one SNMP version, one window long; null when nothing answered. */
export async function getSystemGroup(
  ip: string,
  options: { port: number; community: string; timeoutMs: number; version: '1' | '2c' },
  signal: AbortSignal,
): Promise<SnmpInfo | null> {
  if (signal.aborted) return null;
  try {
    const target = { ip, port: options.port, community: options.community, version: options.version };
    const values = await getSnmpObjects(target, Object.values(SYSTEM_GROUP), { timeoutMs: options.timeoutMs, signal, text: valueText });
    return systemGroupOf(values, options.community, options.version);
  } catch {
    // Silence, an error or an abort: nothing answered.
    return null;
  }
}

/** The most a second wait may last, however slow the answers that did come were. */
export const MAX_SNMP_RETRY_WAIT_MS = 3000;

const VERSIONS = ['2c', '1'] as const;

/** Both versions at once, each on its own connected socket: an agent speaking only v1 costs no second time-out. */
class SystemGroupAsks {
  private readonly asks: SnmpAsk[];
  constructor(
    ip: string,
    private readonly options: SourceContext['options']['snmp'],
    signal: AbortSignal,
  ) {
    this.asks = VERSIONS.map((version) =>
      openSnmpAsk({ ip, port: options.port, community: options.community, version }, Object.values(SYSTEM_GROUP), { signal, text: valueText }),
    );
  }

  /** The v2c answer over the v1 one; 'unreachable' when the network said no to both; else 'silent'. */
  async waitFor(ms: number): Promise<SnmpInfo | 'unreachable' | 'silent'> {
    const outcomes = await Promise.all(this.asks.map((ask) => ask.waitFor(ms)));
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.state === 'answered') return systemGroupOf(outcome.values, this.options.community, VERSIONS[index]!);
    }
    return outcomes.every((outcome) => outcome.state === 'unreachable' || outcome.state === 'failed') ? 'unreachable' : 'silent';
  }

  again(): void {
    for (const ask of this.asks) ask.again();
  }

  close(): void {
    for (const ask of this.asks) ask.close();
  }
}

/**
 * Every host is asked on connected sockets, so a host without an agent says so at once (ICMP port
 * unreachable) and costs no wait. A silence is ambiguous (a busy agent answers late, a datagram is
 * lost, a firewall drops it): when another source has seen the host, the same question is sent again
 * on the same sockets and awaited longer, following the slowest answer seen in this scan; an answer
 * to the first copy still counts. A silent host nobody saw is not asked again, so an empty network is
 * no slower.
 */
export async function snmpSource(ctx: SourceContext): Promise<void> {
  const { options, signal } = ctx;
  const { timeoutMs } = options.snmp;
  let slowestAnswerMs = 0;
  const emitted = (ip: string, started: number, info: SnmpInfo | 'unreachable' | 'silent'): boolean => {
    if (typeof info === 'string') return false;
    slowestAnswerMs = Math.max(slowestAnswerMs, performance.now() - started);
    ctx.emit({ source: 'snmp', ip, snmp: info, port: options.snmp.port });
    return true;
  };
  // Second tries do not hold a worker: the next hosts' first questions go on meanwhile.
  const retries: Promise<void>[] = [];
  await mapLimit(ctx.scope.hosts, options.concurrency, signal, async (ip) => {
    const asks = new SystemGroupAsks(ip, options.snmp, signal);
    const started = performance.now();
    let handedOver = false;
    try {
      const first = await asks.waitFor(timeoutMs);
      if (emitted(ip, started, first) || first === 'unreachable' || signal.aborted) return;
      handedOver = true;
      retries.push(
        (async () => {
          try {
            // Another source's word is awaited no longer than one more first wait (no source waits on SNMP for ever).
            const seen = await Promise.race([ctx.seenElsewhere(ip), wait(timeoutMs, signal).then(() => false)]);
            if (seen && !signal.aborted) asks.again();
            // Not seen: only an answer that came meanwhile is taken.
            const waitMs = seen ? Math.min(MAX_SNMP_RETRY_WAIT_MS, Math.max(2 * timeoutMs, 4 * slowestAnswerMs)) : 0;
            emitted(ip, started, await asks.waitFor(waitMs));
          } finally {
            asks.close();
            ctx.hostDone();
          }
        })(),
      );
    } finally {
      if (!handedOver) {
        asks.close();
        ctx.hostDone();
      }
    }
  });
  await Promise.all(retries);
}
