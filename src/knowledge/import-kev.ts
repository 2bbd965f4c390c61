// Reads CISA's Known Exploited Vulnerabilities catalogue (the JSON file a user downloaded; CC0) and finds the
// vulnerable ranges whose CVEs it lists but the knowledge does not yet mark as KEV. Offline: it reads one file.

import { readFileSync } from 'node:fs';
import { DataFileError } from './load-data.js';
import type { CheckKnowledge, FirmwareEntry } from './types.js';

export interface KevCatalogue {
  catalogVersion: string;
  dateReleased: string;
  /** CVE id → date it was added to the catalogue. */
  added: Map<string, string>;
}

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/** Parses the catalogue; a malformed file fails naming the file and the record. */
export function readKevCatalogue(file: string): KevCatalogue {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataFileError(file, `not a readable KEV catalogue JSON: ${(error as Error).message}`, { cause: error });
  }
  const root = data as { catalogVersion?: unknown; dateReleased?: unknown; vulnerabilities?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.vulnerabilities)) {
    throw new DataFileError(file, 'not a KEV catalogue: no "vulnerabilities" list');
  }
  if (typeof root.catalogVersion !== 'string') throw new DataFileError(file, 'not a KEV catalogue: no "catalogVersion"');
  const added = new Map<string, string>();
  root.vulnerabilities.forEach((record: unknown, index: number) => {
    const { cveID, dateAdded } = (record ?? {}) as { cveID?: unknown; dateAdded?: unknown };
    if (typeof cveID !== 'string' || !CVE_ID.test(cveID)) throw new DataFileError(file, `vulnerabilities[${index}]: cveID ${JSON.stringify(cveID)} is not a CVE id`);
    if (typeof dateAdded !== 'string' || !DATE.test(dateAdded)) throw new DataFileError(file, `vulnerabilities[${index}] (${cveID}): dateAdded ${JSON.stringify(dateAdded)} is not a date`);
    added.set(cveID, dateAdded.slice(0, 10));
  });
  const dateReleased = typeof root.dateReleased === 'string' ? root.dateReleased.slice(0, 10) : root.catalogVersion.replaceAll('.', '-');
  return { catalogVersion: root.catalogVersion, dateReleased, added };
}

export interface KevRefresh {
  /** Entries with KEV ids added, ready to be written to the overlay. */
  entries: FirmwareEntry[];
  /** What changed, for the user: "qnap-qts: CVE-2020-2509 (added 2022-04-11)". */
  changes: string[];
}

/** The firmware entries whose ranges hold CVEs the catalogue lists but the entry does not mark as KEV. */
export function refreshKevMembership(knowledge: CheckKnowledge, catalogue: KevCatalogue): KevRefresh {
  const entries: FirmwareEntry[] = [];
  const changes: string[] = [];
  for (const entry of knowledge.firmware) {
    const newly: string[] = [];
    const vulnerable = (entry.vulnerable ?? []).map((range) => {
      const known = new Set(range.kev ?? []);
      const listed = range.cves.filter((cve) => catalogue.added.has(cve) && !known.has(cve));
      newly.push(...listed);
      return listed.length > 0 ? { ...range, kev: [...known, ...listed] } : range;
    });
    if (newly.length === 0) continue;
    const unique = [...new Set(newly)];
    const dates = unique.map((cve) => `${cve} added ${catalogue.added.get(cve)}`).join(', ');
    const { overlay: _overlay, ...plain } = entry as FirmwareEntry & { overlay?: string };
    entries.push({ ...plain, vulnerable, source: `${entry.source}; KEV membership from the CISA catalogue ${catalogue.catalogVersion} (${dates})` });
    changes.push(`${entry.id}: ${dates}`);
  }
  return { entries, changes };
}
