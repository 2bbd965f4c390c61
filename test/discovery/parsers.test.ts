import { describe, expect, it } from 'vitest';
import { parseArpTable, planDescriptionFetch, sanitizeText } from '../../src/discovery/index.js';
import { stripTelnetNegotiation as stripTelnet } from '../../src/protocols/telnet/negotiation.js';
import { parseAuthenticate } from '../../src/discovery/tcp/http-probe.js';

describe('planDescriptionFetch', () => {
  it('fetches from the responder only', () => {
    expect(planDescriptionFetch('http://192.168.1.1:49000/desc.xml?x=1', '192.168.1.1')).toEqual({ url: 'http://192.168.1.1:49000/desc.xml?x=1' });
    expect(planDescriptionFetch('http://fritz.box:49000/desc.xml', '192.168.1.1')).toEqual({ url: 'http://192.168.1.1:49000/desc.xml' });
    expect(planDescriptionFetch('http://10.0.0.5/desc.xml', '192.168.1.1')).toHaveProperty('refused');
    expect(planDescriptionFetch('file:///etc/passwd', '192.168.1.1')).toHaveProperty('refused');
  });
});

describe('small parsers', () => {
  it('reads complete neighbour entries only', () => {
    const table = 'IP address       HW type     Flags       HW address            Mask     Device\n192.168.1.1      0x1         0x2         AC:84:C6:01:02:03     *        eth0\n192.168.1.9      0x1         0x0         00:00:00:00:00:00     *        eth0\n';
    expect(parseArpTable(table)).toEqual([{ ip: '192.168.1.1', mac: 'ac:84:c6:01:02:03' }]);
  });

  it('strips telnet commands and refuses every option', () => {
    const { text, replies } = stripTelnet(Buffer.from([255, 253, 24, 255, 251, 1, 255, 250, 31, 0, 80, 255, 240, 104, 105, 255, 255]));
    expect(text.toString('latin1')).toBe('hi\u00ff');
    expect([...replies]).toEqual([255, 252, 24, 255, 254, 1]);
  });

  it('sanitises escapes, controls and bidi overrides, and bounds length', () => {
    expect(sanitizeText('\u001b[31mred\u001b[0m \u202eevil\u0000')).toBe('red evil');
    expect(sanitizeText('x'.repeat(300), 10)).toHaveLength(10);
  });

  it('reads the scheme and realm of a login challenge', () => {
    expect(parseAuthenticate('Digest realm="IP Camera", nonce="abc", qop="auth"')).toEqual({ authScheme: 'digest', realm: 'IP Camera' });
    expect(parseAuthenticate(undefined)).toEqual({});
  });
});
