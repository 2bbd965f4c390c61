// getSnmpObjects, the version probes' SNMP GET, against a net-snmp agent (the mock printer's): the values it
// has, an object it lacks left out, a wrong community or silent agent as an error within the timeout.

import { afterEach, describe, expect, it } from 'vitest';
import { startSnmpAgent, SYSTEM_OIDS, type RunningSnmpAgent } from '../../../src/mocks/snmp/agent.js';
import { getSnmpObjects } from '../../../src/protocols/snmp/get-objects.js';
import { contextFor, fleetOf } from '../../mocks/helpers.js';

// Loopback sub-range of this file: 127.78.9.0/24. Port 16162 so the test needs no privileges.
const fleet = fleetOf(`
name: snmp-objects-test
range: 127.78.9.0/24
devices:
  - id: printer
    kind: printer
    vendor: Quillon
    model: JetDesk 410
    snmp:
      port: 16162
      sysDescr: "Quillon JetDesk 410 firmware 2.4.1"
      readCommunities: [public]
`);

const running: RunningSnmpAgent[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((agent) => agent.close()));
});

const target = { ip: '127.78.9.1', port: 16162, community: 'public', version: '2c' as const };
const sysDescr = `${SYSTEM_OIDS.sysDescr}.0`;
const prtGeneralPrinterName = '1.3.6.1.2.1.43.5.1.1.16.1';

describe('getSnmpObjects', () => {
  it('reads the objects the agent has and leaves out the one it lacks', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'printer')));
    const values = await getSnmpObjects(target, [sysDescr, prtGeneralPrinterName], { timeoutMs: 1500, signal: new AbortController().signal });
    expect([...values]).toEqual([[sysDescr, 'Quillon JetDesk 410 firmware 2.4.1']]);
  });

  it('fails within its timeout when the community is wrong (the agent stays silent)', async () => {
    running.push(await startSnmpAgent(contextFor(fleet, 'printer')));
    const started = Date.now();
    await expect(getSnmpObjects({ ...target, community: 'nope' }, [sysDescr], { timeoutMs: 400, signal: new AbortController().signal })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(getSnmpObjects(target, [sysDescr], { timeoutMs: 5000, signal: controller.signal })).rejects.toThrow('stopped');
  });
});
