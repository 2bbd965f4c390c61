// The TCP source: a connect sweep of the ports that matter, with banner grabs and HTTP/RTSP probes.
// Two phases: the liveness ports of every host first; the full list only for hosts that proved to be
// there (fullSweepDecision), so absent hosts cost one round of connects, not thirty.

import type { PortInfo } from '../../model.js';
import { createLimitedAgent } from '../../protocols/http/limited-client.js';
import { mapLimit } from '../../util/limit.js';
import type { SweepPort } from '../ports.js';
import { LIVENESS_PORTS } from '../ports.js';
import type { SourceContext } from '../source.js';
import { bannerText, readFirstBytes } from './banner.js';
import { connectTcp, Limiter, type ConnectOutcome } from './connect.js';
import { HostTiming } from './host-timing.js';
import { probeHttp } from './http-probe.js';
import { probeIpp } from './ipp-probe.js';
import { probeRtsp } from './rtsp-probe.js';
import type { Agent } from 'undici';

interface SweepTools {
  limiter: Limiter;
  agent: Agent;
  ctx: SourceContext;
}

async function describeOpenPort(ip: string, spec: SweepPort, outcome: Extract<ConnectOutcome, { state: 'open' }>, tools: SweepTools): Promise<PortInfo> {
  const { options, signal } = tools.ctx;
  const { socket } = outcome;
  const port: PortInfo = { transport: 'tcp', port: spec.port, name: spec.name };
  if (spec.tls !== undefined) port.tls = spec.tls;
  const limits = { timeoutMs: options.tcp.bannerTimeoutMs, maxBytes: 1024, idleMs: 200 };

  if (spec.probe === 'banner') {
    const banner = bannerText(await readFirstBytes(socket, limits, signal, spec.name === 'telnet'), spec.name);
    if (banner) port.banner = banner;
    return port;
  }
  if (spec.probe === 'rtsp') {
    const answer = await probeRtsp(socket, ip, spec.port, options.tcp.bannerTimeoutMs, signal);
    if (answer) {
      port.banner = answer.statusLine;
      port.http = answer.http;
    }
    return port;
  }
  socket.destroy();
  if (spec.probe === 'http' || spec.probe === 'https' || spec.probe === 'ipp' || spec.probe === 'ipps') {
    const timing = { timeoutMs: options.tcp.httpTimeoutMs, answerTimeoutMs: options.tcp.httpAnswerTimeoutMs };
    const first = spec.probe === 'https' || spec.probe === 'ipps';
    for (const tls of [first, !first]) {
      try {
        port.http = await tools.limiter.run(() => probeHttp(ip, spec.port, tls, tools.agent, timing, signal), true);
        port.tls = tls;
        port.name = tls && spec.name === 'http' ? 'https' : !tls && spec.name === 'https' ? 'http' : tls && spec.name === 'ipp' ? 'ipps' : spec.name;
        // An IPP port that speaks TLS is IPPS (RFC 7472: 631 serves both): the printer is asked over TLS.
        if (spec.probe === 'ipp' || spec.probe === 'ipps') {
          const ipp = await tools.limiter.run(() => probeIpp(ip, spec.port, tools.agent, options.tcp.httpTimeoutMs, signal, tls), true);
          if (ipp) port.ipp = ipp;
        }
        return port;
      } catch (error) {
        // A wrong scheme fails at once (reset, TLS alert, 400); silence means a port that speaks neither.
        if (signal.aborted || isTimeout(error)) break;
      }
    }
    if (spec.otherwise) port.name = spec.otherwise;
  }
  return port;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

function isTimeout(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: string; name?: string };
  return (code !== undefined && TIMEOUT_CODES.has(code)) || name === 'TimeoutError';
}

export type FullSweepDecision = 'sweep' | 'if-seen-elsewhere';

/**
 * After the liveness ports: an open port, or a reset from a LAN address, proves a host is there. On
 * loopback the local kernel resets for every address, and silence may be a firewall: such hosts get the
 * full sweep only when another source (mDNS, SSDP, SNMP) saw them.
 */
export function fullSweepDecision(ip: string, states: ReadonlyArray<ConnectOutcome['state']>): FullSweepDecision {
  if (states.includes('open')) return 'sweep';
  if (states.includes('closed') && !ip.startsWith('127.')) return 'sweep';
  return 'if-seen-elsewhere';
}

/**
 * Connects to ports of one host and hands an open one to describeOpenPort without waiting for it: the sweep
 * decides on connect outcomes alone, while banners and pages are read side by side into `described`. A
 * round's silences are asked once more when the round showed the host is there (see HostTiming).
 */
