// The built-in home fleet plants vendor, model, kind and firmware per device. Identification must
// name each device from what its personas announce on the wire, as discovery records it. Where a
// device does not announce an attribute at all, its `wire:` note in the fleet file says so (and why),
// and identification must leave it empty. The same comparison over real sockets is in
// test/integration/home-identity.test.ts; this one pins the rules to the recorded facts.

import { describe, expect, it } from 'vitest';
import type { DeviceKind, HostFacts, PortInfo } from '../../src/model.js';
import type { DeviceSpec, TcpServiceSpec } from '../../src/mocks/types.js';
import { loadHomeFleet } from '../../src/mocks/fleet-file.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';

function portFacts(device: DeviceSpec, service: TcpServiceSpec): PortInfo {
  const base = { transport: 'tcp' as const, port: service.port };
  switch (service.type) {
    case 'http':
    case 'https': {
      const challenge = service.auth === 'basic' || service.auth === 'digest';
      const http: NonNullable<PortInfo['http']> = { status: challenge ? 401 : 200, headers: {} };
      if (service.server) http.server = service.server;
      if (!challenge && service.title) http.title = service.title;
      if (service.auth === 'form' && service.title) http.title = service.title;
      if (challenge) {
        http.authScheme = service.auth;
        http.realm = service.realm ?? service.title;
      }
      return { ...base, name: service.type, tls: service.type === 'https', http };
    }
    case 'telnet':
    case 'ftp':
      return { ...base, name: service.type, banner: service.banner };
    case 'ssh':
      return { ...base, name: 'ssh', banner: service.ident };
    case 'rtsp': {
      const lines = ['RTSP/1.0 401 Unauthorized', 'CSeq: 1'];
      if (service.server) lines.push(`Server: ${service.server}`);
      if (service.auth !== 'none') lines.push(`WWW-Authenticate: ${service.auth === 'digest' ? 'Digest' : 'Basic'} realm="${service.realm ?? device.model}"`);
      return { ...base, name: 'rtsp', banner: lines.join('\r\n') };
    }
    case 'vnc':
      return { ...base, name: 'vnc', banner: `RFB ${service.version ?? '003.008'}` };
    case 'mqtt':
      return { ...base, name: 'mqtt' };
    case 'open':
      return service.banner ? { ...base, name: 'unknown', banner: service.banner } : { ...base, name: 'unknown' };
  }
}

/** What discovery records of a fleet device: its announcements and services, nothing it does not send. */
function factsOf(device: DeviceSpec): HostFacts {
  const ssdp = device.ssdp;
  return {
    ip: device.address,
    mac: device.mac ?? null,
    macVendor: null,
    hostnames: [device.hostname],
    mdns: device.mdns.map((service) => ({
      instance: service.instance,
      type: service.type,
      port: service.port,
      host: `${service.host ?? device.hostname}.local`,
      // A key sent alone reads as an empty value, as discovery decodes it.
      txt: Object.fromEntries(Object.entries(service.txt).map(([key, value]) => [key, typeof value === 'object' && value !== null ? Buffer.from(value.base64, 'base64').toString('utf8') : (value ?? '')])),
    })),
    ssdp: ssdp
      ? [
          {
            st: 'upnp:rootdevice',
            server: ssdp.server,
            types: ['upnp:rootdevice', ...(ssdp.deviceType ? [ssdp.deviceType] : [])],
            description: {
              deviceType: ssdp.deviceType,
              friendlyName: ssdp.friendlyName,
              manufacturer: ssdp.manufacturer,
              ...(ssdp.manufacturerURL ? { manufacturerURL: ssdp.manufacturerURL } : {}),
              modelName: ssdp.modelName,
              ...(ssdp.modelNumber ? { modelNumber: ssdp.modelNumber } : {}),
              ...(ssdp.modelDescription ? { modelDescription: ssdp.modelDescription } : {}),
              ...(ssdp.serialNumber ? { serialNumber: ssdp.serialNumber } : {}),
              ...(ssdp.firmware ? { firmware: ssdp.firmware } : {}),
              udn: ssdp.udn,
              services: ssdp.serviceTypes.map((serviceType) => ({ serviceType })),
              deviceTypes: ssdp.deviceType ? [ssdp.deviceType] : [],
            },
          },
        ]
      : [],
    snmp: device.snmp
      ? {
          community: 'public',
          version: '2c',
          sysDescr: device.snmp.sysDescr,
          sysObjectID: device.snmp.sysObjectID,
          sysName: device.snmp.sysName,
          sysContact: device.snmp.sysContact,
          sysLocation: device.snmp.sysLocation,
        }
      : null,
    ports: device.services.map((service) => portFacts(device, service)),
    discoveredBy: ['tcp'],
  };
}

interface Planted {
  vendor: string | null;
  model: string | null;
  kind: DeviceKind;
  firmware: string | null;
}

/**
 * What identification can honestly say: the planted truth. An attribute a `wire:` note keeps off the
 * wire of a loopback scan may be empty here, or the planted value where these facts hold more (a MAC);
 * never another value.
 */
function expectedOf(device: DeviceSpec, found: Planted): Planted {
  // A firmware served only on a status page or as an IPP attribute is read by a version probe, after identification.
  const onStatusPage = (attribute: 'model' | 'firmware'): boolean =>
    attribute === 'firmware' &&
    device.services.some(
      (service) =>
        ('pages' in service && Object.values(service.pages ?? {}).some((page) => page.includes(`"${device.firmware}"`))) ||
        ('ipp' in service && Object.values(service.ipp?.attributes ?? {}).includes(device.firmware ?? '')),
    );
  const hidden = (attribute: 'model' | 'firmware', planted: string | null): string | null =>
    (device.wire?.[attribute] || onStatusPage(attribute)) && found[attribute] !== planted ? null : planted;
  return {
    vendor: device.vendor,
    model: hidden('model', device.model),
    kind: device.kind,
    firmware: hidden('firmware', device.firmware ?? null),
  };
}

describe('identification of the built-in home fleet', () => {
  const knowledge = loadFingerprints();
  const fleet = loadHomeFleet();

  it('covers every device of the fleet file', () => {
    expect(fleet.devices.length).toBeGreaterThanOrEqual(10);
  });

  for (const device of fleet.devices) {
    it(`names ${device.id} from what it announces`, () => {
      const identity = identify(factsOf(device), knowledge);
      const found: Planted = { vendor: identity.vendor, model: identity.model, kind: identity.kind, firmware: identity.firmware };
      expect(found).toEqual(expectedOf(device, found));
    });
  }
});
