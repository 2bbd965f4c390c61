import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseDigestChallenge } from '../../../src/protocols/http/digest.js';

describe('Digest', () => {
  it('answers the RFC 2617 section 3.5 example challenge with the published response', () => {
    const challenge = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    expect(challenge).toBeDefined();
    const header = digestAuthorization(challenge!, {
      method: 'GET',
      uri: '/dir/index.html',
      username: 'Mufasa',
      password: 'Circle Of Life',
      nc: 1,
      cnonce: '0a4f113b',
    });
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it('stops at the next scheme when a header offers Digest and Basic', () => {
    const challenge = parseDigestChallenge('Digest realm="cam", nonce="abc", qop="auth", Basic realm="other"');
    expect(challenge?.realm).toBe('cam');
    expect(challenge?.nonce).toBe('abc');
  });
});
