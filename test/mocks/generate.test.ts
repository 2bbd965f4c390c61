import { describe, expect, it } from 'vitest';
import { generateFleet } from '../../src/mocks/generate.js';
import { loadHomeFleet } from '../../src/mocks/fleet-file.js';
import { plannedPorts } from '../../src/mocks/device-ports.js';

describe('generateFleet', () => {
  it('builds n varied devices with unique ids, addresses, hostnames and UDNs in the range', () => {
    const fleet = generateFleet(250, { range: '127.78.8.0/24' });
    expect(fleet.devices).toHaveLength(250);
    expect(fleet.range).toBe('127.78.8.0/24');
    for (const key of ['id', 'address', 'hostname'] as const) {
      expect(new Set(fleet.devices.map((d) => d[key])).size).toBe(250);
    }
    const udns = fleet.devices.flatMap((d) => (d.ssdp ? [d.ssdp.udn] : []));
    expect(new Set(udns).size).toBe(udns.length);
    expect(fleet.devices[0]!.address).toBe('127.78.8.1');
    expect(fleet.devices[249]!.address).toBe('127.78.8.250');
    expect(new Set(fleet.devices.map((d) => d.kind)).size).toBe(new Set(loadHomeFleet().devices.map((d) => d.kind)).size);
    expect(fleet.devices.every((d) => plannedPorts(d).length > 0)).toBe(true);
  });

  it('points every port mapping at a copy that exists', () => {
    const home = loadHomeFleet().devices;
    // One round of copies plus the first device again: the second router's targets did not fit.
    expect(home[0]!.ssdp?.igd).toBeDefined();
    const fleet = generateFleet(home.length + 1, { range: '127.78.8.0/24' });
    const ids = new Set(fleet.devices.map((d) => d.id));
    const mappings = fleet.devices.flatMap((d) => d.ssdp?.igd?.portMappings ?? []);
    expect(mappings.length).toBeGreaterThan(0);
    for (const mapping of mappings) expect(ids.has(mapping.internalClient)).toBe(true);
    const secondRouter = fleet.devices.at(-1)!;
    expect(secondRouter.id).toBe(`${home[0]!.id}-2`);
    expect(secondRouter.ssdp?.igd?.portMappings).toEqual([]);
  });

  it('refuses more devices than the range holds, and nonsense counts', () => {
    expect(() => generateFleet(10, { range: '127.78.8.0/29' })).toThrow(/outside the fleet range 127\.78\.8\.0\/29/);
    expect(() => generateFleet(0)).toThrow(/at least 1/);
  });
});
