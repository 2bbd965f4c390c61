// DNS-SD records → resolved service instances. Pure, so hostile packets can be tested on bytes alone.

import type { Answer } from 'dns-packet';
import { isUtf8 } from 'node:buffer';
import type { MdnsService, TxtString } from '../../model.js';
import { sanitizeText } from '../../util/sanitize.js';

export { SERVICES_META, MAX_MDNS_PACKET } from './constants.js';

const MAX_TXT_ENTRIES = 48;

const lower = (name: string) => name.toLowerCase().replace(/\.$/, '');

export function ptrTargets(records: readonly Answer[], name: string): string[] {
  const wanted = lower(name);
  const found = new Map<string, string>();
  for (const r of records) {
    if (r.type !== 'PTR' || lower(r.name) !== wanted) continue;
    const target = String((r as { data: unknown }).data).replace(/\.$/, '');
    if (!found.has(lower(target))) found.set(lower(target), target);
  }
  return [...found.values()];
}

export function findRecord<T extends Answer['type']>(records: readonly Answer[], type: T, name: string): Extract<Answer, { type: T }> | undefined {
  const wanted = lower(name);
  return records.find((r) => r.type === type && lower(r.name) === wanted) as Extract<Answer, { type: T }> | undefined;
}

export function parseTxt(data: unknown): Record<string, string> {
  const parts = Array.isArray(data) ? data : [data];
  const txt: Record<string, string> = {};
  for (const part of parts.slice(0, MAX_TXT_ENTRIES)) {
    const text = Buffer.isBuffer(part) ? part.toString('utf8') : typeof part === 'string' ? part : '';
    if (!text) continue;
    const eq = text.indexOf('=');
    const key = sanitizeText(eq === -1 ? text : text.slice(0, eq), 64).toLowerCase();
    if (key && !(key in txt)) txt[key] = eq === -1 ? '' : sanitizeText(text.slice(eq + 1), 255);
  }
  return txt;
}

/** RFC 6763 §6.4: a key is printable US-ASCII other than '='; a string with no such key is ignored. */
const TXT_KEY = /^[\x20-\x3C\x3E-\x7E]+$/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** The TXT strings as sent, for recordings: bounded like parseTxt (48 strings; DNS caps each at 255 bytes). */
export function parseTxtSent(data: unknown): TxtString[] {
  const parts = Array.isArray(data) ? data : [data];
  const sent: TxtString[] = [];
  for (const part of parts.slice(0, MAX_TXT_ENTRIES)) {
    const bytes = Buffer.isBuffer(part) ? part : typeof part === 'string' ? Buffer.from(part, 'utf8') : undefined;
    if (!bytes || bytes.length === 0) continue;
    const eq = bytes.indexOf(0x3d);
    const key = bytes.subarray(0, eq === -1 ? bytes.length : eq).toString('latin1');
    if (!TXT_KEY.test(key)) continue;
    if (eq === -1) {
      sent.push({ key });
      continue;
    }
    const value = bytes.subarray(eq + 1);
    const text = value.toString('utf8');
    sent.push(isUtf8(value) && !CONTROL.test(text) ? { key, value: text } : { key, base64: value.toString('base64') });
  }
  return sent;
}

/** "Keuken._googlecast._tcp.local" of type "_googlecast._tcp.local" → "Keuken". */
export function instanceLabel(instanceName: string, typeName: string): string {
  const suffix = `.${lower(typeName)}`;
  const name = lower(instanceName).endsWith(suffix) ? instanceName.slice(0, instanceName.length - suffix.length) : instanceName;
  return sanitizeText(name.replace(/\\(\d{3})/g, (_, d: string) => String.fromCharCode(Number(d))).replace(/\\(.)/g, '$1'), 128);
}

export function serviceTypeLabel(typeName: string): string {
  return sanitizeText(lower(typeName).replace(/\.local$/, ''), 96);
}

/**
 * Builds the services of one host from every record it sent. An instance whose SRV and TXT never came is
 * kept (port 0, no TXT), and so is a type with no instance (instance ""): a device that named its services
 * and then went silent is still listed with what it said.
 */
export function resolveServices(
  records: readonly Answer[],
  instances: ReadonlyArray<{ instance: string; type: string }>,
  types: readonly string[] = [],
): MdnsService[] {
  const services: MdnsService[] = [];
  for (const { instance, type } of instances) {
    const srv = findRecord(records, 'SRV', instance);
    const txt = findRecord(records, 'TXT', instance);
    const service: MdnsService = {
      instance: instanceLabel(instance, type),
      type: serviceTypeLabel(type),
      port: srv && Number.isInteger(srv.data.port) ? srv.data.port : 0,
      txt: txt ? parseTxt(txt.data) : {},
    };
    if (txt) service.txtSent = parseTxtSent(txt.data);
    if (srv?.data.target) service.host = sanitizeText(String(srv.data.target).replace(/\.$/, ''), 128);
    services.push(service);
  }
  const typesWithInstances = new Set(instances.map(({ type }) => lower(type)));
  for (const type of types) {
    if (!typesWithInstances.has(lower(type))) services.push({ instance: '', type: serviceTypeLabel(type), port: 0, txt: {} });
  }
  return services;
}
