import dnsPacket, { type Answer } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { buildQuery } from '../../../src/protocols/mdns/query.js';
import { SERVICES_META, parseTxt, parseTxtSent, ptrTargets, resolveServices } from '../../../src/protocols/mdns/records.js';
import { decodeResponse } from '../../../src/protocols/mdns/tolerant-decode.js';

const records: Answer[] = [
  { type: 'PTR', name: SERVICES_META, data: '_ipp._tcp.local' },
  { type: 'PTR', name: '_ipp._tcp.local', data: 'Printer\\032Hall._ipp._tcp.local' },
  { type: 'SRV', name: 'Printer\\032Hall._ipp._tcp.local', data: { port: 631, target: 'printer.local' } },
  { type: 'TXT', name: 'Printer\\032Hall._ipp._tcp.local', data: ['ty=Laser', 'ty=second', 'flag'] },
];

const response = (answers: Answer[]) => dnsPacket.encode({ type: 'response', flags: dnsPacket.AUTHORITATIVE_ANSWER, answers });

describe('mDNS records', () => {
  it('resolves instances, keeps a type without instances, and reads TXT first-key-wins', () => {
    const types = ptrTargets(records, SERVICES_META);
    expect(types).toEqual(['_ipp._tcp.local']);
    const services = resolveServices(records, [{ instance: 'Printer\\032Hall._ipp._tcp.local', type: '_ipp._tcp.local' }], [...types, '_http._tcp.local']);
    expect(services).toEqual([
      {
        instance: 'Printer Hall', type: '_ipp._tcp', port: 631, txt: { ty: 'Laser', flag: '' }, host: 'printer.local',
        txtSent: [{ key: 'ty', value: 'Laser' }, { key: 'ty', value: 'second' }, { key: 'flag' }],
      },
      { instance: '', type: '_http._tcp', port: 0, txt: {} },
    ]);
    expect(parseTxt([Buffer.from('Key=\u001b[31mv')])).toEqual({ key: 'v' });
  });

  it('keeps the TXT strings as sent for a recording: case, order, keys alone, empty and binary values', () => {
    const sent = parseTxtSent([
      Buffer.from('MD=Google Nest Mini'), Buffer.from('rpVr='), Buffer.from('Flag'), Buffer.from('fn=Küche'),
      Buffer.from('a=b=c'), Buffer.concat([Buffer.from('bin='), Buffer.from([0x00, 0xff, 0x1b, 0x41])]),
      Buffer.from('esc=\u001b[31m'), Buffer.from('=no key'), Buffer.from(''), Buffer.from('k\u00e9y=v'),
    ]);
    expect(sent).toEqual([
      { key: 'MD', value: 'Google Nest Mini' }, { key: 'rpVr', value: '' }, { key: 'Flag' }, { key: 'fn', value: 'Küche' },
      { key: 'a', value: 'b=c' }, { key: 'bin', base64: Buffer.from([0x00, 0xff, 0x1b, 0x41]).toString('base64') },
      { key: 'esc', base64: Buffer.from('\u001b[31m').toString('base64') },
    ]);
    // Bounded as the decoded TXT is: 48 strings.
    expect(parseTxtSent(Array.from({ length: 500 }, (_, i) => Buffer.from(`k${i}=v`)))).toHaveLength(48);
  });

  it('builds a one-question query that decodes back', () => {
    const query = dnsPacket.decode(buildQuery({ type: 'PTR', name: SERVICES_META }));
    expect(query.type).toBe('query');
    expect(query.questions).toEqual([{ type: 'PTR', name: SERVICES_META, class: 'IN' }]);
  });
});

describe('tolerant mDNS decoding', () => {
  it('keeps the whole records of a cut response and refuses queries', () => {
    const whole = response(records);
    expect(decodeResponse(whole, 100)).toEqual({ records: expect.any(Array), damaged: false });
    expect(decodeResponse(whole, 100)!.records).toHaveLength(4);
    // Cut inside the SRV record: the two PTRs before it survive whole.
    const cut = decodeResponse(whole.subarray(0, response(records.slice(0, 3)).length - 2), 100)!;
    expect(cut.damaged).toBe(true);
    expect(cut.records.map((record) => record.type)).toEqual(['PTR', 'PTR']);
    expect(decodeResponse(buildQuery({ type: 'A', name: 'x.local' }), 100)).toBeNull();
    expect(decodeResponse(whole, 2)!.records).toHaveLength(2);
  });

  it('calls a response cut inside a TXT record damaged and keeps no shortened TXT', () => {
    const whole = response(records);
    // Every cut that ends inside the TXT's strings (its last string "flag" is 5 bytes, the record 24).
    for (const bytesCut of [5, 8, 14, 20]) {
      const cut = decodeResponse(whole.subarray(0, whole.length - bytesCut), 100)!;
      expect(cut.damaged, `cut ${bytesCut}`).toBe(true);
      expect(cut.records.map((record) => record.type)).toEqual(['PTR', 'PTR', 'SRV']);
    }
  });
});
