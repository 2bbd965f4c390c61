// An empty host record for tests that build devices by hand; callers override what they need.

import type { HostFacts } from '../../src/model.js';

export function emptyFacts(overrides: Partial<HostFacts> = {}): HostFacts {
  return {
    ip: '192.0.2.10',
    mac: null,
    macVendor: null,
    hostnames: [],
    mdns: [],
    ssdp: [],
    snmp: null,
    ports: [],
    discoveredBy: [],
    ...overrides,
  };
}
