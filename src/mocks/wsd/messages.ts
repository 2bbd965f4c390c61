// The mock's ProbeMatches: built from a device's wsd section, or its recorded reply with the Probe's
// MessageID as RelatesTo; and whether a Probe asks for this device at all (WS-Discovery 5.1: a Probe
// without Types matches every device; with Types, each must be one of the device's).

import { randomUUID } from 'node:crypto';
import { ACTION_PROBE_MATCHES, NS_ADDRESSING, NS_DISCOVERY, NS_SOAP, TYPE_NAMESPACES } from '../../protocols/wsd/constants.js';
import type { WsdProbe } from '../../protocols/wsd/probe.js';
import type { WsdSpec } from '../types.js';

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

const xmlText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function probeAsksFor(probe: WsdProbe, types: readonly string[]): boolean {
  const own = new Set(types.map(localName));
  return probe.types.every((type) => own.has(localName(type)));
}

/** The types a recorded reply answers for: its Types element's QNames. */
export function recordedTypes(probeMatch: string): string[] {
  return /<(?:[\w.-]+:)?Types>([^<]*)<\//.exec(probeMatch)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
}

export function probeMatchesFor(spec: WsdSpec, relatesTo: string, address: string): Buffer {
  if (spec.probeMatch !== undefined) {
    const replayed = spec.probeMatch
      .replace(/(<(?:[\w.-]+:)?RelatesTo(?:\s[^>]*)?>)[^<]*(<\/)/, (_, open: string, close: string) => `${open}${xmlText(relatesTo)}${close}`)
      .replaceAll('{{address}}', address);
    return Buffer.from(replayed, 'utf8');
  }
  const prefixes = [...new Set(spec.types.map((type) => type.split(':')[0]!).filter((prefix) => prefix !== '' && TYPE_NAMESPACES[prefix]))];
  const declarations = prefixes.map((prefix) => ` xmlns:${prefix}="${TYPE_NAMESPACES[prefix]}"`).join('');
  const list = (name: string, values: readonly string[]) => (values.length > 0 ? `<d:${name}>${values.map(xmlText).join(' ')}</d:${name}>` : '');
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<s:Envelope xmlns:s="${NS_SOAP}" xmlns:a="${NS_ADDRESSING}" xmlns:d="${NS_DISCOVERY}"${declarations}>` +
    '<s:Header>' +
    '<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>' +
    `<a:Action>${ACTION_PROBE_MATCHES}</a:Action>` +
    `<a:MessageID>urn:uuid:${randomUUID()}</a:MessageID>` +
    `<a:RelatesTo>${xmlText(relatesTo)}</a:RelatesTo>` +
    '</s:Header>' +
    '<s:Body><d:ProbeMatches><d:ProbeMatch>' +
    `<a:EndpointReference><a:Address>${xmlText(spec.endpoint)}</a:Address></a:EndpointReference>` +
    list('Types', spec.types) +
    list('Scopes', spec.scopes) +
    list('XAddrs', spec.xaddrs.map((xaddr) => xaddr.replaceAll('{{address}}', address))) +
    `<d:MetadataVersion>${spec.metadataVersion}</d:MetadataVersion>` +
    '</d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>';
  return Buffer.from(xml, 'utf8');
}
