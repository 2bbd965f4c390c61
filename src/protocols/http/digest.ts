// HTTP/RTSP Digest access authentication (RFC 7616, RFC 2617) computed by hand: parse the challenge,
// answer it with MD5 (or SHA-256), qop=auth, a fresh cnonce and a counting nc.

import { createHash, randomBytes } from 'node:crypto';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: string;
  /** The qop values offered; we answer 'auth' when it is among them. */
  qop: string[];
}

/** The parameters of one scheme in a WWW-Authenticate header, keys lower-cased. */
export function parseAuthParams(header: string, scheme: string): Record<string, string> | undefined {
  const start = header.toLowerCase().indexOf(scheme.toLowerCase());
  if (start < 0) return undefined;
  const params: Record<string, string> = {};
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  pattern.lastIndex = start + scheme.length;
  for (let match = pattern.exec(header); match; match = pattern.exec(header)) {
    const key = match[1]!.toLowerCase();
    // A next scheme begins ("Basic realm=..." after the Digest params): stop there.
    const before = header.slice(start + scheme.length, match.index);
    if (/,\s*[A-Za-z]+\s+$/.test(before) && Object.keys(params).length > 0) break;
    params[key] ??= match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!;
  }
  return params;
}

export function parseDigestChallenge(header: string): DigestChallenge | undefined {
  if (!/digest\s/i.test(header)) return undefined;
  const params = parseAuthParams(header, 'digest');
  if (!params?.nonce) return undefined;
  return {
    realm: params.realm ?? '',
    nonce: params.nonce,
    opaque: params.opaque,
    algorithm: params.algorithm ?? 'MD5',
    qop: (params.qop ?? '').split(',').map((v) => v.trim()).filter(Boolean),
  };
}

function hashFor(algorithm: string): (text: string) => string {
  const name = /sha-256/i.test(algorithm) ? 'sha256' : 'md5';
  return (text) => createHash(name).update(text, 'utf8').digest('hex');
}

export interface DigestRequest {
  method: string;
  uri: string;
  username: string;
  password: string;
  /** Nonce count: 1 for the first use of a nonce. */
  nc: number;
  /** Injected in tests to compare with known answers. */
  cnonce?: string;
}

/** The Authorization header value for a challenge. */
export function digestAuthorization(challenge: DigestChallenge, request: DigestRequest): string {
  const hash = hashFor(challenge.algorithm);
  const cnonce = request.cnonce ?? randomBytes(8).toString('hex');
  const nc = request.nc.toString(16).padStart(8, '0');
  let ha1 = hash(`${request.username}:${challenge.realm}:${request.password}`);
  if (/-sess$/i.test(challenge.algorithm)) ha1 = hash(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = hash(`${request.method}:${request.uri}`);
  const useQop = challenge.qop.includes('auth');
  const response = useQop
    ? hash(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`)
    : hash(`${ha1}:${challenge.nonce}:${ha2}`);
  const quote = (value: string): string => `"${value.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [
    `username=${quote(request.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(request.uri)}`,
    `algorithm=${challenge.algorithm}`,
    `response=${quote(response)}`,
  ];
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (useQop) parts.push('qop=auth', `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  return `Digest ${parts.join(', ')}`;
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
