// The one way a device is named to a person: reports, advice sentences and the dashboard all use it.

import type { AttributeConfidence, Device, DeviceKind, Lang } from '../model.js';
import { sanitizeText } from '../util/sanitize.js';

/** How each kind of device is called, per language (the advice knowledge's labels). */
export type KindLabels = Partial<Record<DeviceKind, Partial<Record<Lang, string>>>>;

/** The kind labels and the words naming needs (`device`: what a device is called when its kind is only a guess). */
export interface NamingLabels {
  kinds: KindLabels;
  words: Partial<Record<string, Partial<Record<Lang, string>>>>;
}

/** An attribute at least this sure is stated as a fact; below it, a person reads it as a guess. The wild bench's "confident" is the same line. */
export const SURE_ATTRIBUTE = 0.5;

/** The kind rests on weak evidence only (what the maker mostly makes, a weak word): shown as "possibly a router", never as "router". */
/** What telling a guess from a fact needs of a device. */
export type KindAndConfidence = Pick<Device, 'kind'> & { identity: { attributes: Pick<AttributeConfidence, 'kind'> } };

export function kindIsGuess(device: KindAndConfidence): boolean {
  return device.kind !== 'unknown' && device.identity.attributes.kind < SURE_ATTRIBUTE;
}

/** The first name a device goes by, cleaned; undefined when it has none. */
export function ownName(device: Pick<Device, 'names'>): string | undefined {
  for (const raw of device.names) {
    const name = sanitizeText(raw, 60);
    if (name) return name;
  }
  return undefined;
}

/**
 * Its own name, else maker and kind ("Hikvision camera", "camera van Hikvision"), else kind and address.
 * A kind that is only a guess is no part of a name: "Zyxel device", and the kind beside it says "possibly".
 */
export function deviceName(device: Pick<Device, 'names' | 'vendor' | 'ip'> & KindAndConfidence, lang: Lang, labels: NamingLabels): string {
  const named = ownName(device);
  if (named) return named;
  const kind = kindIsGuess(device) ? (labels.words.device?.[lang] ?? 'device') : (labels.kinds[device.kind]?.[lang] ?? device.kind);
  const vendor = device.vendor ? sanitizeText(device.vendor, 40) : undefined;
  if (vendor) return lang === 'nl' ? `${kind} van ${vendor}` : `${vendor} ${kind}`;
  return `${kind} ${sanitizeText(device.ip, 45)}`;
}
