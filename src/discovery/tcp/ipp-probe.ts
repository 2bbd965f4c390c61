// On an IPP port: the printer's own make and model (printer-make-and-model, printer-device-id) from
// one Get-Printer-Attributes without a login, bounded like every other read.

import type { Agent } from 'undici';
import type { IppInfo } from '../../model.js';
import { getPrinterAttributes, IPP_PRINTER_PATH, type IppValue } from '../../protocols/ipp/index.js';
import { sanitizeText } from '../../util/sanitize.js';

/** IPP Everywhere's printer path first, then the root, which many older printers answer on. */
const PRINTER_PATHS = [IPP_PRINTER_PATH, '/'];
const MAX_ANSWER_BYTES = 64 * 1024;
const ATTRIBUTES = { makeAndModel: 'printer-make-and-model', deviceId: 'printer-device-id' } as const;

const textOf = (values: IppValue[] | undefined): string | undefined => {
  const value = values?.[0];
  const text = value?.kind === 'text' ? value.text : value?.kind === 'octets' ? value.bytes.toString('utf8') : undefined;
  return text === undefined ? undefined : sanitizeText(text, 512) || undefined;
};

/** What the printer said, or null when no path answered with either attribute. */
export async function probeIpp(ip: string, port: number, agent: Agent, timeoutMs: number, signal: AbortSignal): Promise<IppInfo | null> {
  for (const path of PRINTER_PATHS) {
    if (signal.aborted) return null;
    try {
      const answer = await getPrinterAttributes(`http://${ip}:${port}${path}`, Object.values(ATTRIBUTES), { agent, timeoutMs, maxBytes: MAX_ANSWER_BYTES, signal });
      const info: IppInfo = {};
      const makeAndModel = textOf(answer.attributes.get(ATTRIBUTES.makeAndModel));
      const deviceId = textOf(answer.attributes.get(ATTRIBUTES.deviceId));
      if (makeAndModel) info.makeAndModel = makeAndModel;
      if (deviceId) info.deviceId = deviceId;
      return makeAndModel || deviceId ? info : null;
    } catch (error) {
      // A wrong path gets an error status at once; a silence or a broken answer will not mend on another path.
      if ((error as Error).name !== 'IppStatusError') return null;
    }
  }
  return null;
}
