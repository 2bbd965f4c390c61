// M-SEARCH requests (UPnP Device Architecture 1.1, section 1.3.2): written by the scanner, read by a device.

import { readHeaders } from './headers.js';

export function buildMSearch(host: string, port: number, st = 'ssdp:all', mx = 1): Buffer {
  return Buffer.from(
    `M-SEARCH * HTTP/1.1\r\nHOST: ${host}:${port}\r\nMAN: "ssdp:discover"\r\nMX: ${mx}\r\nST: ${st}\r\nUSER-AGENT: homeaudit UPnP/1.1\r\n\r\n`,
  );
}

export interface MSearch {
  st: string;
  man: string;
  /** Seconds the asker waits; absent on unicast searches. */
  mx?: number;
}

export function parseMSearch(datagram: Buffer): MSearch | null {
  const lines = datagram.toString('latin1', 0, Math.min(datagram.length, 4096)).split(/\r?\n/);
  if (!/^M-SEARCH\s+\*\s+HTTP\/1\.[01]$/i.test(lines[0]?.trim() ?? '')) return null;
  const headers = readHeaders(lines.slice(1));
  const st = headers.get('st');
  const man = headers.get('man') ?? '';
  if (!st || man.replace(/"/g, '') !== 'ssdp:discover') return null;
  const mx = Number(headers.get('mx'));
  return Number.isFinite(mx) && headers.has('mx') ? { st, man, mx } : { st, man };
}
