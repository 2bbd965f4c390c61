// HTTP with limits, for discovery and the login probes alike: one builder of the undici Agent with
// limits on every wait and size, and a body reader that never holds more than asked.

import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { timeLimit } from '../../util/wait.js';

/** An Agent whose every wait is bounded by timeoutMs; device certificates are self-signed, so not verified. */
export function createLimitedAgent(timeoutMs: number, maxResponseSize?: number, connections = 4): Agent {
  return new Agent({
    connect: { timeout: timeoutMs, rejectUnauthorized: false },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connections,
    pipelining: 0,
    ...(maxResponseSize ? { maxResponseSize } : {}),
  });
}

export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

/** Reads at most maxBytes; beyond that either truncates or throws, and always stops the stream. */
export async function readBounded(body: Dispatcher.ResponseData['body'], maxBytes: number, onOverflow: 'truncate' | 'throw'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buffer = chunk as Buffer;
      if (size + buffer.length > maxBytes) {
        if (onOverflow === 'throw') throw new ResponseTooLargeError(`response larger than ${maxBytes} bytes`);
        chunks.push(buffer.subarray(0, maxBytes - size));
        size = maxBytes;
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } finally {
    if (!body.destroyed) body.destroy();
  }
  return Buffer.concat(chunks, size);
}

export interface LimitedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface GetOptions {
  timeoutMs: number;
  /** How long the server may take to start answering (status and headers); timeoutMs still bounds the whole. */
  answerTimeoutMs?: number;
  maxBytes: number;
  onOverflow: 'truncate' | 'throw';
  signal: AbortSignal;
  headers?: Record<string, string>;
}

export async function getLimited(url: string, agent: Agent, options: GetOptions): Promise<LimitedResponse> {
  // Our own timer: undici's coarse timers let a 1.5 s headers timeout fire a second late.
  const answer = new AbortController();
  const answerTimer = options.answerTimeoutMs === undefined
    ? undefined
    : setTimeout(() => answer.abort(new DOMException(`no answer from ${url} in ${options.answerTimeoutMs} ms`, 'TimeoutError')), options.answerTimeoutMs);
  const limit = timeLimit(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, limit.signal, answer.signal]);
  let response: Dispatcher.ResponseData;
  let body: Buffer;
  try {
    try {
      response = await request(url, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headers: { 'user-agent': 'homeaudit', accept: '*/*', ...options.headers },
      });
    } finally {
      clearTimeout(answerTimer);
    }
    body = await readBounded(response.body, options.maxBytes, options.onOverflow);
  } finally {
    limit.end();
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: response.statusCode, headers, body };
}
