// UPnP device description XML → UpnpDescription, safely: no DTD, no entity expansion, bounded size.

import { asNodes, safeXmlParser, type XmlNode } from '../safe-xml.js';
import type { UpnpDescription, UpnpService } from '../../model.js';
import { sanitizeText } from '../../util/sanitize.js';

export class DescriptionError extends Error {
  override name = 'DescriptionError';
}

/** Embedded devices and services are bounded too: a description is a page, not a database. */
const MAX_DEVICES = 32;
const MAX_SERVICES = 64;

const parser = safeXmlParser();

function text(node: XmlNode, key: string, max = 256): string | undefined {
  const value = node[key];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const clean = sanitizeText(String(value), max);
  return clean || undefined;
}

export function parseDescription(xml: string, maxBytes: number): UpnpDescription {
  if (Buffer.byteLength(xml) > maxBytes) throw new DescriptionError(`description larger than ${maxBytes} bytes`);
  // A device description never needs a DTD; one that declares it is refused before parsing (XML bombs).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new DescriptionError('description declares a DTD or entities: refused');
  let tree: XmlNode;
  try {
    tree = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new DescriptionError(`description is not well-formed XML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const root = asNodes(tree.root)[0];
  const device = root ? asNodes(root.device)[0] : undefined;
  if (!device) throw new DescriptionError('description has no <root><device>');

  const services: UpnpService[] = [];
  const deviceTypes: string[] = [];
  const queue: XmlNode[] = [device];
  for (let seen = 0; queue.length > 0 && seen < MAX_DEVICES; seen++) {
    const current = queue.shift()!;
    const type = text(current, 'deviceType');
    if (type && !deviceTypes.includes(type)) deviceTypes.push(type);
    for (const holder of asNodes(current.serviceList)) {
      for (const service of asNodes(holder.service)) {
        const serviceType = text(service, 'serviceType');
        if (!serviceType || services.length >= MAX_SERVICES) continue;
        const controlURL = text(service, 'controlURL', 512);
        services.push(controlURL ? { serviceType, controlURL } : { serviceType });
      }
    }
    for (const holder of asNodes(current.deviceList)) queue.push(...asNodes(holder.device));
  }

  const description: UpnpDescription = { services, deviceTypes };
  const fields = ['deviceType', 'friendlyName', 'manufacturer', 'manufacturerURL', 'modelName', 'modelNumber', 'modelDescription', 'serialNumber', 'presentationURL'] as const;
  for (const field of fields) {
    const value = text(device, field, field.endsWith('URL') ? 512 : 256);
    if (value) description[field] = value;
  }
  const urlBase = text(root!, 'URLBase', 512);
  if (urlBase) description.urlBase = urlBase;
  const udn = text(device, 'UDN');
  if (udn) description.udn = udn;
  const firmware = text(device, 'softwareVersion') ?? text(device, 'firmwareVersion') ?? text(device, 'swVersion');
  if (firmware) description.firmware = firmware;
  return description;
}
