// The MIB-2 system group (RFC 3418): what discovery reads, the community check tests and the mock agent serves.

export const SYSTEM_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1',
  sysObjectID: '1.3.6.1.2.1.1.2',
  sysUpTime: '1.3.6.1.2.1.1.3',
  sysContact: '1.3.6.1.2.1.1.4',
  sysName: '1.3.6.1.2.1.1.5',
  sysLocation: '1.3.6.1.2.1.1.6',
} as const;

export type SystemObject = keyof typeof SYSTEM_OIDS;

/** A scalar's one instance, as a GET names it: the object's OID and ".0". */
export function scalarInstance(name: SystemObject): string {
  return `${SYSTEM_OIDS[name]}.0`;
}
