// What a device says on the wire, read directly (no discovery code in between), so a recording's replay
// can be compared with the device it recorded byte for byte: its SSDP search replies and its TXT records.

import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';
import { buildMSearch } from '../../src/protocols/ssdp/msearch.js';
import { buildQuery } from '../../src/protocols/mdns/query.js';

async function exchange(ip: string, port: number, message: Buffer, listenMs: number, enough?: (got: Buffer[]) => boolean): Promise<Buffer[]> {
  const socket = dgram.createSocket('udp4');
  const got: Buffer[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, listenMs);
      socket.on('message', (data, rinfo) => {
        if (rinfo.address !== ip) return;
        got.push(data);
        if (enough?.(got)) {
          clearTimeout(timer);
          resolve();
        }
      });
      socket.send(message, port, ip);
    });
  } finally {
    socket.close();
  }
  return got;
}

/** Every reply to a unicast `M-SEARCH ssdp:all`, as text, in arrival order. */
export async function searchReplies(ip: string, listenMs = 1500): Promise<string[]> {
  const replies = await exchange(ip, 1900, buildMSearch(ip, 1900), listenMs);
  return replies.map((reply) => reply.toString('utf8'));
}

/** The TXT strings of one service instance (`Instance._type._tcp.local`), each as its bytes (latin1: one char a byte). */
export async function txtStrings(ip: string, instanceName: string, listenMs = 3000): Promise<string[] | undefined> {
  const [answer] = await exchange(ip, 5353, buildQuery({ type: 'TXT', name: instanceName }), listenMs, (got) => got.length > 0);
  if (!answer) return undefined;
  const record = dnsPacket.decode(answer).answers?.find((r) => r.type === 'TXT' && r.name.toLowerCase() === instanceName.toLowerCase());
  if (!record) return undefined;
  const data = (record as { data: Array<Buffer | string> | Buffer | string }).data;
  return (Array.isArray(data) ? data : [data]).map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part)).toString('latin1'));
}

/** A reply with its DATE value masked: a recording keeps the date the device sent then; the device sends today's. */
export const withoutDate = (reply: string): string => reply.replace(/^(DATE:)[^\r\n]*/im, '$1 <date>');

/**
 * A replayed text may differ from the recorded device's only where the recording put a stand-in:
 * SERIALnnnn, a UUID 00000000-0000-4000-8000-…, PersonN, HouseholdN, a MAC address whose second half became 0000nn
 * (with or without separators, or inside a Hue-style EUI-64), and the device's own address. A pattern
 * of the replayed text with those as wildcards must match the original.
 */
export function sameBut(replayed: string, original: string, addresses: { replayed: string; original: string }): boolean {
  const STAND_IN = /SERIAL\d{4}|00000000-0000-4000-8000-[0-9a-f]{12}|Person\d+|Household\d+|[0-9a-f]{2}([:-]?)[0-9a-f]{2}\1[0-9a-f]{2}\1(?:fffe)?00\1(?:00)\1[0-9a-f]{2}/gi;
  const text = replayed.replaceAll(addresses.replayed, '\u0000ADDRESS\u0000');
  const pieces = text.split(STAND_IN);
  // split() with a capture group puts the separator in between: keep the text pieces only.
  const literal = pieces.filter((_, i) => i % 2 === 0);
  const pattern = literal
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('\u0000ADDRESS\u0000', addresses.original.replace(/\./g, '\\.')))
    .join('[^\\s;,"<>]+?');
  return new RegExp(`^${pattern}$`, 's').test(original);
}
