// ProbeMatches (WS-Discovery 2005/04 section 5.3, the 2009/01 version alike): per match the endpoint's
// address, Types, Scopes, XAddrs and MetadataVersion, each list bounded and every value sanitised.

import type { WsdInfo } from '../../model.js';
import { sanitizeText } from '../../util/sanitize.js';
import { asList, asNodes } from '../safe-xml.js';
import { parseSoap, textOf, WsdMessageError, type XmlNode } from './soap.js';

export { WsdMessageError };

/** Bounds per reply: a device answers with one match; a proxy for a few. */
export const MAX_MATCHES = 16;
export const MAX_TYPES = 32;
export const MAX_SCOPES = 32;
export const MAX_XADDRS = 8;
const MAX_VALUE = 512;

export interface ProbeMatchesReply {
  /** The MessageID of the Probe this answers, when the device said. */
  relatesTo?: string;
  matches: WsdInfo[];
  /** Matches left out, each with why (no endpoint address, past the cap). */
  skipped: string[];
}

/** Space-separated lists of QNames or URIs (xs:list): tokens past the cap are dropped, each one sanitised. */
function tokens(value: unknown, cap: number, valid: RegExp): string[] {
  const text = textOf(value) ?? '';
  const out: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (out.length >= cap) break;
    const clean = sanitizeText(token, MAX_VALUE);
    if (clean && valid.test(clean) && !out.includes(clean)) out.push(clean);
  }
  return out;
}

const QNAME = /^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

function probeMatch(node: XmlNode): WsdInfo | string {
  const reference = asNodes(node.EndpointReference)[0];
  const address = reference ? textOf(reference.Address) : undefined;
  const endpoint = address ? sanitizeText(address, MAX_VALUE) : '';
  if (!endpoint) return 'a ProbeMatch without an EndpointReference Address';
  const info: WsdInfo = {
    endpoint,
    types: tokens(node.Types, MAX_TYPES, QNAME),
    scopes: tokens(node.Scopes, MAX_SCOPES, URI),
    xaddrs: tokens(node.XAddrs, MAX_XADDRS, URI),
  };
  const version = textOf(node.MetadataVersion);
  if (version && /^\d{1,10}$/.test(version)) info.metadataVersion = Number(version);
  return info;
}

/** Reads one reply datagram; throws WsdMessageError, with the reason, for anything that is not ProbeMatches. */
export function parseProbeMatches(datagram: Buffer): ProbeMatchesReply {
  const { header, body } = parseSoap(datagram);
  const action = textOf(header.Action);
  const matches = asNodes(body.ProbeMatches)[0] ?? (body.ProbeMatches === '' ? {} : undefined);
  if (!matches) {
    if (body.Probe !== undefined) throw new WsdMessageError('a Probe, not ProbeMatches');
    throw new WsdMessageError(`not ProbeMatches (body holds ${Object.keys(body).slice(0, 3).join(', ') || 'nothing'})`);
  }
  if (action !== undefined && !action.endsWith('/ProbeMatches')) throw new WsdMessageError(`ProbeMatches with another action: ${sanitizeText(action, 120)}`);
  const reply: ProbeMatchesReply = { matches: [], skipped: [] };
  const relatesTo = textOf(header.RelatesTo);
  if (relatesTo) reply.relatesTo = sanitizeText(relatesTo, MAX_VALUE);
  // An empty element (<d:ProbeMatch/>) reads as text: still a match, one without what a match needs.
  const all = asList(matches.ProbeMatch).map((item): XmlNode => (typeof item === 'object' && item !== null ? (item as XmlNode) : {}));
  for (const node of all.slice(0, MAX_MATCHES)) {
    const match = probeMatch(node);
    if (typeof match === 'string') reply.skipped.push(match);
    else if (!reply.matches.some((m) => m.endpoint === match.endpoint)) reply.matches.push(match);
  }
  if (all.length > MAX_MATCHES) reply.skipped.push(`${all.length - MAX_MATCHES} ProbeMatch elements past the cap of ${MAX_MATCHES}`);
  return reply;
}

/** What an ONVIF scope says (ONVIF Core 7.3.2.2): onvif://www.onvif.org/<category>/<value>, value URL-decoded. */
export function onvifScope(scope: string): { category: string; value: string } | null {
  const found = /^onvif:\/\/www\.onvif\.org\/([^/]+)\/(.+)$/i.exec(scope);
  if (!found) return null;
  let value = found[2]!;
  try {
    value = decodeURIComponent(value);
  } catch {
    // a stray % stays as sent
  }
  const category = found[1]!.toLowerCase();
  // Names and places stand for spaces with underscores ("Front_door"); a model number keeps its own.
  const clean = sanitizeText(category === 'name' || category === 'location' ? value.replace(/_/g, ' ') : value, 128);
  return clean ? { category, value: clean } : null;
}
