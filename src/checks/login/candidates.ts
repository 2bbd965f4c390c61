// Which factory accounts to try on a service: the device's own vendor/model entries first, then the
// vendor's entries for every model, then the short generic list ('*') of the protocol; capped.

import type { CredentialEntry, LoginProtocol } from '../../knowledge/types.js';
import { globToRegExp } from './login-forms.js';

export interface Candidate {
  username: string;
  password: string;
  entryId: string;
}

function sameVendor(entry: CredentialEntry, vendor: string | null): boolean {
  return vendor !== null && entry.vendor !== '*' && globToRegExp(entry.vendor).test(vendor);
}

function modelMatches(entry: CredentialEntry, model: string | null): boolean {
  return model !== null && (entry.models ?? []).some((glob) => globToRegExp(glob).test(model));
}

/** Ordered, de-duplicated candidates for one protocol, at most `max`. */
export function selectCandidates(
  credentials: CredentialEntry[],
  device: { vendor: string | null; model: string | null },
  protocol: LoginProtocol,
  max: number,
): Candidate[] {
  const forProtocol = credentials.filter((c) => c.protocols.includes(protocol));
  const modelSpecific = forProtocol.filter((c) => sameVendor(c, device.vendor) && c.models && modelMatches(c, device.model));
  const vendorWide = forProtocol.filter((c) => sameVendor(c, device.vendor) && !c.models);
  const generic = forProtocol.filter((c) => c.vendor === '*');
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const entry of [...modelSpecific, ...vendorWide, ...generic]) {
    const key = `${entry.username}\u0000${entry.password}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ username: entry.username, password: entry.password, entryId: entry.id });
    if (out.length >= max) break;
  }
  return out;
}
