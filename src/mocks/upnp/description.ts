// The UPnP device description XML a device serves at /description.xml. Pure: no sockets.

import type { DeviceSpec, EmbeddedDeviceSpec, SsdpSpec } from '../types.js';
import {
  WAN_COMMON_INTERFACE_CONFIG, WAN_CONNECTION_DEVICE, WAN_DEVICE, WAN_IP_CONNECTION, WAN_IP_CONNECTION_CONTROL,
} from './igd-layout.js';

export const DESCRIPTION_PATH = '/description.xml';
export const DIAL_SERVICE_TYPE = 'urn:dial-multiscreen-org:service:dial:1';

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** "urn:schemas-upnp-org:service:ContentDirectory:1" → "ContentDirectory". */
export function serviceShortName(serviceType: string): string {
  return serviceType.split(':').at(-2) ?? serviceType;
}

/** Where a listed service's files live; the same paths the HTTP server answers. */
export function servicePaths(serviceType: string): { scpd: string; control: string; event: string } {
  if (serviceType === WAN_IP_CONNECTION) return { scpd: '/WANIPCn.xml', control: WAN_IP_CONNECTION_CONTROL, event: '/evt/IPConn' };
  const name = serviceShortName(serviceType);
  return { scpd: `/scpd/${name}.xml`, control: `/ctl/${name}`, event: `/evt/${name}` };
}

function element(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;
}

function serviceList(types: string[], controlPath?: string): string {
  if (types.length === 0) return '';
  const services = types.map((type) => {
    const paths = { ...servicePaths(type), ...(controlPath === undefined ? {} : { control: controlPath }) };
    const idKind = type.startsWith('urn:schemas-upnp-org:') ? 'urn:upnp-org' : type.split(':').slice(0, 2).join(':');
    return (
      '<service>' + element('serviceType', type) + element('serviceId', `${idKind}:serviceId:${serviceShortName(type)}`) +
      element('SCPDURL', paths.scpd) + element('controlURL', paths.control) + element('eventSubURL', paths.event) + '</service>'
    );
  });
  return `<serviceList>${services.join('')}</serviceList>`;
}

function igdDevice(spec: SsdpSpec): string {
  const sub = (suffix: string): string => `${spec.udn.slice(0, -4)}${suffix}`;
  const wanConnection =
    '<device>' + element('deviceType', WAN_CONNECTION_DEVICE) + element('friendlyName', 'WANConnectionDevice') +
    element('manufacturer', spec.manufacturer) + element('modelName', spec.modelName) + element('UDN', sub('0002')) +
    serviceList([WAN_IP_CONNECTION], spec.igd?.controlPath) + '</device>';
  const wan =
    '<device>' + element('deviceType', WAN_DEVICE) + element('friendlyName', 'WANDevice') +
    element('manufacturer', spec.manufacturer) + element('modelName', spec.modelName) + element('UDN', sub('0001')) +
    serviceList([WAN_COMMON_INTERFACE_CONFIG]) + `<deviceList>${wanConnection}</deviceList>` + '</device>';
  return wan;
}

/** An embedded device as the fleet gives it, its own embedded devices inside. */
function embeddedDevice(embedded: EmbeddedDeviceSpec): string {
  return (
    '<device>' + element('deviceType', embedded.deviceType) + element('friendlyName', embedded.friendlyName) +
    element('manufacturer', embedded.manufacturer) + element('modelDescription', embedded.modelDescription) +
    element('modelName', embedded.modelName) + element('modelNumber', embedded.modelNumber) + element('UDN', embedded.udn) +
    serviceList(embedded.serviceTypes) + deviceList(embedded.devices.map(embeddedDevice)) + '</device>'
  );
}

/** The service types of the root and of every embedded device: each has its SCPD served. */
export function everyServiceType(spec: SsdpSpec): string[] {
  const embedded = (devices: EmbeddedDeviceSpec[]): string[] => devices.flatMap((d) => [...d.serviceTypes, ...embedded(d.devices)]);
  return [...spec.serviceTypes, ...embedded(spec.devices)];
}

function deviceList(devices: string[]): string {
  return devices.length === 0 ? '' : `<deviceList>${devices.join('')}</deviceList>`;
}

export function descriptionXml(device: DeviceSpec, spec: SsdpSpec, baseUrl: string): string {
  return (
    '<?xml version="1.0"?>\r\n' +
    '<root xmlns="urn:schemas-upnp-org:device-1-0">' +
    '<specVersion><major>1</major><minor>0</minor></specVersion>' +
    element('URLBase', baseUrl) +
    '<device>' +
    element('deviceType', spec.deviceType) +
    element('friendlyName', spec.friendlyName) +
    element('manufacturer', spec.manufacturer) +
    element('manufacturerURL', spec.manufacturerURL) +
    element('modelDescription', spec.modelDescription) +
    element('modelName', spec.modelName) +
    element('modelNumber', spec.modelNumber) +
    element('serialNumber', spec.serialNumber) +
    element('UDN', spec.udn) +
    element('softwareVersion', spec.firmware) +
    element('presentationURL', spec.igd ? `http://${device.address}/` : undefined) +
    serviceList(spec.serviceTypes) +
    deviceList([...(spec.igd ? [igdDevice(spec)] : []), ...spec.devices.map(embeddedDevice)]) +
    '</device></root>\r\n'
  );
}

/** A minimal service description: enough for clients that fetch every SCPDURL. */
export function scpdXml(): string {
  return (
    '<?xml version="1.0"?>\r\n<scpd xmlns="urn:schemas-upnp-org:service-1-0">' +
    '<specVersion><major>1</major><minor>0</minor></specVersion><actionList/><serviceStateTable/></scpd>\r\n'
  );
}
