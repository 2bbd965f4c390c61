// Reads what an mDNS response says before it goes wrong: records one by one, stopping at the first that
// does not decode (a pointer loop, a label running past the end) or at the size RFC 6762 §17 allows, so a
// truncated or oversized answer still yields the records it carried in full.

import dnsPacket, { type Answer, type Question } from 'dns-packet';
import { MAX_MDNS_PACKET } from './constants.js';

interface Codec<T> {
  decode: ((buf: Buffer, offset: number) => T) & { bytes: number };
}
// dns-packet exports its per-record codecs, but its type declarations do not name them.
const wire = dnsPacket as unknown as { question: Codec<Question>; answer: Codec<Answer>; name: Codec<string> };

/** Where a record ends by its own RDLENGTH (name, type, class, TTL, RDLENGTH, data): a TXT cut short
 * decodes "fine" with fewer strings, so the length field is what tells. Throws past the end. */
function recordEnd(bytes: Buffer, start: number): number {
  wire.name.decode(bytes, start);
  const rdlengthAt = start + wire.name.decode.bytes + 8;
  return rdlengthAt + 2 + bytes.readUInt16BE(rdlengthAt);
}

const HEADER_BYTES = 12;
const RESPONSE_FLAG = 0x8000;

export interface TolerantResponse {
  records: Answer[];
  /** The packet ended early or held a record that does not decode. */
  damaged: boolean;
}

/** null when the bytes are not a DNS response at all (too short, or a query). */
export function decodeResponse(message: Buffer, maxRecords: number): TolerantResponse | null {
  if (message.length < HEADER_BYTES || !(message.readUInt16BE(2) & RESPONSE_FLAG)) return null;
  const bytes = message.subarray(0, MAX_MDNS_PACKET);
  const questions = bytes.readUInt16BE(4);
  const recordCount = bytes.readUInt16BE(6) + bytes.readUInt16BE(8) + bytes.readUInt16BE(10);
  const records: Answer[] = [];
  let offset = HEADER_BYTES;
  try {
    for (let i = 0; i < questions; i++) {
      wire.question.decode(bytes, offset);
      offset += wire.question.decode.bytes;
    }
    for (let i = 0; i < recordCount && records.length < maxRecords; i++) {
      const end = recordEnd(bytes, offset);
      if (end > bytes.length) throw new RangeError('record runs past the end');
      const record = wire.answer.decode(bytes, offset);
      offset += wire.answer.decode.bytes;
      records.push(record);
    }
  } catch {
    return { records, damaged: true };
  }
  return { records, damaged: message.length > bytes.length };
}
