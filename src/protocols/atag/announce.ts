// The ATAG One thermostat's LAN announcement: a short ASCII datagram broadcast to udp/11000,
// "ONE <device id> (<suffix>)". Facts from pyatag (MIT), pyatag/discovery.py at commit
// 4802df27dfe9f0ff94ecce949d5b889d654f02a5: it binds 0.0.0.0:11000, reads at most 37 bytes, and takes the
// second space-separated word as the device id; its comment shows the shape with the id masked. The API it
// then talks to is JSON over HTTP POST on port 10000 (pyatag/const.py DEFAULT_PORT, gateway.py request()).

import type { AtagAnnouncement } from '../../model.js';

export type { AtagAnnouncement };

export const ATAG_ANNOUNCE_PORT = 11000;
export const ATAG_API_PORT = 10000;
/** pyatag reads 37 bytes; anything far longer is not this announcement. */
export const ATAG_ANNOUNCE_MAX_BYTES = 64;

const SHAPE = /^(ONE) ([0-9A-Za-z][0-9A-Za-z_-]{0,47})(?: \(([0-9A-Za-z]{1,8})\))?$/;

/** Decodes one datagram; null for anything that is not printable ASCII of the announced shape. */
export function decodeAtagAnnouncement(payload: Uint8Array): AtagAnnouncement | null {
  if (payload.length === 0 || payload.length > ATAG_ANNOUNCE_MAX_BYTES) return null;
  for (const byte of payload) if (byte < 0x20 || byte > 0x7e) return null;
  const text = Buffer.from(payload).toString('latin1').trim();
  const match = SHAPE.exec(text);
  if (!match) return null;
  const [, product, deviceId, suffix] = match;
  return suffix === undefined ? { product: product!, deviceId: deviceId! } : { product: product!, deviceId: deviceId!, suffix };
}

/** The model a household knows the product word by. */
export function atagModel(announcement: AtagAnnouncement): string {
  return announcement.product === 'ONE' ? 'ATAG One' : `ATAG ${announcement.product}`;
}
