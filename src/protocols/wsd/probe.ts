// The WS-Discovery Probe (WS-Discovery 2005/04, section 5.2): built with a fresh urn:uuid MessageID and
// optional Types; and read back, by the mock fleet's responder, for its MessageID and Types.

import { randomUUID } from 'node:crypto';
import { ACTION_PROBE, DISCOVERY_TO, NS_ADDRESSING, NS_DISCOVERY, NS_SOAP, TYPE_NAMESPACES } from './constants.js';
import { parseSoap, textOf, WsdMessageError, type XmlNode } from './soap.js';

export interface WsdProbe {
  messageId: string;
  /** QNames as written ("dn:NetworkVideoTransmitter"); empty: the Probe asks for every type. */
  types: string[];
}

export function newMessageId(): string {
  return `urn:uuid:${randomUUID()}`;
}

const QNAME = /^[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*$/;

/** A Probe as one datagram. Types need a prefix TYPE_NAMESPACES knows, so each is declared in the envelope. */
export function buildProbe(probe: Partial<WsdProbe> = {}): { messageId: string; datagram: Buffer } {
  const messageId = probe.messageId ?? newMessageId();
  const types = probe.types ?? [];
  const prefixes = new Set<string>();
  for (const type of types) {
    const prefix = type.split(':')[0] ?? '';
    if (!QNAME.test(type) || !TYPE_NAMESPACES[prefix]) throw new WsdMessageError(`probe type "${type}": a QName with a known prefix (${Object.keys(TYPE_NAMESPACES).join(', ')}) is needed`);
    prefixes.add(prefix);
  }
  const declarations = [...prefixes].map((prefix) => ` xmlns:${prefix}="${TYPE_NAMESPACES[prefix]}"`).join('');
  const body = types.length > 0 ? `<wsd:Probe><wsd:Types>${types.join(' ')}</wsd:Types></wsd:Probe>` : '<wsd:Probe/>';
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${NS_SOAP}" xmlns:wsa="${NS_ADDRESSING}" xmlns:wsd="${NS_DISCOVERY}"${declarations}>` +
    '<soap:Header>' +
    `<wsa:To>${DISCOVERY_TO}</wsa:To>` +
    `<wsa:Action>${ACTION_PROBE}</wsa:Action>` +
    `<wsa:MessageID>${messageId}</wsa:MessageID>` +
    '</soap:Header>' +
    `<soap:Body>${body}</soap:Body>` +
    '</soap:Envelope>';
  return { messageId, datagram: Buffer.from(xml, 'utf8') };
}

/** A Probe read from a datagram; throws WsdMessageError for anything that is not one. */
export function parseProbe(datagram: Buffer): WsdProbe {
  const { header, body } = parseSoap(datagram);
  const probe = body.Probe;
  if (probe === undefined) throw new WsdMessageError('not a Probe: the body holds no Probe element');
  const messageId = textOf(header.MessageID);
  if (!messageId) throw new WsdMessageError('Probe without a MessageID');
  const types = typeof probe === 'object' && probe !== null ? (textOf((probe as XmlNode).Types) ?? '') : '';
  return { messageId, types: types.split(/\s+/).filter(Boolean) };
}
