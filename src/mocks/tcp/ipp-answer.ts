// The mock printer's IPP answer: a Get-Printer-Attributes POSTed as application/ipp gets the printer's
// text attributes (only those asked for, as a printer answers requested-attributes); anything else 400.

import { encodeIppResponse, IPP_GET_PRINTER_ATTRIBUTES, parseIppRequest } from '../../protocols/ipp/encoding.js';
import type { WebAnswer, WebRequest } from './web-routes.js';

const IPP_OPERATION_NOT_SUPPORTED = 0x0501;

export function ippAnswer(request: WebRequest, attributes: Readonly<Record<string, string>>): WebAnswer {
  const parsed = (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/ipp') ? parseIppRequest(request.body) : undefined;
  if (!parsed) return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Bad Request' };
  const headers = { 'Content-Type': 'application/ipp' };
  if (parsed.operation !== IPP_GET_PRINTER_ATTRIBUTES) return { status: 200, headers, body: encodeIppResponse(parsed.requestId, {}, IPP_OPERATION_NOT_SUPPORTED) };
  const asked = parsed.requested.length === 0 || parsed.requested.includes('all') ? Object.keys(attributes) : parsed.requested;
  const answered = Object.fromEntries(asked.filter((name) => attributes[name] !== undefined).map((name) => [name, attributes[name]!]));
  return { status: 200, headers, body: encodeIppResponse(parsed.requestId, answered) };
}
