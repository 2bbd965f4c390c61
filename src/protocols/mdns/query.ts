// A one-question DNS query as a legacy unicast asker sends it (RFC 6762 §6.7).

import dnsPacket, { type Question } from 'dns-packet';

export function buildQuery(question: Question): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id: Math.floor(Math.random() * 0xfffe) + 1,
    flags: 0,
    questions: [{ ...question, class: 'IN' }],
  });
}
