import { describe, expect, it } from 'vitest';
import { buildMSearch, parseMSearch } from '../../../src/protocols/ssdp/msearch.js';
import { MAX_RAW_HEADER_BYTES, MAX_RAW_HEADERS, MAX_SSDP_REPLY, parseSsdpReply } from '../../../src/protocols/ssdp/reply.js';

describe('SSDP replies', () => {
  it('parses SSDP replies case-insensitively and refuses other messages', () => {
    const reply = parseSsdpReply('10.0.0.2', Buffer.from('HTTP/1.1 200 OK\r\nlocation: http://10.0.0.2/d.xml\r\nSt: upnp:rootdevice\r\nServer: Linux/3.4 UPnP/1.0 MiniUPnPd/2.1\r\n\r\n'));
    expect(reply).toEqual({
      ip: '10.0.0.2', st: 'upnp:rootdevice', server: 'Linux/3.4 UPnP/1.0 MiniUPnPd/2.1', location: 'http://10.0.0.2/d.xml',
      headers: [{ name: 'location', value: 'http://10.0.0.2/d.xml' }, { name: 'St', value: 'upnp:rootdevice' }, { name: 'Server', value: 'Linux/3.4 UPnP/1.0 MiniUPnPd/2.1' }],
    });
    expect(parseSsdpReply('10.0.0.2', Buffer.from('M-SEARCH * HTTP/1.1\r\n\r\n'))).toBeNull();
  });


  it('reads a NOTIFY, takes NT for ST, and refuses an oversized reply', () => {
    const notify = Buffer.from('NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\nUSN: uuid:1::upnp:rootdevice\r\nLOCATION: http://10.0.0.3/d.xml\r\n\r\n');
    expect(parseSsdpReply('10.0.0.3', notify)).toMatchObject({ ip: '10.0.0.3', st: 'upnp:rootdevice', usn: 'uuid:1::upnp:rootdevice', location: 'http://10.0.0.3/d.xml' });
    const huge = Buffer.from(`HTTP/1.1 200 OK\r\nST: x\r\nX-PAD: ${'a'.repeat(MAX_SSDP_REPLY)}\r\n\r\n`);
    expect(parseSsdpReply('10.0.0.3', huge)).toBeNull();
  });
});

describe('SSDP header blocks as sent', () => {
  it('keeps names in their spelling, order, empty values and vendor headers', () => {
    const reply = parseSsdpReply('10.0.0.4', Buffer.from(
      'HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\nLOCATION: http://10.0.0.4:1400/xml/device_description.xml\r\n' +
        'SERVER: Linux UPnP/1.0 Sonos/70.3-35220 (ZPS9)\r\nST: upnp:rootdevice\r\nUSN: uuid:RINCON_000E58A0B1C201400::upnp:rootdevice\r\n' +
        'X-RINCON-HOUSEHOLD: Sonos_abc\r\nBOOTID.UPNP.ORG: 42\r\nX-User-Agent: redsonic\r\nOPT: "http://schemas.upnp.org/upnp/1/0/"; ns=01\r\n01-NLS: 7d1c\r\n\r\n',
    ))!;
    expect(reply.headers).toEqual([
      { name: 'CACHE-CONTROL', value: 'max-age=1800' }, { name: 'EXT', value: '' },
      { name: 'LOCATION', value: 'http://10.0.0.4:1400/xml/device_description.xml' }, { name: 'SERVER', value: 'Linux UPnP/1.0 Sonos/70.3-35220 (ZPS9)' },
      { name: 'ST', value: 'upnp:rootdevice' }, { name: 'USN', value: 'uuid:RINCON_000E58A0B1C201400::upnp:rootdevice' },
      { name: 'X-RINCON-HOUSEHOLD', value: 'Sonos_abc' }, { name: 'BOOTID.UPNP.ORG', value: '42' }, { name: 'X-User-Agent', value: 'redsonic' },
      { name: 'OPT', value: '"http://schemas.upnp.org/upnp/1/0/"; ns=01' }, { name: '01-NLS', value: '7d1c' },
    ]);
    // UTF-8 stays UTF-8 (the mock sends UTF-8 back); a block of LF-only lines is read too.
    expect(parseSsdpReply('10.0.0.4', Buffer.from('HTTP/1.1 200 OK\nSERVER: Büro\nST: x\n\n'))!.headers).toEqual([{ name: 'SERVER', value: 'Büro' }, { name: 'ST', value: 'x' }]);
  });

  it('keeps no block past its bounds or with what no header holds; the decoded fields stay', () => {
    const many = `HTTP/1.1 200 OK\r\nST: x\r\n${Array.from({ length: MAX_RAW_HEADERS }, (_, i) => `X-${i}: v`).join('\r\n')}\r\n\r\n`;
    expect(parseSsdpReply('10.0.0.5', Buffer.from(many))).toEqual({ ip: '10.0.0.5', st: 'x' });
    const long = `HTTP/1.1 200 OK\r\nST: x\r\nX-PAD: ${'a'.repeat(MAX_RAW_HEADER_BYTES)}\r\n\r\n`;
    expect(parseSsdpReply('10.0.0.5', Buffer.from(long))).toEqual({ ip: '10.0.0.5', st: 'x' });
    expect(parseSsdpReply('10.0.0.5', Buffer.from('HTTP/1.1 200 OK\r\nST: x\r\nSERVER: a\u001b[2Jb\r\n\r\n'))).toEqual({ ip: '10.0.0.5', st: 'x', server: 'ab' });
    expect(parseSsdpReply('10.0.0.5', Buffer.from('HTTP/1.1 200 OK\r\nST: x\r\nnot a header\r\n\r\n'))!.headers).toBeUndefined();
    expect(parseSsdpReply('10.0.0.5', Buffer.from('HTTP/1.1 200 OK\r\nST: x\r\n-X: y\r\n\r\n'))!.headers).toBeUndefined();
  });
});

describe('M-SEARCH', () => {
  it('reads back what the scanner writes', () => {
    expect(parseMSearch(buildMSearch('10.0.0.2', 1900))).toEqual({ st: 'ssdp:all', man: '"ssdp:discover"', mx: 1 });
    expect(parseMSearch(buildMSearch('10.0.0.2', 1900, 'upnp:rootdevice', 3))).toMatchObject({ st: 'upnp:rootdevice', mx: 3 });
  });

  it('refuses a search without ST or the discover MAN, and leaves MX out when absent', () => {
    expect(parseMSearch(Buffer.from('M-SEARCH * HTTP/1.1\r\nMAN: "ssdp:discover"\r\n\r\n'))).toBeNull();
    expect(parseMSearch(Buffer.from('M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\nMAN: "ssdp:alive"\r\n\r\n'))).toBeNull();
    expect(parseMSearch(Buffer.from('HTTP/1.1 200 OK\r\nST: ssdp:all\r\n\r\n'))).toBeNull();
    expect(parseMSearch(Buffer.from('m-search * http/1.1\r\nst: ssdp:all\r\nman: ssdp:discover\r\n\r\n'))).toEqual({ st: 'ssdp:all', man: 'ssdp:discover' });
  });
});
