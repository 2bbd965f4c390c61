// HTTP Digest (RFC 7616, MD5, qop=auth) for the web and RTSP personas: issues challenges, checks answers.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Account } from '../types.js';
import { parseDigestAuthorization } from './auth-headers.js';
import { BoundedTokens } from './bounded-tokens.js';

export type DigestVerdict =
  /** The header is absent, malformed, or answers a challenge we never made. */
  | { kind: 'unusable' }
  /** Well-formed: `password` is the account password the response proves, if any. */
  | { kind: 'checked'; username: string; password: string | undefined };

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export class DigestAuthority {
  /** nonce → highest nonce-count seen, so a replayed response is refused. */
  private readonly nonces = new BoundedTokens<number>();
  private readonly opaque = md5(`${Math.random()}-${Date.now()}`);

  constructor(private readonly realm: string) {}

  /** The WWW-Authenticate value of a 401, with a fresh nonce. */
  challenge(): string {
    const nonce = this.nonces.issue(0);
    return `Digest realm="${this.realm}", qop="auth", nonce="${nonce}", opaque="${this.opaque}", algorithm=MD5`;
  }

  check(header: string | undefined, method: string, requestUri: string, accounts: Account[]): DigestVerdict {
    const fields = parseDigestAuthorization(header);
    if (!fields) return { kind: 'unusable' };
    const { username, realm, nonce, uri, response, opaque, qop, nc, cnonce } = fields;
    const algorithm = fields.algorithm ?? 'MD5';
    if (!username || !nonce || !uri || !response || !nc || !cnonce) return { kind: 'unusable' };
    if (realm !== this.realm || opaque !== this.opaque || qop !== 'auth' || algorithm.toUpperCase() !== 'MD5') {
      return { kind: 'unusable' };
    }
    if (uri !== requestUri) return { kind: 'unusable' };
    const lastCount = this.nonces.get(nonce);
    const count = Number.parseInt(nc, 16);
    if (lastCount === undefined || !Number.isFinite(count) || count <= lastCount) return { kind: 'unusable' };
    this.nonces.set(nonce, count);

    const ha2 = md5(`${method}:${uri}`);
    const expected = (password: string) =>
      md5(`${md5(`${username}:${this.realm}:${password}`)}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
    const proven = accounts.find((account) => account.username === username && sameText(expected(account.password), response.toLowerCase()));
    return { kind: 'checked', username, password: proven?.password };
  }
}
