import { describe, expect, it } from 'vitest';
import { parseBasicAuthorization, parseDigestAuthorization } from '../../../src/mocks/tcp/auth-headers.js';

describe('parseBasicAuthorization', () => {
  it('splits at the first colon, so passwords may hold colons', () => {
    const header = `Basic ${Buffer.from('admin:pa:ss').toString('base64')}`;
    expect(parseBasicAuthorization(header)).toEqual({ username: 'admin', password: 'pa:ss' });
  });

  it('rejects other schemes and values without a colon', () => {
    expect(parseBasicAuthorization('Bearer abc')).toBeUndefined();
    expect(parseBasicAuthorization(`Basic ${Buffer.from('admin').toString('base64')}`)).toBeUndefined();
    expect(parseBasicAuthorization(undefined)).toBeUndefined();
  });
});

describe('parseDigestAuthorization', () => {
  it('reads quoted and bare values, with escapes and commas inside quotes', () => {
    const fields = parseDigestAuthorization(
      'Digest username="ad\\"min", realm="Cam, Hall", nonce="abc", uri="/a?b=1,2", qop=auth, nc=00000001, cnonce="x", response="f00"',
    );
    expect(fields).toMatchObject({ username: 'ad"min', realm: 'Cam, Hall', uri: '/a?b=1,2', qop: 'auth', nc: '00000001' });
  });

  it('lower-cases keys and refuses garbage', () => {
    expect(parseDigestAuthorization('Digest USERNAME="a"')).toEqual({ username: 'a' });
    expect(parseDigestAuthorization('Digest username="a", !!!')).toBeUndefined();
    expect(parseDigestAuthorization('Basic abc')).toBeUndefined();
  });
});
