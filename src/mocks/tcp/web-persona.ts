// The http/https persona: node:http(s) behind the shared front door, answers paced by the knobs.

import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { DeviceSpec, PersonaContext, RunningPersona } from '../types.js';
import { openFrontDoor } from './front-door.js';
import { statusPage } from './http-pages.js';
import { wait } from '../../util/wait.js';
import { splitForSlowDevice } from './pacing.js';
import { createSelfSignedCertificate } from './self-signed-cert.js';
import { createWebRoutes, type WebAnswer, type WebServiceSpec } from './web-routes.js';

/** Embedded web servers take small forms; anything bigger is cut off. */
export const MAX_REQUEST_BODY_BYTES = 16 * 1024;

function readBoundedBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BODY_BYTES) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        request.removeAllListeners('data');
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve('too-large'));
  });
}

async function writeAnswer(
  response: ServerResponse,
  answer: WebAnswer,
  ctx: PersonaContext,
  spec: WebServiceSpec,
  signal: AbortSignal,
): Promise<void> {
  const { knobs } = ctx.device;
  if (!(await wait(knobs.delayMs, signal))) return void response.destroy();
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  const headers: Record<string, string> = { ...answer.headers, 'Content-Length': String(body.length) };
  if (spec.server) headers.Server = spec.server;
  response.writeHead(answer.status, headers);
  for (const [index, chunk] of splitForSlowDevice(body, knobs).entries()) {
    if (index > 0 && !(await wait(knobs.slowMs, signal))) return void response.destroy();
    response.write(chunk);
  }
  response.end();
}

/** Key and certificate like a device makes on first boot: its own name and address (no organisation made up from the vendor). */
function deviceCertificate(device: DeviceSpec): { key: string; cert: string } {
  const made = createSelfSignedCertificate({
    commonName: device.hostname,
    altNames: [device.address, device.hostname, `${device.hostname}.local`],
  });
  return { key: made.keyPem, cert: made.certPem };
}

function tooLarge(): WebAnswer {
  return {
    status: 413,
    headers: { 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' },
    body: statusPage(413, 'Payload Too Large', 'The request body is too large.'),
  };
}

export async function startWebPersona(ctx: PersonaContext, spec: WebServiceSpec): Promise<RunningPersona> {
  const routes = createWebRoutes(ctx, spec);
  // Ends every pending delayed answer when the persona closes.
  const stopped = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stopped.signal]);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBoundedBody(request);
    const url = request.url ?? '/';
    let answer: WebAnswer;
    if (body === 'too-large') {
      answer = tooLarge();
      response.on('finish', () => request.socket.destroy());
    } else {
      const path = new URL(url, 'http://device.invalid').pathname;
      answer = routes({ method: request.method ?? 'GET', url, path, headers: request.headers, body });
    }
    await writeAnswer(response, answer, ctx, spec, signal);
  };
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => response.destroy());
  };

  const web: Server =
    spec.type === 'https' ? createHttpsServer(deviceCertificate(ctx.device), onRequest) : createHttpServer(onRequest);
  web.headersTimeout = 10_000;
  web.requestTimeout = 30_000;
  web.on('tlsClientError', () => {});

  const stopWeb = () => {
    stopped.abort();
    // The server never listened; close() only stops its internal timers.
    return new Promise<void>((resolve) => web.close(() => resolve()));
  };
  try {
    return await openFrontDoor(ctx, {
      protocol: spec.type,
      port: spec.port,
      onConnection: (socket) => web.emit('connection', socket),
      onClose: stopWeb,
    });
  } catch (error) {
    await stopWeb();
    throw error;
  }
}
