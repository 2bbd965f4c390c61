// Lock-out facts are data (knowledge/lockout/lockout.yaml): after how many failed logins a service
// locks, and what it counts them over. The first entry that matches a service decides its budget.

import { join } from 'node:path';
import { assertUniqueIds, DataFileError, loadDataFile } from '../../knowledge/load-data.js';
import { vendorMatches } from '../../knowledge/name-match.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import type { Device } from '../../model.js';
import type { LoginProtocol } from '../../protocols/table.js';

export type LockoutScope = 'account' | 'address' | 'service' | 'device' | 'none';

export interface LockoutFact {
  id: string;
  match: { vendor?: string; software?: string; protocols?: LoginProtocol[] };
  /** Failed logins that lock; null: the service never locks. */
  failures: number | null;
  per: LockoutScope;
  lockSeconds?: number;
  resetsOnSuccess?: boolean;
  source: string;
  url?: string;
  checked?: string;
  reported?: string;
}

interface CompiledFact extends LockoutFact {
  softwarePattern?: RegExp;
}

export const LOCKOUT_FILE = join(PACKAGE_ROOT, 'knowledge', 'lockout', 'lockout.yaml');
export const LOCKOUT_SCHEMA = join(PACKAGE_ROOT, 'schema', 'lockout.schema.json');

export function loadLockoutFacts(file: string = LOCKOUT_FILE): CompiledFact[] {
  const data = loadDataFile<{ lockouts: LockoutFact[] }>(file, LOCKOUT_SCHEMA);
  assertUniqueIds(file, data.lockouts);
  const facts = data.lockouts.map((fact): CompiledFact => {
    if (fact.match.software === undefined) return fact;
    try {
      return { ...fact, softwarePattern: new RegExp(fact.match.software, 'i') };
    } catch (error) {
      throw new DataFileError(file, `lockouts (id "${fact.id}") › match.software: could not compile regex: ${(error as Error).message}`, { cause: error });
    }
  });
  const last = facts.at(-1)!;
  if (Object.keys(last.match).length > 0) throw new DataFileError(file, `lockouts: the last entry (id "${last.id}") must be the default, with an empty match`);
  return facts;
}

/** What a service tells about its software: its banner and, for HTTP, the Server header. */
export interface ServiceSoftware {
  protocol: LoginProtocol;
  software: string;
}

/** The fact that applies to one service of a device: vendor first, then software, protocol, default. */
export function lockoutFactFor(
  facts: readonly CompiledFact[],
  device: Pick<Device, 'vendor'>,
  service: ServiceSoftware,
): LockoutFact {
  const matches = (fact: CompiledFact): boolean =>
    (fact.match.vendor === undefined || vendorMatches(device.vendor, fact.match.vendor)) &&
    (fact.softwarePattern === undefined || fact.softwarePattern.test(service.software)) &&
    (fact.match.protocols === undefined || fact.match.protocols.includes(service.protocol));
  return facts.find(matches) ?? facts.at(-1)!;
}
