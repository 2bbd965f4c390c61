// The TCP source: a connect sweep of the ports that matter, with banner grabs and HTTP/RTSP probes.
// A host that answers none of the liveness ports (open or refused) is dropped before the full sweep.

import type { PortInfo } from '../../model.js';
import { createLimitedAgent } from '../http-client.js';
import { forEachBounded } from '../pool.js';
import type { SweepPort } from '../ports.js';
import { LIVENESS_PORTS } from '../ports.js';
import type { SourceContext } from '../source.js';
import { bannerText, readFirstBytes } from './banner.js';
import { connectTcp, Limiter, type ConnectOutcome } from './connect.js';
import { probeHttp } from './http-probe.js';
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
  if (spec.probe === 'http' || spec.probe === 'https') {
    const first = spec.probe === 'https';
    for (const tls of [first, !first]) {
      try {
        port.http = await tools.limiter.run(() => probeHttp(ip, spec.port, tls, tools.agent, options.tcp.httpTimeoutMs, signal));
        port.tls = tls;
        port.name = tls && spec.name === 'http' ? 'https' : !tls && spec.name === 'https' ? 'http' : spec.name;
        return port;
      } catch {
        if (signal.aborted) break;
      }
    }
    if (spec.otherwise) port.name = spec.otherwise;
  }
  return port;
}

async function sweepHost(ip: string, tools: SweepTools): Promise<void> {
  const { options, signal } = tools.ctx;
  const ports = options.tcp.ports;
  const tryPort = async (spec: SweepPort) => {
    const outcome = await tools.limiter.run(() => connectTcp(ip, spec.port, options.tcp.connectTimeoutMs, signal));
    if (outcome.state === 'open') {
      const info = await describeOpenPort(ip, spec, outcome, tools);
      tools.ctx.emit({ source: 'tcp', ip, port: info });
    }
    return outcome.state;
  };

  const liveness = ports.filter((p) => LIVENESS_PORTS.includes(p.port));
  const rest = ports.filter((p) => !LIVENESS_PORTS.includes(p.port));
  const states = await Promise.all(liveness.map(tryPort));
  // Nothing came back at all (no SYN-ACK, no reset): no host there, or one that hides; move on.
  if (liveness.length > 0 && states.every((s) => s === 'silent')) return;
  await Promise.all(rest.map(tryPort));
}

export async function tcpSource(ctx: SourceContext): Promise<void> {
  const { options, signal } = ctx;
  const tools: SweepTools = {
    ctx,
    limiter: new Limiter(options.tcp.maxConnections),
    agent: createLimitedAgent(options.tcp.httpTimeoutMs),
  };
  try {
    await forEachBounded(ctx.scope.hosts, options.concurrency, signal, async (ip) => {
      try {
        await sweepHost(ip, tools);
      } finally {
        ctx.hostDone();
      }
    });
  } finally {
    await tools.agent.close().catch(() => {});
  }
}
