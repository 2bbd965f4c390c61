// A UPnP description written back from the fields a recording kept (discovery's parsed description,
// or a source that lists fields instead of XML): only those fields, so it parses back to the same.

import type { UpnpDescription } from '../../model.js';
import { escapeXml } from '../upnp/description.js';

const TEXT_FIELDS = ['deviceType', 'friendlyName', 'manufacturer', 'manufacturerURL', 'modelDescription', 'modelName', 'modelNumber', 'serialNumber', 'presentationURL'] as const;

const element = (name: string, value: string | undefined): string => (value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`);

export function descriptionXmlOf(description: UpnpDescription): string {
  const services = description.services
    .map((service) => `<service>${element('serviceType', service.serviceType)}${element('controlURL', service.controlURL)}</service>`)
    .join('');
  // Embedded devices come back flattened, as discovery reads them; their services sit with the root's.
  const embedded = description.deviceTypes
    .filter((type) => type !== description.deviceType)
    .map((type) => `<device>${element('deviceType', type)}</device>`)
    .join('');
  return (
    '<?xml version="1.0"?>\r\n<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>' +
    element('URLBase', description.urlBase) +
    '<device>' +
    TEXT_FIELDS.map((field) => element(field, description[field])).join('') +
    element('UDN', description.udn) +
    element('softwareVersion', description.firmware) +
    (services ? `<serviceList>${services}</serviceList>` : '') +
    (embedded ? `<deviceList>${embedded}</deviceList>` : '') +
    '</device></root>\r\n'
  );
}
