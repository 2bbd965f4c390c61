import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildProbe, MAX_ELEMENTS, MAX_MATCHES, MAX_MESSAGE_BYTES, MAX_TYPES, onvifScope, parseProbe, parseProbeMatches, WsdMessageError,
} from '../../../src/protocols/wsd/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/wsd/${name}`, import.meta.url));

function envelope(body: string, header = '<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action>'): Buffer {
  return Buffer.from(
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ' +
      `xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`,
  );
}

const match = (inner: string) => `<d:ProbeMatch><a:EndpointReference><a:Address>urn:uuid:1</a:Address></a:EndpointReference>${inner}</d:ProbeMatch>`;

describe('WS-Discovery Probe', () => {
  it('has a fresh urn:uuid MessageID each time and declares the prefix of each type', () => {
    const first = buildProbe({ types: ['dn:NetworkVideoTransmitter'] });
    const second = buildProbe();
    expect(first.messageId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(second.messageId).not.toBe(first.messageId);
    const xml = first.datagram.toString();
    expect(xml).toContain('xmlns:dn="http://www.onvif.org/ver10/network/wsdl"');
    expect(xml).toContain('<wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>');
    expect(parseProbe(first.datagram)).toEqual({ messageId: first.messageId, types: ['dn:NetworkVideoTransmitter'] });
    expect(parseProbe(second.datagram)).toEqual({ messageId: second.messageId, types: [] });
  });

  it('refuses a type whose prefix it cannot declare, and a datagram that is no Probe', () => {
    expect(() => buildProbe({ types: ['xx:Thing'] })).toThrow(/probe type "xx:Thing"/);
    expect(() => buildProbe({ types: ['NoPrefix'] })).toThrow(WsdMessageError);
    expect(() => parseProbe(fixture('agsh-onvif-predator-probe-match.xml'))).toThrow(/not a Probe/);
  });
});

describe('WS-Discovery ProbeMatches', () => {
  it('reads an ONVIF camera\'s recorded ProbeMatch (agsh/onvif, MIT)', () => {
    const reply = parseProbeMatches(fixture('agsh-onvif-predator-probe-match.xml'));
    expect(reply.relatesTo).toBe('urn:uuid:01234567-dead-beef-baad-abcdeffedcba');
    expect(reply.skipped).toEqual([]);
    expect(reply.matches).toEqual([{
      endpoint: 'uuid:c9790c3a-701b-464d-a189-0060351c8ada',
      types: ['dn:NetworkVideoTransmitter', 'tds:Device'],
      scopes: [
        'onvif://www.onvif.org/Profile/Streaming', 'onvif://www.onvif.org/type/video_encoder', 'onvif://www.onvif.org/type/audio_encoder',
        'onvif://www.onvif.org/type/ptz', 'onvif://www.onvif.org/hardware/HD_PREDATOR', 'onvif://www.onvif.org/name/PREDATOR',
        'onvif://www.onvif.org/location/',
      ],
      // The placeholder the project's mock server replaces is no URI: dropped.
      xaddrs: [],
      metadataVersion: 1,
    }]);
  });

  it('reads what Samba\'s wsdd answered (recorded from wsdd 0.7.0)', () => {
    const reply = parseProbeMatches(fixture('wsdd-0.7.0-datavault-probe-match.xml'));
    expect(reply.relatesTo).toBe('urn:uuid:4ca6230f-bfd6-44fa-8765-662023183b79');
    expect(reply.matches).toEqual([{ endpoint: 'urn:uuid:2f0d8c3e-6a1b-4c55-9d3e-5b7f0a1c2d3e', types: ['wsdp:Device', 'pub:Computer'], scopes: [], xaddrs: [], metadataVersion: 1 }]);
  });

  it('reads the 2009/01 namespace, several XAddrs, and an empty ProbeMatches', () => {
    const xml = Buffer.from(envelope(`<d:ProbeMatches>${match('<d:Types>wsdp:Device pub:Computer</d:Types><d:XAddrs>http://10.0.0.5:5357/a http://[fe80::1]:5357/a</d:XAddrs>')}</d:ProbeMatches>`)
      .toString().replace('http://schemas.xmlsoap.org/ws/2005/04/discovery"', 'http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01"')
      .replace('2005/04/discovery/ProbeMatches', '2009/01/ProbeMatches'));
    expect(parseProbeMatches(xml).matches).toEqual([{ endpoint: 'urn:uuid:1', types: ['wsdp:Device', 'pub:Computer'], scopes: [], xaddrs: ['http://10.0.0.5:5357/a', 'http://[fe80::1]:5357/a'] }]);
    expect(parseProbeMatches(envelope('<d:ProbeMatches/>')).matches).toEqual([]);
  });

  it.each([
    ['a DTD (entity bomb)', Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><s:Envelope><s:Body>&b;</s:Body></s:Envelope>'), /DTD or entities/],
    ['an oversized datagram', envelope(match(`<d:Scopes>${'x:y '.repeat(MAX_MESSAGE_BYTES / 4)}</d:Scopes>`)), /larger than/],
    ['bytes that are not UTF-8', Buffer.from([0x3c, 0x73, 0xff, 0xfe, 0x3e]), /not UTF-8/],
    ['broken XML', Buffer.from('<s:Envelope><s:Body><d:ProbeMatches></s:Body>'), /not well-formed XML/],
    ['no envelope', Buffer.from('<html><body>hi</body></html>'), /not a SOAP envelope/],
    ['our own Probe looped back', buildProbe().datagram, /a Probe, not ProbeMatches/],
    ['a Hello', envelope('<d:Hello/>'), /not ProbeMatches \(body holds Hello\)/],
    ['ProbeMatches under another action', envelope('<d:ProbeMatches/>', '<a:Action>urn:x:Bye</a:Action>'), /another action/],
    ['thousands of elements', envelope(`<d:ProbeMatches>${'<x/>'.repeat(MAX_ELEMENTS)}</d:ProbeMatches>`), /elements, more than/],
  ])('refuses %s with the reason', (_what, datagram, reason) => {
    expect(() => parseProbeMatches(datagram)).toThrow(reason);
    expect(() => parseProbeMatches(datagram)).toThrow(WsdMessageError);
  });

  it('bounds what a hostile reply holds and strips escape sequences', () => {
    const many = Array.from({ length: MAX_MATCHES + 4 }, (_, i) => match('').replace('urn:uuid:1', `urn:uuid:${i}`)).join('');
    const capped = parseProbeMatches(envelope(`<d:ProbeMatches>${many}<d:ProbeMatch><d:Types>x:Y</d:Types></d:ProbeMatch></d:ProbeMatches>`));
    expect(capped.matches).toHaveLength(MAX_MATCHES);
    expect(capped.skipped).toEqual([`5 ProbeMatch elements past the cap of ${MAX_MATCHES}`]);

    const types = Array.from({ length: 100 }, (_, i) => `v:T${i}`).join(' ');
    const odd = parseProbeMatches(envelope(`<d:ProbeMatches>${match(`<d:Types>${types}</d:Types><d:Scopes>onvif://www.onvif.org/name/\u001b[31mRed\u001b[0m not-a-uri</d:Scopes><d:MetadataVersion>-1</d:MetadataVersion>`)}<d:ProbeMatch/></d:ProbeMatches>`));
    expect(odd.matches[0]!.types).toHaveLength(MAX_TYPES);
    expect(odd.matches[0]!.scopes).toEqual(['onvif://www.onvif.org/name/Red']);
    expect(odd.matches[0]!.metadataVersion).toBeUndefined();
    expect(odd.skipped).toEqual(['a ProbeMatch without an EndpointReference Address']);
  });
});

describe('ONVIF scopes', () => {
  it('decodes the value, reads underscores in names as spaces, and keeps a model number as sent', () => {
    expect(onvifScope('onvif://www.onvif.org/name/Front_door%20cam')).toEqual({ category: 'name', value: 'Front door cam' });
    expect(onvifScope('onvif://www.onvif.org/hardware/HD_PREDATOR')).toEqual({ category: 'hardware', value: 'HD_PREDATOR' });
    expect(onvifScope('onvif://www.onvif.org/Profile/Streaming')).toEqual({ category: 'profile', value: 'Streaming' });
    expect(onvifScope('onvif://www.onvif.org/name/100%')).toEqual({ category: 'name', value: '100%' });
    expect(onvifScope('onvif://www.onvif.org/location/')).toBeNull();
    expect(onvifScope('http://example.org/name/x')).toBeNull();
  });
});
