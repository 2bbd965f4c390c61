// Objects beyond the system group (a fleet's `snmp.objects`): each OID served as given, with the type
// given. net-snmp serves instances under a provider, so each parent OID gets one read-only provider.

import { netSnmp as snmp, type SnmpMib } from '../../protocols/snmp/net-snmp.js';
import type { SnmpObjectValue } from '../types.js';

const WIRE_TYPES: Record<SnmpObjectValue['type'], string> = {
  OctetString: 'OctetString',
  Integer: 'Integer',
  OID: 'OID',
  TimeTicks: 'TimeTicks',
  Counter32: 'Counter',
  Gauge32: 'Gauge',
  IpAddress: 'IpAddress',
};

export const parentOid = (oid: string): string => oid.split('.').slice(0, -1).join('.');

export function registerObjects(mib: SnmpMib, objects: Record<string, SnmpObjectValue>): void {
  const parents = new Set<string>();
  for (const [oid, object] of Object.entries(objects)) {
    const scalarType = snmp.ObjectType[WIRE_TYPES[object.type]]!;
    const parent = parentOid(oid);
    if (!parents.has(parent)) {
      parents.add(parent);
      mib.registerProvider({ name: `objects ${parent}`, type: snmp.MibProviderType.Scalar, oid: parent, scalarType, maxAccess: snmp.MaxAccess['read-only'] });
      mib.addNodesForOid(parent).provider = mib.getProvider(`objects ${parent}`);
    }
    const node = mib.addNodesForOid(oid);
    node.valueType = scalarType;
    node.value = object.value;
  }
}
