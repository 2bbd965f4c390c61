// What a device's mDNS responder says to a question: DNS-SD browse, PTR, SRV, TXT and A records,
// with the additional records real responders attach (RFC 6763 section 12). Pure: no sockets.

import type { Answer, Question } from 'dns-packet';
import { SERVICES_META } from '../../protocols/mdns/constants.js';
import type { DeviceSpec, MdnsSpec } from '../types.js';

/** Legacy unicast answers must not be cached long (RFC 6762 section 6.7). */
export const LEGACY_UNICAST_TTL = 10;
const SERVICE_TTL = 4500;
const HOST_TTL = 120;

export interface MdnsReply {
  answers: Answer[];
  additionals: Answer[];
}

const typeName = (spec: MdnsSpec): string => `${spec.type}.local`;
const instanceName = (spec: MdnsSpec): string => `${spec.instance}.${spec.type}.local`;
const hostName = (device: DeviceSpec, spec?: MdnsSpec): string => `${spec?.host ?? device.hostname}.local`;
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
// dns-packet's types omit ANY (255), which browsers and dig send.
const wants = (question: Question, type: string): boolean => question.type === type || (question.type as string) === 'ANY';

function srv(device: DeviceSpec, spec: MdnsSpec): Answer {
  return { name: instanceName(spec), type: 'SRV', ttl: HOST_TTL, data: { priority: 0, weight: 0, port: spec.port, target: hostName(device, spec) } };
}

function txt(spec: MdnsSpec): Answer {
  const entries = Object.entries(spec.txt).map(([key, value]) =>
    value === null ? key : typeof value === 'object' ? Buffer.concat([Buffer.from(`${key}=`), Buffer.from(value.base64, 'base64')]) : `${key}=${value}`,
  );
  // An empty TXT record still carries one empty string (RFC 6763 section 6.1).
  return { name: instanceName(spec), type: 'TXT', ttl: SERVICE_TTL, data: entries.length > 0 ? entries : [''] };
}

function address(device: DeviceSpec, name: string): Answer {
  return { name, type: 'A', ttl: HOST_TTL, data: device.address };
}

/** Answers for the questions this device can answer; empty when none concern it. */
export function answerMdnsQuestions(device: DeviceSpec, questions: Question[]): MdnsReply {
  const answers: Answer[] = [];
  const additionals: Answer[] = [];
  const hostNames = new Set([hostName(device).toLowerCase(), ...device.mdns.map((s) => hostName(device, s).toLowerCase())]);

  for (const question of questions) {
    if (same(question.name, SERVICES_META) && wants(question, 'PTR')) {
      for (const type of new Set(device.mdns.map(typeName))) {
        answers.push({ name: SERVICES_META, type: 'PTR', ttl: SERVICE_TTL, data: type });
      }
      continue;
    }
    for (const spec of device.mdns) {
      if (same(question.name, typeName(spec)) && wants(question, 'PTR')) {
        answers.push({ name: typeName(spec), type: 'PTR', ttl: SERVICE_TTL, data: instanceName(spec) });
        additionals.push(srv(device, spec), txt(spec), address(device, hostName(device, spec)));
      } else if (same(question.name, instanceName(spec))) {
        if (wants(question, 'SRV')) answers.push(srv(device, spec));
        if (wants(question, 'TXT')) answers.push(txt(spec));
        if (wants(question, 'SRV')) additionals.push(address(device, hostName(device, spec)));
      }
    }
    if (hostNames.has(question.name.toLowerCase()) && wants(question, 'A')) {
      answers.push(address(device, question.name));
    }
  }
  return { answers: dedupe(answers), additionals: dedupe(additionals).filter((a) => !answers.some((b) => sameRecord(a, b))) };
}

function sameRecord(a: Answer, b: Answer): boolean {
  return a.type === b.type && same(a.name, b.name) && JSON.stringify((a as { data?: unknown }).data) === JSON.stringify((b as { data?: unknown }).data);
}

function dedupe(records: Answer[]): Answer[] {
  return records.filter((record, index) => records.findIndex((other) => sameRecord(record, other)) === index);
}

export function withTtl(records: Answer[], ttl: number): Answer[] {
  return records.map((record) => ({ ...record, ttl: Math.min((record as { ttl?: number }).ttl ?? ttl, ttl) }));
}
