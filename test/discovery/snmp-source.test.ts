// The SNMP source on connected sockets: a host without an agent says so at once (ICMP port
// unreachable) and costs no wait; a silent agent on a host another source saw is asked again on the
// same socket, and an answer to either copy counts; a silent host nobody saw is not asked again.
// Loopback: 127.78.11.0/24, port 16164 (no privileges needed).

import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/discovery/options.js';
import { snmpSource } from '../../src/discovery/snmp.js';
import type { SourceContext } from '../../src/discovery/source.js';
import { startSnmpAgent, type RunningSnmpAgent } from '../../src/mocks/snmp/agent.js';
import type { Observation } from '../../src/model.js';
import { getSnmpObjects } from '../../src/protocols/snmp/get-objects.js';
import { resolveScope } from '../../src/scope/index.js';
import { contextFor, fleetOf } from '../mocks/helpers.js';

const PORT = 16164;
const fleet = fleetOf(`
name: snmp-source-test
range: 127.78.11.0/24
devices:
  - id: printer
    address: 127.78.11.1
    kind: printer
    vendor: Quillon
    model: JetDesk 410
    snmp:
      port: ${PORT}
      sysDescr: "Quillon JetDesk 410"
      readCommunities: [public]
`);

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A socket that takes every datagram and answers none (a busy or filtered agent); counts what came. */
async function silentAgent(ip: string): Promise<{ received: () => number }> {
  const socket = dgram.createSocket('udp4');
  let received = 0;
  socket.on('message', () => received++);
  await new Promise<void>((resolve) => socket.bind(PORT, ip, resolve));
  closers.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return { received: () => received };
}

/** Relays to the real agent and back, each answer held back delayMs: an agent that answers late. */
async function lateAgent(ip: string, agentIp: string, delayMs: number): Promise<{ received: () => number }> {
  const front = dgram.createSocket('udp4');
  let received = 0;
  front.on('message', (message, client) => {
    received++;
    const back = dgram.createSocket('udp4');
    back.on('message', (answer) => {
      const timer = setTimeout(() => {
        front.send(answer, client.port, client.address);
        back.close();
      }, delayMs);
      closers.push(() => clearTimeout(timer));
    });
    back.send(message, PORT, agentIp);
  });
  await new Promise<void>((resolve) => front.bind(PORT, ip, resolve));
  closers.push(() => new Promise<void>((resolve) => front.close(() => resolve())));
  return { received: () => received };
}

async function runSource(targets: string[], seen: (ip: string) => boolean): Promise<{ observations: Observation[]; elapsedMs: number }> {
  const observations: Observation[] = [];
  const ctx: SourceContext = {
    scope: resolveScope({ targets }),
    options: withDefaults({ snmp: { port: PORT } }),
    signal: new AbortController().signal,
    emit: (observation) => observations.push(observation),
    problem: () => {},
    hostDone: () => {},
    seenElsewhere: async (ip) => seen(ip),
    othersDone: async () => false,
  };
  const started = performance.now();
  await snmpSource(ctx);
  return { observations, elapsedMs: performance.now() - started };
}

describe('the SNMP source', () => {
  it('hears at once that nobody listens: no time-out, no second try', async () => {
    const started = performance.now();
    await expect(getSnmpObjects({ ip: '127.78.11.9', port: PORT, community: 'public', version: '2c' }, ['1.3.6.1.2.1.1.1.0'], { timeoutMs: 5000, signal: new AbortController().signal })).rejects.toThrow(/ECONNREFUSED/);
    expect(performance.now() - started).toBeLessThan(2000);
    const { observations, elapsedMs } = await runSource(['127.78.11.9'], () => true);
    expect(observations).toEqual([]);
    // The 800 ms window is never waited out (generous bound for a shared machine).
    expect(elapsedMs).toBeLessThan(700);
  });

  it('asks a silent agent on a seen host again, on the same socket', async () => {
    const agent = await silentAgent('127.78.11.2');
    const { observations } = await runSource(['127.78.11.2'], () => true);
    expect(observations).toEqual([]);
    // v2c and v1, each sent twice.
    expect(agent.received()).toBe(4);
  });

  it('does not ask a silent host nobody saw again', async () => {
    const agent = await silentAgent('127.78.11.3');
    await runSource(['127.78.11.3'], () => false);
    expect(agent.received()).toBe(2);
  });

  it('takes the answer to the first copy that comes after the second copy was sent', async () => {
    const real = await startSnmpAgent(contextFor(fleet, 'printer'));
    closers.push(() => (real as RunningSnmpAgent).close());
    // Sent at 0 and at about 800 ms, awaited until about 2400 ms: only the first copy's answer (2000 ms) is in time.
    await lateAgent('127.78.11.4', '127.78.11.1', 2000);
    const { observations } = await runSource(['127.78.11.4'], () => true);
    expect(observations).toEqual([expect.objectContaining({ source: 'snmp', ip: '127.78.11.4', snmp: expect.objectContaining({ sysDescr: 'Quillon JetDesk 410' }) })]);
  });
});
