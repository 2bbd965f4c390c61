// A device's SNMP agent (v1/v2c): the system group, read communities, and write communities that may
// SET sysContact/sysName/sysLocation. Guarded: a malformed packet is dropped, never fatal.

import dgram from 'node:dgram';
import { MockBindError } from '../errors.js';
import type { PersonaContext, RunningPersona, SnmpSpec } from '../types.js';
import { closeUdp } from '../udp.js';
import { wait } from '../../util/wait.js';
import { personaLifetime } from '../wait.js';
import { netSnmp as snmp, type ScalarProvider, type SnmpAgent } from '../../protocols/snmp/net-snmp.js';
import { SYSTEM_OIDS } from '../../protocols/snmp/system-group.js';
import { registerObjects } from './objects.js';

export { SYSTEM_OIDS };

export interface RunningSnmpAgent extends RunningPersona {
  /** Packets the agent could not process (hostile or malformed); tests read it. */
  readonly rejectedPackets: () => number;
}

function systemProviders(spec: SnmpSpec, startedAt: number): ScalarProvider[] {
  const scalar = (name: keyof typeof SYSTEM_OIDS, scalarType: number, access: 'read-only' | 'read-write'): ScalarProvider => ({
    name, type: snmp.MibProviderType.Scalar, oid: SYSTEM_OIDS[name], scalarType, maxAccess: snmp.MaxAccess[access],
  });
  // sysDescr and sysObjectID only when the fleet gives them: an agent that sends neither replays without them.
  return [
    ...(spec.sysDescr === undefined ? [] : [scalar('sysDescr', snmp.ObjectType.OctetString, 'read-only')]),
    ...(spec.sysObjectID === undefined ? [] : [scalar('sysObjectID', snmp.ObjectType.OID, 'read-only')]),
    {
      ...scalar('sysUpTime', snmp.ObjectType.TimeTicks, 'read-only'),
      handler: (request) => {
        request.instanceNode.value = Math.floor((Date.now() - startedAt) / 10); // hundredths of a second
        request.done();
      },
    },
    scalar('sysContact', snmp.ObjectType.OctetString, 'read-write'),
    scalar('sysName', snmp.ObjectType.OctetString, 'read-write'),
    scalar('sysLocation', snmp.ObjectType.OctetString, 'read-write'),
  ];
}

function configure(agent: SnmpAgent, spec: SnmpSpec, startedAt: number): void {
  const authorizer = agent.getAuthorizer();
  const access = authorizer.getAccessControlModel();
  for (const community of spec.readCommunities) authorizer.addCommunity(community);
  for (const community of spec.writeCommunities) {
    authorizer.addCommunity(community);
    access.setCommunityAccess(community, snmp.AccessLevel.ReadWrite);
  }
  const mib = agent.getMib();
  for (const provider of systemProviders(spec, startedAt)) mib.registerProvider(provider);
  if (spec.sysDescr !== undefined) mib.setScalarValue('sysDescr', spec.sysDescr);
  if (spec.sysObjectID !== undefined) mib.setScalarValue('sysObjectID', spec.sysObjectID);
  mib.setScalarValue('sysUpTime', 0);
  mib.setScalarValue('sysContact', spec.sysContact);
  mib.setScalarValue('sysName', spec.sysName);
  mib.setScalarValue('sysLocation', spec.sysLocation);
  registerObjects(mib, spec.objects);
}

export async function startSnmpAgent(ctx: PersonaContext): Promise<RunningSnmpAgent> {
  const { device } = ctx;
  const spec = device.snmp;
  if (!spec) throw new Error(`device "${device.id}" has no snmp section to serve`);
  const life = personaLifetime(ctx.signal);
  let rejected = 0;
  let socket: dgram.Socket | undefined;
  const agent = snmp.createAgent(
    {
      address: device.address,
      port: spec.port,
      // The hostile persona: no community is checked, and every one may read and write.
      accessControlModelType: device.knobs.answersAnyCommunity ? snmp.AccessControlModelType.None : snmp.AccessControlModelType.Simple,
      disableAuthorization: device.knobs.answersAnyCommunity,
      dgramModule: { createSocket: (type) => (socket = dgram.createSocket({ type, reuseAddr: false })) },
    },
    (error) => {
      if (error) rejected += 1; // wrong community, undecodable packet: dropped, as real agents do
    },
  );
  const bound = socket!;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      const failure = new MockBindError(device.id, 'snmp', device.address, spec.port, { cause: error });
      void closeUdp(bound).then(() => reject(failure));
    };
    bound.once('error', onError);
    bound.once('listening', () => {
      bound.off('error', onError);
      resolve();
    });
  });
  configure(agent, spec, Date.now());

  // The agent's own handlers run inside a guard: an exception in its decoder must not end the process.
  const handlers = bound.listeners('message') as Array<(message: Buffer, rinfo: dgram.RemoteInfo) => void>;
  bound.removeAllListeners('message');
  bound.on('message', (message: Buffer, rinfo: dgram.RemoteInfo) => {
    if (device.knobs.silent) return;
    void wait(device.knobs.delayMs, life.signal).then((alive) => {
      if (!alive) return;
      for (const handler of handlers) {
        try {
          handler(message, rinfo);
        } catch {
          rejected += 1;
        }
      }
    });
  });

  return {
    served: [{ deviceId: device.id, address: device.address, protocol: 'snmp', port: spec.port, transport: 'udp' }],
    rejectedPackets: () => rejected,
    async close() {
      life.end();
      await closeUdp(bound);
    },
  };
}
