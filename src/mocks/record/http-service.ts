// A web service as it was seen: the answer to GET / turned into a fleet http service that sends the
// same status, headers and body, with a Basic or Digest refusal kept as a login the mock can check.

import type { TcpServiceSpec } from '../types.js';

export interface SeenHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type WebService = Extract<TcpServiceSpec, { type: 'http' | 'https' }>;

const LOGIN_SCHEMES = new Set(['basic', 'digest']);

function challengeOf(header: string): { scheme: string; realm?: string } {
  const scheme = /^\s*([A-Za-z][\w-]*)/.exec(header)?.[1]?.toLowerCase() ?? '';
  const realm = /realm\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /realm\s*=\s*([^\s,]+)/i.exec(header)?.[1];
  return realm === undefined ? { scheme } : { scheme, realm };
}

export function httpServiceOf(type: 'http' | 'https', port: number, seen: SeenHttpAnswer): WebService {
  const headers: Record<string, string> = {};
  let server: string | undefined;
  let challenge: { scheme: string; realm?: string } | undefined;
  for (const [name, value] of Object.entries(seen.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'server') server = value;
    else if (lower === 'www-authenticate' && seen.status === 401 && LOGIN_SCHEMES.has(challengeOf(value).scheme)) challenge = challengeOf(value);
    else headers[name] = value;
  }
  const service: WebService = {
    type,
    port,
    auth: challenge ? (challenge.scheme as 'basic' | 'digest') : 'none',
    answer: { status: seen.status, headers, body: seen.body },
  };
  if (server !== undefined) service.server = server;
  if (challenge?.realm !== undefined) service.realm = challenge.realm;
  return service;
}
