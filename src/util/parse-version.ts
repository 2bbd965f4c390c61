// Tolerant parsing and comparison of the version strings devices show: "V5.4.5 build 170124",
// "2.0.11-1.2+deb12u2", "dropbear_2019.78", "OpenSSH_8.4p1", "7.2.1-69057 Update 5", "0.94.14rc21".
// A string without digits is unknown (null): callers must never read that as "up to date".

export interface ParsedVersion {
  /** The string as given. */
  raw: string;
  /** The dotted release numbers: "5.4.5" → [5, 4, 5]. */
  release: number[];
  /** A pre-release tag right after the release ("rc21", "beta2"): sorts before the release itself. */
  pre: { rank: number; number: number } | null;
  /** Numbers after the release: patch level ("p1"), letter ("1.0.1g"), build, update, packaging revision. */
  post: number[];
  /** The string carries a distribution packaging suffix (Debian, Ubuntu, …), which may hide backported fixes. */
  distroPatched: boolean;
}

const PRE_RANKS: Record<string, number> = { alpha: 1, a: 1, beta: 2, b: 2, pre: 3, rc: 4 };
const DISTRO_MARKERS = /(deb\d|debian|ubuntu|\+b\d|\.el\d|el\d_|fc\d\d|\bmr\d|raspbian|ppa)/i;

/** Parses the first version-like run of a string; null when the string has no digits at all. */
export function parseVersion(text: string | null | undefined): ParsedVersion | null {
  if (text === null || text === undefined) return null;
  const raw = text.trim();
  const releaseMatch = /\d+(?:\.\d+)*/.exec(raw);
  if (!releaseMatch) return null;
  const release = releaseMatch[0].split('.').map((part) => Number.parseInt(part, 10));
  let rest = raw.slice(releaseMatch.index + releaseMatch[0].length);
  let pre: ParsedVersion['pre'] = null;
  const post: number[] = [];

  // "a"/"b" count as alpha/beta only with a number ("2.0b2"); alone they are letter releases ("1.0.1b").
  const preMatch = /^[-_.~]?(?:(alpha|beta|pre|rc)(\d*)|(a|b)(\d+))(?![a-z])/i.exec(rest);
  const patchMatch = /^p(\d+)/i.exec(rest);
  const letterMatch = /^([a-z])(?![a-z])/i.exec(rest);
  if (preMatch) {
    const tag = (preMatch[1] ?? preMatch[3] ?? '').toLowerCase();
    pre = { rank: PRE_RANKS[tag] ?? 0, number: Number.parseInt(preMatch[2] || preMatch[4] || '0', 10) };
    rest = rest.slice(preMatch[0].length);
  } else if (patchMatch) {
    post.push(Number.parseInt(patchMatch[1]!, 10));
    rest = rest.slice(patchMatch[0].length);
  } else if (letterMatch) {
    // OpenSSL-style letter releases: 1.0.1g is the seventh fix release of 1.0.1.
    post.push(letterMatch[1]!.toLowerCase().charCodeAt(0) - 96);
    rest = rest.slice(1);
  }
  for (const numberMatch of rest.matchAll(/\d+/g)) post.push(Number.parseInt(numberMatch[0], 10));
  return { raw, release, pre, post, distroPatched: DISTRO_MARKERS.test(rest) };
}

function compareNumberLists(a: number[], b: number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** -1, 0 or 1. Release numbers first (missing parts count as 0), then pre-release, then the rest. */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  const byRelease = compareNumberLists(a.release, b.release);
  if (byRelease !== 0) return byRelease;
  if (a.pre && !b.pre) return -1;
  if (!a.pre && b.pre) return 1;
  if (a.pre && b.pre) {
    const byPre = compareNumberLists([a.pre.rank, a.pre.number], [b.pre.rank, b.pre.number]);
    if (byPre !== 0) return byPre;
  }
  return compareNumberLists(a.post, b.post);
}

/** Compares a parsed version with a version written in the knowledge base. */
export function compareWith(version: ParsedVersion, reference: string): number {
  const parsed = parseVersion(reference);
  if (!parsed) throw new Error(`not a version: "${reference}"`);
  return compareVersions(version, parsed);
}

/** True when from <= version < below (either bound may be absent). */
export function inVersionRange(version: ParsedVersion, range: { from?: string; below?: string }): boolean {
  if (range.from !== undefined && compareWith(version, range.from) < 0) return false;
  if (range.below !== undefined && compareWith(version, range.below) >= 0) return false;
  return true;
}