function portConnector(ip: string, tools: SweepTools, described: Promise<void>[]) {
  const { options, signal } = tools.ctx;
  const timing = new HostTiming(options.tcp, ip.startsWith('127.'));
  const attempt = (spec: SweepPort, urgent: boolean, timeoutMs: number): Promise<ConnectOutcome> =>
    tools.limiter.run(async () => {
      const started = performance.now();
      const outcome = await connectTcp(ip, spec.port, timeoutMs, signal);
      if (outcome.state !== 'silent') timing.sample(performance.now() - started);
      return outcome;
    }, urgent);
  const take = (spec: SweepPort, outcome: ConnectOutcome): ConnectOutcome['state'] => {
    if (outcome.state === 'open') {
      described.push(describeOpenPort(ip, spec, outcome, tools).then((info) => tools.ctx.emit({ source: 'tcp', ip, port: info })));
    }
    return outcome.state;
  };
  // Silences asked again once the host proves present, each with the time-out and estimate it had.
  const unsure: Array<{ spec: SweepPort; usedMs: number; estimateAtStart: number | undefined }> = [];
  const retry = async (): Promise<void> => {
    for (let round = 0; round < options.tcp.connectRetries && !signal.aborted; round++) {
      const ambiguous = unsure.filter((u) => timing.isAmbiguous(u.usedMs, u.estimateAtStart));
      if (ambiguous.length === 0) return;
      await Promise.all(ambiguous.map(async (u) => {
        const usedMs = timing.retryTimeoutMs(u.usedMs);
        const state = take(u.spec, await attempt(u.spec, true, usedMs));
        unsure.splice(unsure.indexOf(u), 1);
        if (state === 'silent') unsure.push({ ...u, usedMs });
      }));
    }
  };
  // A host that proved to be there goes before the liveness probes of the next: its pages take longest.
  const round = async (specs: SweepPort[], proven = false): Promise<Array<ConnectOutcome['state']>> => {
    const estimateAtStart = timing.estimateMs;
    const usedMs = timing.timeoutMs();
    return Promise.all(specs.map(async (spec) => {
      const state = take(spec, await attempt(spec, proven, usedMs));
      if (state === 'silent') unsure.push({ spec, usedMs, estimateAtStart });
      return state;
    }));
  };
  return { round, retry };
}

function sweepTools(ctx: SourceContext): SweepTools {
  // One connection per origin: the sweep asks a port one request after the other (HTTP, then IPP), and
  // undici gives a one-connection origin a plain client, not a pool with a 2,048-slot queue of its own.
  const agent = createLimitedAgent(ctx.options.tcp.httpTimeoutMs, undefined, 1);
  return { ctx, limiter: new Limiter(ctx.options.tcp.maxConnections), agent };
}

/** The second look: connects to the ports each host announced about itself (announced-ports.ts), nothing else. */
export async function sweepAnnouncedPorts(ctx: SourceContext, portsByHost: ReadonlyMap<string, readonly SweepPort[]>): Promise<void> {
  const tools = sweepTools(ctx);
  try {
    await mapLimit([...portsByHost.keys()], ctx.options.concurrency, ctx.signal, async (ip) => {
      const described: Promise<void>[] = [];
      const connect = portConnector(ip, tools, described);
      await connect.round([...(portsByHost.get(ip) ?? [])], true);
      await connect.retry();
      await Promise.all(described);
    });
  } finally {
    await tools.agent.close().catch(() => {});
  }
}

export async function tcpSource(ctx: SourceContext): Promise<void> {
  const { options, signal } = ctx;
  const tools = sweepTools(ctx);
  const liveness = options.tcp.ports.filter((p) => LIVENESS_PORTS.includes(p.port));
  const rest = options.tcp.ports.filter((p) => !LIVENESS_PORTS.includes(p.port));
  // Page reads and hosts waiting for another source's word do not hold a worker: the sweep goes on.
  const finishing: Promise<void>[] = [];
  const sweepHost = async (ip: string) => {
    const described: Promise<void>[] = [];
    const connect = portConnector(ip, tools, described);
    const states = await connect.round(liveness);
    let restDone: Promise<unknown>;
    if (liveness.length === 0 || fullSweepDecision(ip, states) === 'sweep') {
      await connect.round(rest, true);
      restDone = connect.retry();
    } else {
      restDone = ctx.seenElsewhere(ip).then(async (seen) => {
        if (!seen || signal.aborted) return;
        await connect.round(rest, true);
        await connect.retry();
      });
    }
    finishing.push(restDone.then(() => Promise.all(described)).then(() => ctx.hostDone()));
  };
  try {
    await mapLimit(ctx.scope.hosts, options.concurrency, signal, sweepHost);
    await Promise.all(finishing);
  } finally {
    await tools.agent.close().catch(() => {});
  }
}
