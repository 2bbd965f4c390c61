// Takes what identifies a household out of a recorded fleet, consistently (the same value always gets
// the same stand-in, everywhere it occurs), so a replay is identified as the recording was:
// MAC addresses (the vendor's OUI half kept), serial numbers, UUIDs, personal names, e-mail addresses,
// SNMP contacts, cookies and credentials in headers, household ids, and a router's WAN address (a
// documentation address in its place). Passwords are never recorded at all.

import type { RawFleet } from '../fleet-defaults.js';

const MAC = /\b([0-9A-Fa-f]{2})([:-])([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\b/g;
const UUID = /\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b/g;
const IS_UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const EMAIL = /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g;
const SERIAL_TEXT = /serial(?:[\s_-]*(?:number|no))?\s*[:=]\s*([A-Za-z0-9-]{4,})/gi;
const SERIAL_XML = /<serialNumber>([^<]{3,})<\/serialNumber>/g;
/** A serial in an IEEE 1284 device ID (printer-device-id): "SN:CN12345;", "SERN:…". */
const SERIAL_DEVICE_ID = /(?:^|;)\s*(?:SN|SERN|SERIALNUMBER)\s*:\s*([^;]{3,})/gi;
const SERIAL_TXT_KEYS = /^(serial|serialnumber|serial_number|sn|serialno)$/i;
const UDN_ID = /uuid:([^\s:<>"]+)/g;
/** "Jan's iPhone" (its apostrophe also as an XML entity), "iPhone van Jan", "MacBook de Marie", "Jans-iPhone". */
const PERSONAL = [
  /\b([A-Z][a-z]{2,})(?:['’]|&apos;|&#39;)s\b/g,
  /\b(?:van|de|di|von)[\s-]+([A-Z][a-z]{2,})\b/g,
  /\b([A-Z][a-z]{2,})s-(?:iPhone|iPad|MacBook|iMac|Galaxy|Pixel|Laptop|PC)\b/g,
];
/** Keys devices put their MAC under without separators ("macaddress=1CCAE3718D24", Hue's EUI-64 "bridgeid"). */
const MAC_KEYS = /mac|bridgeid|deviceid|hwaddr/i;
const SECRET_HEADERS = new Set(['set-cookie', 'cookie', 'authorization', 'proxy-authorization']);
/** Headers and TXT keys that carry the id of a household (Sonos: X-RINCON-HOUSEHOLD, mhhid). */
const HOUSEHOLD_HEADER = /household/i;
const HOUSEHOLD_TXT_KEYS = /^(mhhid|hhid|householdid|household_id)$/i;

class StandIns {
  private readonly seen = new Map<string, string>();
  constructor(private readonly make: (n: number, original: string) => string) {}
  of(original: string, key = original): string {
    let standIn = this.seen.get(key);
    if (standIn === undefined) {
      standIn = this.make(this.seen.size + 1, original);
      this.seen.set(key, standIn);
    }
    return standIn;
  }
  keys(): string[] {
    return [...this.seen.keys()];
  }
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** A binary TXT value ({ base64 }) is searched and scrubbed as the text its bytes spell (latin1: one char per byte). */
const bytesText = (base64: string): string => Buffer.from(base64, 'base64').toString('latin1');
const textBytes = (text: string): string => Buffer.from(text, 'latin1').toString('base64');

function strings(value: unknown, visit: (text: string, key: string | undefined) => void, key?: string): void {
  if (typeof value === 'string') visit(key === 'base64' ? bytesText(value) : value, key);
  else if (Array.isArray(value)) for (const item of value) strings(item, visit, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, visit, k);
}

/** A header kept as sent ({ name, value }, SSDP replies, recorded HTTP answers): a secret one by its name. */
const isSecretHeader = (value: object): boolean => {
  const { name, value: text } = value as { name?: unknown; value?: unknown };
  return typeof name === 'string' && typeof text === 'string' && SECRET_HEADERS.has(name.toLowerCase());
};

function mapStrings(value: unknown, change: (text: string, key: string | undefined) => string, key?: string): unknown {
  if (typeof value === 'string') return key === 'base64' ? textBytes(change(bytesText(value), key)) : change(value, key);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change, key));
  if (value && typeof value === 'object' && isSecretHeader(value)) return { ...value, value: 'redacted' };
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, change, k)]));
  return value;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function redactFleet(fleet: RawFleet): RawFleet {
  // The OUI half stays: it names the maker, not the household.
  const macs = new StandIns((n, original) => `${original.slice(0, 6)}${hex(n, 6)}`.toLowerCase());
  const serials = new StandIns((n) => `SERIAL${String(n).padStart(4, '0')}`);
  const uuids = new StandIns((n) => `00000000-0000-4000-8000-${hex(n, 12)}`);
  const people = new StandIns((n) => `Person${n}`);
  // The household's internet address, wherever it also occurs; 203.0.113.0/24 is for documentation.
  const wanAddresses = new StandIns((n) => `203.0.113.${n}`);
  for (const device of fleet.devices) if (device.ssdp?.igd?.externalIp) wanAddresses.of(device.ssdp.igd.externalIp);
  // A household id (Sonos X-RINCON-HOUSEHOLD, its TXT mhhid) names the home: one stand-in, wherever it occurs.
  const households = new StandIns((n) => `Household${n}`);
  for (const device of fleet.devices) {
    for (const reply of device.ssdp?.replies ?? []) {
      for (const header of reply.headers ?? []) if (HOUSEHOLD_HEADER.test(header.name) && header.value.length >= 4) households.of(header.value);
    }
    for (const service of device.mdns ?? []) {
      for (const [key, value] of Object.entries(service.txt ?? {})) if (HOUSEHOLD_TXT_KEYS.test(key) && typeof value === 'string' && value.length >= 4) households.of(value);
    }
    for (const header of device.ssdp?.extraHeaders ?? []) if (HOUSEHOLD_HEADER.test(header.name) && header.value.length >= 4) households.of(header.value);
  }

  strings(fleet, (text, key) => {
    for (const match of text.matchAll(MAC)) macs.of(match.slice(1).filter((_, i) => i !== 1).join('').toLowerCase());
    if (key && MAC_KEYS.test(key)) {
      const bare = /^([0-9A-Fa-f]{12})$/.exec(text)?.[1] ?? /^([0-9A-Fa-f]{6})[Ff]{2}[Ff][Ee]([0-9A-Fa-f]{6})$/.exec(text)?.slice(1, 3).join('');
      if (bare) macs.of(bare.toLowerCase());
    }
    for (const match of text.matchAll(UUID)) uuids.of(match[0].toLowerCase());
    for (const match of [...text.matchAll(SERIAL_TEXT), ...text.matchAll(SERIAL_XML), ...text.matchAll(SERIAL_DEVICE_ID)]) serials.of(match[1]!.trim());
    if (key && SERIAL_TXT_KEYS.test(key) && text.length >= 3) serials.of(text);
    if (key === 'serialNumber' && text.length >= 3) serials.of(text);
    // An ATAG One's broadcast names the thermostat's own id: a serial number by another name.
    if (key === 'deviceId' && text.length >= 3) serials.of(text);
    for (const match of text.matchAll(UDN_ID)) {
      // A vendor's own UDN ("Socket-1_0-221517K0101769") keeps its prefix: the tail is the serial.
      if (IS_UUID.test(match[1]!)) continue;
      const tail = /([A-Za-z0-9]{6,})$/.exec(match[1]!)?.[1];
      if (tail && /\d/.test(tail)) serials.of(tail);
    }
    for (const pattern of PERSONAL) for (const match of text.matchAll(pattern)) people.of(match[1]!);
  });

  const replacements: Array<[RegExp, (found: string) => string]> = [
    // A serial as a whole token only: "0000001" inside a UUID or a longer number is not that serial.
    ...serials.keys().sort((a, b) => b.length - a.length).map((serial): [RegExp, (found: string) => string] => [new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(serial)}(?![A-Za-z0-9])`, 'g'), () => serials.of(serial)]),
    [UUID, (found) => uuids.of(found.toLowerCase())],
    [MAC, (found) => {
      const separator = found[2]!;
      const standIn = macs.of(found.replace(/[:-]/g, '').toLowerCase());
      const text = standIn.match(/../g)!.join(separator);
      return found === found.toUpperCase() ? text.toUpperCase() : text;
    }],
    // The same addresses written without separators, and as Hue-style EUI-64 ids (OUI FFFE tail).
    ...macs.keys().flatMap((mac): Array<[RegExp, (found: string) => string]> => [
      [new RegExp(`${mac.slice(0, 6)}fffe${mac.slice(6)}`, 'gi'), (found) => caseLike(found, `${macs.of(mac).slice(0, 6)}fffe${macs.of(mac).slice(6)}`)],
      [new RegExp(mac, 'gi'), (found) => caseLike(found, macs.of(mac))],
    ]),
    ...households.keys().sort((a, b) => b.length - a.length).map((id): [RegExp, (found: string) => string] => [new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(id)}(?![A-Za-z0-9])`, 'g'), () => households.of(id)]),
    [EMAIL, () => 'user@example.org'],
    ...wanAddresses.keys().map((ip): [RegExp, (found: string) => string] => [new RegExp(`(?<![\\d.])${escapeRegExp(ip)}(?![\\d])`, 'g'), () => wanAddresses.of(ip)]),
    ...people.keys().map((name): [RegExp, (found: string) => string] => [new RegExp(`\\b${escapeRegExp(name)}(?=\\b|s-)`, 'g'), () => people.of(name)]),
  ];
  const redacted = mapStrings(fleet, (text, key) => {
    if (key && SECRET_HEADERS.has(key.toLowerCase())) return 'redacted';
    if (key === 'sysContact' && text !== '') return 'contact';
    let out = text;
    for (const [pattern, replace] of replacements) out = out.replace(pattern, replace);
    return out;
  }) as RawFleet;
  // Ids and kinds are the fleet's own words, never a device's.
  return { ...redacted, name: fleet.name, devices: redacted.devices.map((device, i) => ({ ...device, id: fleet.devices[i]!.id, kind: fleet.devices[i]!.kind })) };
}

const caseLike = (found: string, standIn: string): string => (found === found.toUpperCase() ? standIn.toUpperCase() : standIn.toLowerCase());
