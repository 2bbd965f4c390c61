// Facts + identity → the device record of the report, and its risk once the checks have spoken.

import type { Device, Finding, HostFacts, Identity, Service } from '../model.js';
import { riskRank, worstOpenRisk } from '../model/severity.js';
import { compareIpv4 } from '../util/ipv4.js';

/** Stable across scans: the MAC where the neighbour table gave it, else the address. */
export function deviceIdFor(facts: HostFacts): string {
  return facts.mac ? `mac-${facts.mac.toLowerCase().replace(/[^0-9a-f]/g, '')}` : `ip-${facts.ip}`;
}

export function servicesOf(facts: HostFacts): Service[] {
  return facts.ports
    .map((p) => ({ transport: p.transport, port: p.port, name: p.name, ...(p.banner ? { banner: p.banner } : {}) }))
    .sort((a, b) => a.port - b.port || a.transport.localeCompare(b.transport));
}

export function toDevice(facts: HostFacts, identity: Identity, names: string[]): Device {
  return {
    id: deviceIdFor(facts),
    ip: facts.ip,
    mac: facts.mac,
    names,
    vendor: identity.vendor,
    model: identity.model,
    firmware: identity.firmware,
    kind: identity.kind,
    services: servicesOf(facts),
    discoveredBy: [...facts.discoveredBy].sort(),
    risk: 'none',
    identity,
    facts,
  };
}

/** The worst open finding of each device; findings the user's answer settled do not count. */
export function withRisk(devices: Device[], findings: Finding[]): Device[] {
  return devices.map((device) => ({ ...device, risk: worstOpenRisk(findings.filter((f) => f.deviceId === device.id)) }));
}

export function compareByRisk(a: Device, b: Device): number {
  return riskRank(a.risk) - riskRank(b.risk) || compareIpv4(a.ip, b.ip);
}

