// One Get-Printer-Attributes over HTTP or HTTPS (RFC 8010 §4: a POST of application/ipp; IPPS, RFC 7472),
// with the same caps as every other read: an abortable deadline and a size cap on the answer.

import { request, type Agent, type Dispatcher } from 'undici';
import { readBounded } from '../http/limited-client.js';
import { timeLimit } from '../../util/wait.js';
import { encodeGetPrinterAttributes, parseIppResponse, type IppResponse } from './encoding.js';

export interface IppRequestOptions {
  agent: Agent;
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal;
}

/** IPP Everywhere's printer path (PWG 5100.14), where a client asks first. */
export const IPP_PRINTER_PATH = '/ipp/print';

export class IppStatusError extends Error {
  override name = 'IppStatusError';
}

/**
 * The printer at httpUrl (http://host:631/ipp/print, or https:// for IPP over TLS, RFC 7472) asked for the
 * named attributes. Over TLS the agent accepts any certificate (printers' are self-signed): what is read is
 * the printer's own word about itself, trusted for nothing else, as over plain IPP.
 */
export async function getPrinterAttributes(httpUrl: string, requested: readonly string[], options: IppRequestOptions): Promise<IppResponse> {
  const url = new URL(httpUrl);
  const printerUri = `${url.protocol === 'https:' ? 'ipps' : 'ipp'}://${url.host}${url.pathname}`;
  const limit = timeLimit(options.timeoutMs);
  let response: Dispatcher.ResponseData;
  let body: Buffer;
  try {
    response = await request(httpUrl, {
      method: 'POST',
      dispatcher: options.agent,
      signal: AbortSignal.any([options.signal, limit.signal]),
      headers: { 'content-type': 'application/ipp', 'user-agent': 'homeaudit', accept: 'application/ipp' },
      body: encodeGetPrinterAttributes(printerUri, requested),
    });
    body = await readBounded(response.body, options.maxBytes, 'truncate');
  } finally {
    limit.end();
  }
  if (response.statusCode !== 200) throw new IppStatusError(`IPP at ${httpUrl}: HTTP ${response.statusCode}`);
  const answer = parseIppResponse(body);
  // 0x0000–0x00FF are the successful statuses (RFC 8011 §B.1.2).
  if (answer.statusCode > 0x00ff) throw new IppStatusError(`IPP at ${httpUrl}: status 0x${answer.statusCode.toString(16).padStart(4, '0')}`);
  return answer;
}
