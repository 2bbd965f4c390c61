// Parsing of HTTP/RTSP Authorization headers (Basic and Digest), shared by both protocols.

export interface BasicCredentials {
  username: string;
  password: string;
}

export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The key=value pairs of a Digest header; quoted values unescaped, keys lower-cased. */
export function parseDigestAuthorization(header: string | undefined): Record<string, string> | undefined {
  const match = /^Digest\s+(.*)$/is.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const fields: Record<string, string> = {};
  const pair = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  const text = match[1];
  let consumed = 0;
  for (let found = pair.exec(text); found; found = pair.exec(text)) {
    const key = found[1]?.toLowerCase() ?? '';
    fields[key] = found[2] !== undefined ? found[2].replace(/\\(.)/g, '$1') : (found[3] ?? '');
    consumed = pair.lastIndex;
    if (consumed >= text.length) break;
  }
  return consumed >= text.trimEnd().length ? fields : undefined;
}
