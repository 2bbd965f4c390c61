// The one way a device is named to a person: reports, advice sentences and the dashboard all use it.

import type { Device, DeviceKind, Lang } from '../model.js';
import { sanitizeText } from '../util/sanitize.js';

/** How each kind of device is called, per language (the advice knowledge's labels). */
export type KindLabels = Partial<Record<DeviceKind, Partial<Record<Lang, string>>>>;

/** The first name a device goes by, cleaned; undefined when it has none. */
export function ownName(device: Pick<Device, 'names'>): string | undefined {
  for (const raw of device.names) {
    const name = sanitizeText(raw, 60);
    if (name) return name;
  }
  return undefined;
}

/** Its own name, else maker and kind ("Hikvision camera", "camera van Hikvision"), else kind and address. */
export function deviceName(device: Pick<Device, 'names' | 'vendor' | 'kind' | 'ip'>, lang: Lang, kinds: KindLabels): string {
  const named = ownName(device);
  if (named) return named;
  const kind = kinds[device.kind]?.[lang] ?? device.kind;
  const vendor = device.vendor ? sanitizeText(device.vendor, 40) : undefined;
  if (vendor) return lang === 'nl' ? `${kind} van ${vendor}` : `${vendor} ${kind}`;
  return `${kind} ${sanitizeText(device.ip, 45)}`;
}
