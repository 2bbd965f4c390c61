// Reads the firmware version out of a probe's answer: a JSON path, an XML element or a pattern.
// The answer is untrusted: parsed only as far as needed, the value sanitised and capped.

import type { VersionReader } from '../../knowledge/version-probes.js';
import { sanitizeText } from '../../util/sanitize.js';

const MAX_VERSION_LENGTH = 64;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = sanitizeText(String(value), MAX_VERSION_LENGTH).trim();
  return text === '' ? null : text;
}

function readJson(body: string, path: string[]): string | null {
  let node: unknown;
  try {
    node = JSON.parse(body);
  } catch {
    return null;
  }
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return clean(node);
}

/** The element's text, any namespace prefix; no XML parser, so no entities to expand. */
function readXml(body: string, element: string): string | null {
  const pattern = new RegExp(`<(?:[A-Za-z][\\w.-]*:)?${escapeRegExp(element)}(?:\\s[^>]*)?>\\s*([^<]{1,${MAX_VERSION_LENGTH}}?)\\s*</`, 'i');
  return clean(pattern.exec(body)?.[1]);
}

/** Several elements' texts joined ("V5.4.0" and "build 160530"): the ones present, in order. */
function readXmlElements(body: string, elements: string[]): string | null {
  const texts = elements.map((element) => readXml(body, element)).filter((text): text is string => text !== null);
  return texts.length === 0 ? null : clean(texts.join(' '));
}

/** The first field (IPP attribute, SNMP object) that gives a version: as it is, or through its pattern. */
export function readFields(reader: Extract<VersionReader, { kind: 'fields' }>, values: ReadonlyMap<string, string>): { version: string; field: string } | null {
  for (const field of reader.fields) {
    const value = values.get(field.name);
    if (value === undefined) continue;
    const version = field.pattern ? clean(field.pattern.exec(value)?.groups?.fw) : clean(value);
    if (version) return { version, field: field.name };
  }
  return null;
}

/** The version in a page's body; a fields reader reads no page. */
export function readVersion(reader: VersionReader, body: string): string | null {
  switch (reader.kind) {
    case 'json':
      return readJson(body, reader.path);
    case 'xml':
      return readXmlElements(body, reader.elements);
    case 'pattern':
      return clean(reader.pattern.exec(body)?.groups?.fw);
    case 'fields':
      return null;
  }
}
