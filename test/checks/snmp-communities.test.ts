import { afterEach, describe, expect, it } from 'vitest';
import { probeSnmpReadCommunity, SYS_LOCATION_OID } from '../../src/protocols/snmp/communities.js';
import { netSnmp } from '../../src/protocols/snmp/net-snmp.js';
import { snmpDefaultCommunityCheck, snmpWriteCommunityCheck } from '../../src/checks/snmp-communities.js';
import { newDeviceState } from '../../src/mocks/accounts.js';
import { DEFAULT_KNOBS } from '../../src/mocks/fleet-defaults.js';
import { startSnmpAgent, type RunningSnmpAgent } from '../../src/mocks/snmp/agent.js';
import type { DeviceSpec } from '../../src/mocks/types.js';
import { credential, makeContext, makeDevice } from './device-fixture.js';

// Loopback sub-range for this file: 127.81.11.0/24.
const PORT = 16161;
let agent: RunningSnmpAgent | undefined;
const controller = new AbortController();
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

async function startAgent(address: string, writeCommunities: string[], answersAnyCommunity = false): Promise<void> {
  const device: DeviceSpec = {
    id: 'printer', address, hostname: 'printer', kind: 'printer', vendor: 'HP', model: 'OfficeJet', plants: [],
    knobs: { ...DEFAULT_KNOBS, answersAnyCommunity }, accounts: [], mdns: [], services: [],
    snmp: { port: PORT, sysDescr: 'HP ETHERNET MULTI-ENVIRONMENT', sysObjectID: '1.3.6.1.4.1.11.2.3.9.1', sysName: 'printer', sysContact: 'admin', sysLocation: 'Werkkamer', objects: {}, readCommunities: ['public'], writeCommunities },
  };
  agent = await startSnmpAgent({ device, state: newDeviceState(), fleet: { name: 't', range: `${address}/32`, devices: [device] }, signal: controller.signal });
}

function readLocation(ip: string, community: string): Promise<string> {
  const session = netSnmp.createSession(ip, community, { port: PORT, version: netSnmp.Version2c, timeout: 2000, retries: 0, transport: 'udp4' });
  return new Promise((resolve, reject) =>
    session.get([SYS_LOCATION_OID], (error, varbinds) => {
      session.close();
      if (error) reject(error);
      else resolve(String(varbinds?.[0]?.value));
    }),
  );
}

const credentials = [
  credential('snmp-public', '', 'public', ['snmp']),
  { ...credential('snmp-private', '', 'private', ['snmp']), access: 'write' as const },
];
const snmpFacts = { community: 'public', version: '2c' as const, sysDescr: 'HP ETHERNET' };
const snmpPort = { transport: 'udp' as const, port: PORT, name: 'snmp' };

describe('SNMP community checks against the mock agent', () => {
  it('finds the write community with a SET that leaves sysLocation as it was', async () => {
    await startAgent('127.81.11.1', ['private']);
    const device = makeDevice('127.81.11.1', [snmpPort], { kind: 'printer', vendor: 'HP', snmp: snmpFacts });
    const { ctx, attempts } = makeContext([device], credentials, { timeoutMs: 800 });
    const findings = await snmpWriteCommunityCheck.run(device, ctx);
    expect(findings.map((f) => [f.check, f.severity])).toEqual([['snmp-write-community', 'high']]);
    expect(findings[0]!.evidence[0]).not.toContain('private');
    expect(findings[0]!.details).not.toHaveProperty('anyCommunity');
    // public (read-only, SET refused), private (accepted), then a random community that must be refused.
    expect(attempts.length).toBe(3);
    expect(await readLocation('127.81.11.1', 'public')).toBe('Werkkamer');
  });

  it('no write finding when only a read community exists; read community reported from facts', async () => {
    await startAgent('127.81.11.2', []);
    const device = makeDevice('127.81.11.2', [snmpPort], { kind: 'printer', vendor: 'HP', snmp: snmpFacts });
    const { ctx } = makeContext([device], credentials, { timeoutMs: 800 });
    expect(await snmpWriteCommunityCheck.run(device, ctx)).toEqual([]);
    const read = await snmpDefaultCommunityCheck.run(device, ctx);
    expect(read.map((f) => [f.check, f.severity])).toEqual([['snmp-default-community', 'medium']]);
    expect((await probeSnmpReadCommunity({ ip: '127.81.11.2', port: PORT }, 'wrong', { signal: controller.signal, timeoutMs: 500 })).outcome).toBe('denied');
  });

  it('an agent that answers every community gets no factory-community claim, read or write', async () => {
    await startAgent('127.81.11.4', [], true);
    const device = makeDevice('127.81.11.4', [snmpPort], { kind: 'printer', vendor: 'HP', snmp: snmpFacts });
    const { ctx } = makeContext([device], credentials, { timeoutMs: 800 });
    const read = await snmpDefaultCommunityCheck.run(device, ctx);
    const write = await snmpWriteCommunityCheck.run(device, ctx);
    expect([...read, ...write].map((f) => [f.check, f.details['anyCommunity']])).toEqual([
      ['snmp-default-community', true],
      ['snmp-write-community', true],
    ]);
    expect(read[0]!.title.en).toBe('SNMP answers any community');
    expect([...read, ...write].map((f) => f.title.en).join(' ')).not.toMatch(/factory community|guessable community/);
    expect(await readLocation('127.81.11.4', 'public')).toBe('Werkkamer');
  });

  it('--no-login skips the write test', async () => {
    const device = makeDevice('127.81.11.3', [snmpPort], { snmp: snmpFacts });
    const { ctx, attempts } = makeContext([device], credentials, { login: false });
    expect(await snmpWriteCommunityCheck.run(device, ctx)).toEqual([]);
    expect(attempts).toHaveLength(0);
  });
});
