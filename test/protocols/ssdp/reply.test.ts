import { describe, expect, it } from 'vitest';
import { buildMSearch, parseMSearch } from '../../../src/protocols/ssdp/msearch.js';
import { MAX_SSDP_REPLY, parseSsdpReply } from '../../../src/protocols/ssdp/reply.js';

describe('SSDP replies', () => {
  it('parses SSDP replies case-insensitively and refuses other messages', () => {
    const reply = parseSsdpReply('10.0.0.2', Buffer.from('HTTP/1.1 200 OK\r\nlocation: http://10.0.0.2/d.xml\r\nSt: upnp:rootdevice\r\nServer: Linux/3.4 UPnP/1.0 MiniUPnPd/2.1\r\n\r\n'));
    expect(reply).toEqual({ ip: '10.0.0.2', st: 'upnp:rootdevice', server: 'Linux/3.4 UPnP/1.0 MiniUPnPd/2.1', location: 'http://10.0.0.2/d.xml' });
    expect(parseSsdpReply('10.0.0.2', Buffer.from('M-SEARCH * HTTP/1.1\r\n\r\n'))).toBeNull();
  });


  it('reads a NOTIFY, takes NT for ST, and refuses an oversized reply', () => {
    const notify = Buffer.from('NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\nUSN: uuid:1::upnp:rootdevice\r\nLOCATION: http://10.0.0.3/d.xml\r\n\r\n');
    expect(parseSsdpReply('10.0.0.3', notify)).toEqual({ ip: '10.0.0.3', st: 'upnp:rootdevice', usn: 'uuid:1::upnp:rootdevice', location: 'http://10.0.0.3/d.xml' });
    const huge = Buffer.from(`HTTP/1.1 200 OK\r\nST: x\r\nX-PAD: ${'a'.repeat(MAX_SSDP_REPLY)}\r\n\r\n`);
    expect(parseSsdpReply('10.0.0.3', huge)).toBeNull();
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
