// The names a household gave its devices, as the devices announce them: shown in the report and the
// dashboard so people recognise "Keuken" rather than 192.168.1.23. Device text is untrusted: sanitised.

import type { HostFacts } from '../model.js';
import { sanitizeText } from '../util/sanitize.js';

const MAX_NAME_LENGTH = 64;
/** Names that are identifiers, not names: UUIDs and long hex ids (Cast instances "Google-Home-Mini-<32 hex>", serials). */
const MACHINE_NAME = /^(?:[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|(?:.*[-_ ])?[0-9a-f]{16,})$/i;

function hostLabel(hostname: string): string {
  return hostname.replace(/\.$/, '').replace(/\.(local|lan|home|fritz\.box|localdomain)$/i, '');
}

/** Friendly names first (Cast fn, UPnP friendlyName, mDNS instance), then SNMP sysName and host names. */
export function deviceNames(facts: HostFacts): string[] {
  const candidates: string[] = [];
  for (const service of facts.mdns) {
    const fn = Object.entries(service.txt).find(([key]) => key.toLowerCase() === 'fn')?.[1];
    if (fn) candidates.push(fn);
  }
  for (const ssdp of facts.ssdp) if (ssdp.description?.friendlyName) candidates.push(ssdp.description.friendlyName);
  for (const service of facts.mdns) candidates.push(service.instance);
  if (facts.snmp?.sysName) candidates.push(facts.snmp.sysName);
  for (const hostname of facts.hostnames) candidates.push(hostLabel(hostname));
  for (const service of facts.mdns) if (service.host) candidates.push(hostLabel(service.host));

  const names: string[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const name = sanitizeText(candidate, MAX_NAME_LENGTH);
    const key = name.toLowerCase();
    if (name === '' || MACHINE_NAME.test(name) || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
