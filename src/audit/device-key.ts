// What makes "the same device" across scans when the address changes: its MAC, else its own serial or
// UDN, else what it calls itself (vendor, model, kind and first name). Never the address.

import type { Device } from '../model.js';

export function deviceKeys(device: Device): string[] {
  const keys: string[] = [];
  if (device.mac) keys.push(`mac:${device.mac.toLowerCase()}`);
  for (const ssdp of device.facts?.ssdp ?? []) {
    const own = ssdp.description?.serialNumber ?? ssdp.description?.udn;
    if (own) keys.push(`serial:${own.trim().toLowerCase()}`);
  }
  const identity = [device.vendor, device.model, device.kind, device.names[0]].map((part) => (part ?? '').trim().toLowerCase());
  // Without vendor, model or a name the identity says too little to recognise a device again.
  if (identity[0] || identity[1] || identity[3]) keys.push(`identity:${identity.join('|')}`);
  return [...new Set(keys)];
}

/** The one key an answer is remembered under: the most specific one the device has. */
export const deviceKey = (device: Device): string | null => deviceKeys(device)[0] ?? null;
