// SNMP community probes (v2c): a community counts as readable when sysDescr comes back, and as writable
// when a SET of sysLocation to the value it already has is accepted, so nothing on the device changes.

import { netSnmp, type SnmpSession, type SnmpVarbind } from './net-snmp.js';
import { scalarInstance } from './system-group.js';
import { errorResult, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

export const SYS_DESCR_OID = scalarInstance('sysDescr');
export const SYS_LOCATION_OID = scalarInstance('sysLocation');

function withSession<T>(
  target: LoginTarget,
  community: string,
  options: ProbeOptions,
  use: (session: SnmpSession) => Promise<T>,
): Promise<T> {
  options.signal.throwIfAborted();
  const session = netSnmp.createSession(target.ip, community, {
    port: target.port,
    version: netSnmp.Version2c,
    timeout: options.timeoutMs,
    retries: 0,
    transport: 'udp4',
  });
  session.on('error', () => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(options.signal.reason);
    options.signal.addEventListener('abort', onAbort, { once: true });
    use(session)
      .then(resolve, reject)
      .finally(() => {
        options.signal.removeEventListener('abort', onAbort);
        session.close();
      });
  });
}

function request(
  call: (callback: (error: Error | null, varbinds?: SnmpVarbind[]) => void) => void,
): Promise<SnmpVarbind> {
  return new Promise((resolve, reject) => {
    call((error, varbinds) => {
      const first = varbinds?.[0];
      if (error) reject(error);
      else if (!first) reject(new Error('empty answer'));
      else if (netSnmp.isVarbindError(first)) reject(new Error(netSnmp.varbindError(first)));
      else resolve(first);
    });
  });
}

function describeSnmpError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  // A wrong community and a missing agent look the same: no answer at all.
  if (name === 'RequestTimedOutError') return 'no answer (wrong community or no agent)';
  return error instanceof Error ? error.message : String(error);
}

/** GET sysDescr with the community: an answer is the proof it can read. */
export async function probeSnmpReadCommunity(target: LoginTarget, community: string, options: ProbeOptions): Promise<LoginResult> {
  try {
    const varbind = await withSession(target, community, options, (session) =>
      request((cb) => session.get([SYS_DESCR_OID], cb)),
    );
    const text = String(varbind.value ?? '').slice(0, 60);
    return { outcome: 'success', proof: `sysDescr '${text}'` };
  } catch (error) {
    if (options.signal.aborted) return errorResult('snmp', target, error);
    return { outcome: 'denied', detail: describeSnmpError(error) };
  }
}

/** Reads sysLocation and SETs it to that same value: accepted means the community may write. */
export async function probeSnmpWriteCommunity(target: LoginTarget, community: string, options: ProbeOptions): Promise<LoginResult> {
  try {
    return await withSession(target, community, options, async (session) => {
      let current: SnmpVarbind;
      try {
        current = await request((cb) => session.get([SYS_LOCATION_OID], cb));
      } catch (error) {
        return { outcome: 'denied', detail: `cannot read sysLocation: ${describeSnmpError(error)}` };
      }
      const unchanged: SnmpVarbind = { oid: SYS_LOCATION_OID, type: current.type, value: current.value };
      try {
        await request((cb) => session.set([unchanged], cb));
      } catch (error) {
        return { outcome: 'denied', detail: `SET refused: ${describeSnmpError(error)}` };
      }
      return { outcome: 'success', proof: 'SET of sysLocation to its current value accepted' };
    });
  } catch (error) {
    return errorResult('snmp', target, error);
  }
}
