// A report fit for sharing: MAC and IP addresses, device names, hostnames and serial numbers are
// removed, not hashed (the AP: a hashed MAC address is pseudonymised, still personal data).
// Device ids (derived from MACs) become device-1, device-2 … so findings and advice still line up.

import type { JsonReport } from './types.js';

const MAC = /\b[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}\b/gi;
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\/\d{1,2})?\b/g;
const IPV6 = /(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?(?:%\w+)?/gi;
const HOSTNAME = /\b[\w-]+(?:\.[\w-]+)*\.(?:local|lan|home|internal|fritz\.box|box)\b/gi;
const SERIAL = /\b(serial(?:\s?number)?|serialNumber|s\/n|sn)(\s*[:=]\s*|\s+)[\w-]{4,}/gi;
const UUID = /\buuid:[0-9a-f-]{8,}\b/gi;
// getty and busybox put the host's own name before their prompt ("eyecam-c2 login:").
const PROMPT_HOST = /[\w.-]+(?= login:)/g;
// A MAC written without separators ("Doorstation - 1CCAE3718D24", "gw2-4c9a6f31e7b0").
const MAC_BARE = /\b[0-9a-f]{12}\b/gi;
// Serial-like: 8 or more letters and digits mixed ("IB0418729356", "4L0459BPAZ8F2C1", "miio326157948").
const SERIALISH = /\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{8,}\b/g;

// Fields whose values are versions, times or the report's own vocabulary: never identifiers.
const KEEP_AS_IS = new Set([
  'firmware', 'version', 'latest', 'startedAt', 'finishedAt', 'asOf', 'check', 'phase', 'kind', 'severity',
  'risk', 'confidence', 'transport', 'discoveredBy', 'lang', 'standards',
]);

export function toAnonymizedReport(report: JsonReport): JsonReport {
  const replacements = new Map(exactReplacements(report));
  // Model numbers and versions look serial-like but identify no one: they stay.
  const keep = keptTokens(report);
  // One alternation, longest first, so a whole report is scrubbed in one pass per string.
  const exact = replacements.size > 0 ? new RegExp([...replacements.keys()].map(escapeRegExp).join('|'), 'g') : null;
  const scrub = (text: string): string => {
    const out = exact ? text.replace(exact, (found) => replacements.get(found) ?? found) : text;
    return out
      .replace(UUID, '[uuid]')
      .replace(MAC, '[mac]')
      .replace(IPV4, '[ip]')
      .replace(IPV6, '[ip]')
      .replace(HOSTNAME, '[host]')
      .replace(PROMPT_HOST, '[host]')
      .replace(SERIAL, '$1$2[serial]')
      .replace(MAC_BARE, (found) => (keep.has(found.toLowerCase()) ? found : '[mac]'))
      .replace(SERIALISH, (found) => (keep.has(found.toLowerCase()) || /^CVE/i.test(found) ? found : '[serial]'));
  };
  const copy = structuredClone(report);
  const walked = walk(copy, scrub, '') as JsonReport;
  walked.scope = { targets: [] };
  // Keys are device ids too: renamed like the ids everywhere else.
  const perDevice = walked.stats.loginAttemptsByDevice;
  if (perDevice) walked.stats.loginAttemptsByDevice = Object.fromEntries(Object.entries(perDevice).map(([id, counts]) => [scrub(id), counts]));
  walked.devices = walked.devices.map((device) => ({ ...device, ip: null, mac: null, names: [] }));
  walked.anonymized = true;
  return walked;
}

/** The tokens of vendors, models, firmware and components: product facts, never a person's. */
function keptTokens(report: JsonReport): Set<string> {
  const texts = report.devices.flatMap((d) => [d.vendor, d.model, d.firmware]).filter((t): t is string => Boolean(t));
  for (const finding of report.findings) for (const key of ['version', 'latest', 'component', 'cves']) if (typeof finding.details[key] === 'string') texts.push(finding.details[key] as string);
  return new Set(texts.flatMap((t) => t.toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean));
}

/** Device ids, names, addresses as they appear in this report, longest first so parts never win. */
function exactReplacements(report: JsonReport): Array<[string, string]> {
  const pairs = new Map<string, string>();
  report.devices.forEach((device, index) => pairs.set(device.id, `device-${index + 1}`));
  for (const device of report.devices) {
    // A device id may be its MAC or address: the id mapping set first wins, so links survive.
    for (const name of device.names) if (name.length >= 3 && !pairs.has(name)) pairs.set(name, '[name]');
    if (device.mac && !pairs.has(device.mac)) pairs.set(device.mac, '[mac]');
    if (device.ip && !pairs.has(device.ip)) pairs.set(device.ip, '[ip]');
  }
  for (const target of report.scope.targets) if (!pairs.has(target)) pairs.set(target, '[ip]');
  return [...pairs.entries()].sort((a, b) => b[0].length - a[0].length);
}

function walk(node: unknown, scrub: (text: string) => string, key: string): unknown {
  if (typeof node === 'string') return KEEP_AS_IS.has(key) ? node : scrub(node);
  if (Array.isArray(node)) return node.map((item) => walk(item, scrub, key));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, scrub, k)]));
  }
  return node;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
