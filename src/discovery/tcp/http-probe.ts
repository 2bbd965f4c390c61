// GET / on a web port: status, Server, title, login scheme and realm, redirect target, a body excerpt.
// No redirect is followed; everything is bounded and sanitised.

import type { Agent } from 'undici';
import type { HttpInfo } from '../../model.js';
import { getLimited } from '../../protocols/http/limited-client.js';
import { sanitizeText } from '../../util/sanitize.js';

/** Enough of a page for a title and fingerprint words; the rest is never read. */
export const MAX_PAGE_BYTES = 64 * 1024;
const EXCERPT_CHARS = 2048;
const MAX_HEADERS = 32;

export function parseAuthenticate(header: string | undefined): { authScheme?: string; realm?: string } {
  if (!header) return {};
  const scheme = /^\s*([A-Za-z][\w-]*)/.exec(header)?.[1]?.toLowerCase();
  const realm = /realm\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /realm\s*=\s*([^\s,]+)/i.exec(header)?.[1];
  return { ...(scheme ? { authScheme: sanitizeText(scheme, 32) } : {}), ...(realm !== undefined ? { realm: sanitizeText(realm, 128) } : {}) };
}

export function pageTitle(html: string): string | undefined {
  const title = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1];
  const clean = title === undefined ? '' : sanitizeText(title, 160);
  return clean || undefined;
}

export function httpInfoOf(status: number, headers: Record<string, string>, body: Buffer): HttpInfo {
  const cleanHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers).slice(0, MAX_HEADERS)) {
    const key = sanitizeText(name, 64).toLowerCase();
    if (key) cleanHeaders[key] = sanitizeText(value, 256);
  }
  const html = body.toString('utf8');
  const info: HttpInfo = { status, headers: cleanHeaders, ...parseAuthenticate(headers['www-authenticate']) };
  if (cleanHeaders.server) info.server = cleanHeaders.server;
  if (cleanHeaders.location) info.location = sanitizeText(headers.location ?? '', 512);
  const title = pageTitle(html);
  if (title) info.title = title;
  const excerpt = sanitizeText(html, EXCERPT_CHARS, true);
  if (excerpt) info.bodyExcerpt = excerpt;
  return info;
}

export interface HttpProbeTiming {
  timeoutMs: number;
  /** A port that stays silent this long speaks another protocol. */
  answerTimeoutMs?: number;
}

export async function probeHttp(ip: string, port: number, tls: boolean, agent: Agent, timing: HttpProbeTiming, signal: AbortSignal): Promise<HttpInfo> {
  const url = `${tls ? 'https' : 'http'}://${ip}:${port}/`;
  const response = await getLimited(url, agent, { ...timing, maxBytes: MAX_PAGE_BYTES, onOverflow: 'truncate', signal });
  return httpInfoOf(response.status, response.headers, response.body);
}
