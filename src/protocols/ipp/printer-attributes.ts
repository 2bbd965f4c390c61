// The printer attributes discovery asks for in its one Get-Printer-Attributes, and how what it kept is
// named again as IPP attributes, so a version probe or a recording reads them as the printer sent them.

import type { IppInfo } from '../../model.js';

/** Who the printer is and which firmware it runs (RFC 8011 §5.4, PWG 5100.13 §5.2), asked in one request. */
export const PRINTER_ATTRIBUTES = {
  makeAndModel: 'printer-make-and-model',
  deviceId: 'printer-device-id',
  firmwareStringVersion: 'printer-firmware-string-version',
  firmwareVersion: 'printer-firmware-version',
} as const satisfies Record<keyof Omit<IppInfo, 'path'>, string>;

/** What a port's IPP answer held, by attribute name. */
export function heldPrinterAttributes(info: IppInfo): Map<string, string> {
  const held = new Map<string, string>();
  for (const [field, name] of Object.entries(PRINTER_ATTRIBUTES) as Array<[keyof typeof PRINTER_ATTRIBUTES, string]>) {
    const value = info[field];
    if (value !== undefined) held.set(name, value);
  }
  return held;
}
