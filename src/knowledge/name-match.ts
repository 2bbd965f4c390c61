// Matches names the way identification and the knowledge base may spell them differently:
// "TP-LINK Technologies Co., Ltd." is "TP-Link", "Hangzhou Hikvision Digital Technology" is "Hikvision".

const CORPORATE_WORDS = new Set([
  'inc', 'ltd', 'llc', 'co', 'corp', 'corporation', 'company', 'gmbh', 'ag', 'bv', 'nv', 'sa', 'srl', 'limited',
  'technologies', 'technology', 'tech', 'electronics', 'international', 'group', 'holdings', 'communications',
  'networks', 'digital', 'industries', 'systems',
]);

/** Names seen per scan are few (vendors of devices and of entries) and asked about for every entry: read each once. */
const TOKEN_CACHE_LIMIT = 10_000;
const tokenCache = new Map<string, readonly string[]>();
const joinedCache = new Map<string, string>();

/** What derive gives for name, remembered in cache (emptied when it reaches the limit). */
function remembered<T>(cache: Map<string, T>, name: string, derive: (name: string) => T): T {
  let value = cache.get(name);
  if (value === undefined) {
    if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
    value = derive(name);
    cache.set(name, value);
  }
  return value;
}

export function nameTokens(name: string): readonly string[] {
  return remembered(tokenCache, name, (text) => Object.freeze(tokensOf(text)));
}

/** The tokens of a name run together ("TP-Link" → "tplink"), remembered like the tokens. */
function joinedTokens(name: string): string {
  return remembered(joinedCache, name, (text) => nameTokens(text).join(''));
}

function tokensOf(name: string): string[] {
  const tokens = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
  const meaningful = tokens.filter((token) => !CORPORATE_WORDS.has(token));
  return meaningful.length > 0 ? meaningful : tokens;
}

/** True when the known name appears in the seen name as whole words, spaced or not ("TP Link" ~ "TPLINK"). */
export function vendorMatches(seen: string | null | undefined, known: string): boolean {
  if (!seen) return false;
  const seenTokens = nameTokens(seen);
  const knownJoined = joinedTokens(known);
  if (knownJoined.length === 0) return false;
  for (let start = 0; start < seenTokens.length; start += 1) {
    let joined = '';
    for (let end = start; end < seenTokens.length && joined.length < knownJoined.length; end += 1) {
      joined += seenTokens[end];
      if (joined === knownJoined) return true;
    }
  }
  return false;
}

// Words a banner adds to a component's name without naming another product: "Apache httpd", "Dropbear sshd".
const COMPONENT_SUFFIXES = new Set(['httpd', 'http', 'server', 'ssh', 'sshd', 'web', 'ftpd', 'daemon', 'd']);

/** A component seen in a banner is the known one when its name starts with it and adds only generic words. */
export function componentMatches(seen: string, known: string): boolean {
  const seenTokens = nameTokens(seen);
  const seenJoined = joinedTokens(seen);
  const knownJoined = joinedTokens(known);
  if (seenJoined === knownJoined) return true;
  for (let cut = 1; cut <= seenTokens.length; cut += 1) {
    if (seenTokens.slice(0, cut).join('') !== knownJoined) continue;
    return seenTokens.slice(cut).every((token) => COMPONENT_SUFFIXES.has(token));
  }
  return false;
}

const globCache = new Map<string, RegExp>();

/** Case-insensitive glob with * and ?, anchored at both ends. */
export function globMatches(glob: string, text: string): boolean {
  let pattern = globCache.get(glob);
  if (!pattern) {
    const source = glob
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    pattern = new RegExp(`^${source}$`, 'i');
    globCache.set(glob, pattern);
  }
  return pattern.test(text.trim());
}

/** No globs: every model matches. Globs but no model: nothing matches (we cannot tell). */
export function modelMatches(globs: string[] | undefined, model: string | null | undefined): boolean {
  if (!globs || globs.length === 0) return true;
  if (!model) return false;
  return globs.some((glob) => globMatches(glob, model));
}
