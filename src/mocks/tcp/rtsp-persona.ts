// RTSP like an IP camera: OPTIONS open to all, DESCRIBE behind Basic or Digest, a small H.264 SDP.

import type { Socket } from 'node:net';
import type { PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { parseBasicAuthorization } from './auth-headers.js';
import { DigestAuthority } from './digest-authority.js';
import { openFrontDoor } from './front-door.js';
import { attemptLogin, serviceAccounts } from './login.js';
import { orderedSender } from './pacing.js';
import { RtspRequestReader, type RtspRequest } from './rtsp-request.js';

type RtspSpec = Extract<TcpServiceSpec, { type: 'rtsp' }>;

const PUBLIC_METHODS = 'OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER';
const KNOWN_METHODS = new Set(PUBLIC_METHODS.split(', '));

interface RtspAnswer {
  status: number;
  reason: string;
  headers?: Record<string, string>;
  body?: string;
}

function sessionDescription(address: string, name: string): string {
  return [
    'v=0',
    `o=- ${Date.now()} 1 IN IP4 ${address}`,
    `s=${name}`,
    'c=IN IP4 0.0.0.0',
    't=0 0',
    'a=control:*',
    'm=video 0 RTP/AVP 96',
    'a=rtpmap:96 H264/90000',
    'a=control:trackID=1',
    '',
  ].join('\r\n');
}

export function createRtspResponder(ctx: PersonaContext, spec: RtspSpec): (request: RtspRequest) => RtspAnswer {
  const accounts = serviceAccounts(ctx, spec.accounts);
  // Nothing made up from the model: an empty realm and an unnamed session where the fleet names none.
  const realm = spec.realm ?? '';
  const digest = new DigestAuthority(realm);

  /** undefined when the request may proceed, else the refusal to send. */
  function refuseUnlessLoggedIn(request: RtspRequest): RtspAnswer | undefined {
    if (spec.auth === 'none') return undefined;
    const header = request.headers.authorization;
    let outcome;
    if (spec.auth === 'basic') {
      const credentials = parseBasicAuthorization(header);
      if (!credentials) return { status: 401, reason: 'Unauthorized', headers: { 'WWW-Authenticate': `Basic realm="${realm}"` } };
      outcome = attemptLogin(ctx, accounts, credentials.username, credentials.password);
    } else {
      const verdict = digest.check(header, request.method, request.uri, accounts);
      if (verdict.kind === 'unusable') {
        return { status: 401, reason: 'Unauthorized', headers: { 'WWW-Authenticate': digest.challenge() } };
      }
      outcome = attemptLogin(ctx, accounts, verdict.username, verdict.password);
    }
    if (outcome === 'ok') return undefined;
    if (outcome === 'locked') return { status: 403, reason: 'Forbidden' };
    const challenge = spec.auth === 'basic' ? `Basic realm="${realm}"` : digest.challenge();
    return { status: 401, reason: 'Unauthorized', headers: { 'WWW-Authenticate': challenge } };
  }

  return (request) => {
    if (request.method === 'OPTIONS') return { status: 200, reason: 'OK', headers: { Public: PUBLIC_METHODS } };
    if (!KNOWN_METHODS.has(request.method)) return { status: 501, reason: 'Not Implemented' };
    const refusal = refuseUnlessLoggedIn(request);
    if (refusal) return refusal;
    switch (request.method) {
      case 'DESCRIBE':
        return {
          status: 200,
          reason: 'OK',
          headers: { 'Content-Type': 'application/sdp', 'Content-Base': `${request.uri.replace(/\/?$/, '/')}` },
          body: sessionDescription(ctx.device.address, spec.sessionName ?? ' '),
        };
      case 'SETUP':
        // No media is ever streamed.
        return { status: 461, reason: 'Unsupported Transport' };
      case 'TEARDOWN':
      case 'GET_PARAMETER':
      case 'SET_PARAMETER':
        return { status: 200, reason: 'OK' };
      default:
        return { status: 455, reason: 'Method Not Valid in This State' };
    }
  };
}

function formatAnswer(answer: RtspAnswer, cseq: string | undefined, server: string | undefined): string {
  const body = answer.body ?? '';
  const headers: Record<string, string> = {
    ...(cseq !== undefined ? { CSeq: cseq } : {}),
    ...(server ? { Server: server } : {}),
    Date: new Date().toUTCString(),
    ...answer.headers,
    ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `RTSP/1.0 ${answer.status} ${answer.reason}\r\n${head}\r\n${body}`;
}

function serveRtsp(ctx: PersonaContext, spec: RtspSpec, socket: Socket, signal: AbortSignal): void {
  const respond = createRtspResponder(ctx, spec);
  const reader = new RtspRequestReader();
  const send = orderedSender(socket, ctx.device.knobs, signal);
  socket.on('data', (chunk: Buffer) => {
    let requests: RtspRequest[];
    try {
      requests = reader.push(chunk);
    } catch {
      return void socket.destroy();
    }
    for (const request of requests) {
      const cseq = request.headers.cseq;
      const answer = request.version.startsWith('RTSP/') && cseq !== undefined ? respond(request) : { status: 400, reason: 'Bad Request' };
      send(formatAnswer(answer, cseq, spec.server));
    }
  });
  socket.on('end', () => socket.end());
}

export function startRtspPersona(ctx: PersonaContext, spec: RtspSpec): Promise<RunningPersona> {
  return openFrontDoor(ctx, {
    protocol: 'rtsp',
    port: spec.port,
    onConnection: (socket, signal) => serveRtsp(ctx, spec, socket, signal),
  });
}
