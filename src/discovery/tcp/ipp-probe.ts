// On an IPP port, plain or over TLS (IPPS): the printer's own make and model (printer-make-and-model,
// printer-device-id) and firmware (printer-firmware-string-version, printer-firmware-version) from one
// Get-Printer-Attributes without a login, bounded like every other read.

import type { Agent } from 'undici';
import type { IppInfo } from '../../model.js';
import { getPrinterAttributes, IPP_PRINTER_PATH, ippValueText, PRINTER_ATTRIBUTES, type IppValue } from '../../protocols/ipp/index.js';
import { sanitizeText } from '../../util/sanitize.js';

/** IPP Everywhere's printer path first, then the root, which many older printers answer on. */
const PRINTER_PATHS = [IPP_PRINTER_PATH, '/'];
const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_FIRMWARE_TEXT = 64;

const textOf = (values: IppValue[] | undefined): string | undefined => {
  const value = values?.[0];
  const text = value?.kind === 'text' ? value.text : value?.kind === 'octets' ? value.bytes.toString('utf8') : undefined;
  return text === undefined ? undefined : sanitizeText(text, 512) || undefined;
};

/** A firmware attribute's first value, binary versions as dotted bytes; bounded like any version read. */
const firmwareOf = (values: IppValue[] | undefined): string | undefined => {
  const value = values?.[0];
  return value === undefined ? undefined : sanitizeText(ippValueText(value), MAX_FIRMWARE_TEXT).trim() || undefined;
};

/**
 * The printer's resource path from its `_ipp._tcp`/`_ipps._tcp` TXT `rp` key (PWG 5100.14: "ipp/print"),
 * as a path; undefined when there is none or it is not a plain path.
 */
export function announcedPrinterPath(rp: string | undefined): string | undefined {
  if (rp === undefined || !/^\/?[A-Za-z0-9._~\/-]{1,128}$/.test(rp) || rp.includes('..')) return undefined;
  return rp.startsWith('/') ? rp : `/${rp}`;
}

/**
 * What the printer said, or null when no path answered with any of the attributes. `tls`: IPP over TLS (IPPS, on
 * 631 or the port an `_ipps._tcp` record names), read with the same bounds; any certificate is accepted for
 * this read only. `firstPath`: the path the printer announced (TXT `rp`), asked before the usual ones.
 */
export async function probeIpp(ip: string, port: number, agent: Agent, timeoutMs: number, signal: AbortSignal, tls = false, firstPath?: string): Promise<IppInfo | null> {
  const paths = [...new Set([...(firstPath ? [firstPath] : []), ...PRINTER_PATHS])].slice(0, 2);
  for (const path of paths) {
    if (signal.aborted) return null;
    try {
      const answer = await getPrinterAttributes(`${tls ? 'https' : 'http'}://${ip}:${port}${path}`, Object.values(PRINTER_ATTRIBUTES), { agent, timeoutMs, maxBytes: MAX_ANSWER_BYTES, signal });
      const info: IppInfo = {};
      const makeAndModel = textOf(answer.attributes.get(PRINTER_ATTRIBUTES.makeAndModel));
      const deviceId = textOf(answer.attributes.get(PRINTER_ATTRIBUTES.deviceId));
      const firmwareStringVersion = firmwareOf(answer.attributes.get(PRINTER_ATTRIBUTES.firmwareStringVersion));
      const firmwareVersion = firmwareOf(answer.attributes.get(PRINTER_ATTRIBUTES.firmwareVersion));
      if (makeAndModel) info.makeAndModel = makeAndModel;
      if (deviceId) info.deviceId = deviceId;
      if (firmwareStringVersion) info.firmwareStringVersion = firmwareStringVersion;
      if (firmwareVersion) info.firmwareVersion = firmwareVersion;
      return Object.keys(info).length > 0 ? { ...info, path } : null;
    } catch (error) {
      // A wrong path gets an error status at once; a silence or a broken answer will not mend on another path.
      if ((error as Error).name !== 'IppStatusError') return null;
    }
  }
  return null;
}
