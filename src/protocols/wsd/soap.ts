// A SOAP-over-UDP envelope read safely: bounded size and element count, no DTD, no entity expansion.
// Namespace prefixes are dropped (devices use any prefix: d:, wsdd:, wsd:), so elements are read by name.

import { isUtf8 } from 'node:buffer';
import { asList, asNodes, safeXmlParser, type XmlNode } from '../safe-xml.js';

export class WsdMessageError extends Error {
  override name = 'WsdMessageError';
}

/** SOAP-over-UDP messages fit one datagram; real ProbeMatches are 1 to 4 KiB, a large MFP's about 6. */
export const MAX_MESSAGE_BYTES = 32 * 1024;
/** A ProbeMatches envelope has some twenty elements; thousands are a parser attack, not a device. */
export const MAX_ELEMENTS = 512;

export type { XmlNode };

const parser = safeXmlParser();

/** The text of an element that holds only text (the first, when repeated). */
export function textOf(value: unknown): string | undefined {
  const first = asList(value)[0];
  if (typeof first === 'string' || typeof first === 'number') return String(first).trim();
  return undefined;
}

/** Header and Body of a SOAP 1.2 envelope; throws WsdMessageError naming what is wrong. */
export function parseSoap(datagram: Buffer, maxBytes = MAX_MESSAGE_BYTES): { header: XmlNode; body: XmlNode; xml: string } {
  if (datagram.length > maxBytes) throw new WsdMessageError(`message of ${datagram.length} bytes is larger than ${maxBytes}`);
  if (!isUtf8(datagram)) throw new WsdMessageError('message is not UTF-8 text');
  const xml = datagram.toString('utf8');
  // A discovery message never needs a DTD; one that declares it is refused before parsing (XML bombs).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new WsdMessageError('message declares a DTD or entities: refused');
  const elements = xml.match(/<[^/?!]/g)?.length ?? 0;
  if (elements > MAX_ELEMENTS) throw new WsdMessageError(`message has ${elements} elements, more than ${MAX_ELEMENTS}`);
  let tree: XmlNode;
  try {
    tree = parser.parse(xml, true) as XmlNode;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new WsdMessageError(`message is not well-formed XML: ${reason}`, { cause: error });
  }
  const envelope = asNodes(tree.Envelope)[0];
  if (!envelope) throw new WsdMessageError('message is not a SOAP envelope');
  const body = asNodes(envelope.Body)[0];
  if (!body) throw new WsdMessageError('SOAP envelope without a Body');
  return { header: asNodes(envelope.Header)[0] ?? {}, body, xml };
}
