// One XML reader setting for everything devices send (UPnP descriptions, IGD answers, WS-Discovery): no DTD or
// entity expansion, namespace prefixes dropped (devices pick their own), every value kept as text.

import { XMLParser } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

export function safeXmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    removeNSPrefix: true,
    trimValues: true,
  });
}

/** A child that may occur once or many times, as a list (absent: empty). */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The element children of a child that may occur once or many times (text and empty ones left out). */
export function asNodes(value: unknown): XmlNode[] {
  return asList(value).filter((item): item is XmlNode => typeof item === 'object' && item !== null);
}
