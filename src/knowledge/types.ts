// The shapes of the knowledge base that more than one stage reads. Each data file has a JSON Schema
// in schema/ and is validated at load; every entry names its source.

import type { DeviceKind } from '../model.js';

/**
 * Where a fact comes from: a public document or page. Exactly one of the two dates (YYYY-MM-DD):
 * `checked` when the entry was confirmed against that source, `reported` when it was written down
 * without being confirmed (the checks then lower their confidence).
 */
export interface Sourced {
  source: string;
  url?: string;
  checked?: string;
  reported?: string;
}

// The credential protocols come from the one protocol table.
import type { LoginProtocol } from '../protocols/table.js';
export { LOGIN_PROTOCOLS, type LoginProtocol } from '../protocols/table.js';

/** A factory account: vendor-specific (vendor/models set) or generic (vendor '*'). */
export interface CredentialEntry extends Sourced {
  id: string;
  /** The vendor as identification names it, or '*' for the short generic list of a protocol. */
  vendor: string;
  /** Model globs ("DS-2CD*"); absent = every model of the vendor. */
  models?: string[];
  protocols: LoginProtocol[];
  username: string;
  /** For SNMP: the community string. Never printed in full. */
  password: string;
  /** SNMP only: what the community allows. */
  access?: 'read' | 'write';
}

/** Latest firmware, end of support and known vulnerable ranges for a model family or a software component. */
export interface FirmwareEntry extends Sourced {
  id: string;
  /** A device family: vendor + model globs. Or a software component by name (dropbear, lighttpd, …). */
  vendor?: string;
  models?: string[];
  component?: string;
  latest?: string;
  /** Firmware versions this entry covers (e.g. Synology DSM 6.x only); absent = every version. */
  versions?: { from?: string; below?: string };
  /** Date after which the maker ships no more updates (YYYY-MM-DD): replace the device. */
  endOfSupport?: string;
  /**
   * What ended on `endOfSupport`: the device (default) or only the software line `versions` covers, when the same
   * device may take a newer line (Apple tvOS 17 on an Apple TV that tvOS 26 supports): then "update", not "replace".
   */
  endOfSupportOf?: 'device' | 'software-line';
  /** An internet provider's box (KPN, Ziggo, Odido): the provider updates and replaces it, not the household. */
  updatedBy?: 'provider';
  /** The provider that supplies and updates the box (with `updatedBy`). */
  provider?: string;
  /** Why a claim from this entry can only be possible (the network cannot tell the ended generation from later ones). */
  possibleBecause?: string;
  vulnerable?: Array<{
    /** Versions below this are affected (tolerant comparison). Absent with `from`: the record names models, not versions. */
    below?: string;
    /** And at or above this, when the range has a floor. */
    from?: string;
    cves: string[];
    /** CISA Known Exploited Vulnerabilities: the CVE ids from this range that are in KEV. */
    kev?: string[];
    severity: 'critical' | 'high' | 'medium' | 'low';
    /** The record says the maker ships no fix (end of life): every version of the named models is affected. */
    unfixed?: boolean;
  }>;
}

export type MfaSupport = 'required' | 'optional' | 'none' | 'unknown';

/** What a vendor's ecosystem (account, app, cloud) offers: the things the network cannot show. */
export interface VendorFacts extends Sourced {
  id: string;
  /** Vendor names as identification gives them (any of these matches). */
  vendors: string[];
  /** The account/app the user signs in with, e.g. "Google Home app (Google account)". */
  app: string;
  mfa: MfaSupport;
  /** Where in the app two-step verification is turned on, when optional. */
  mfaHowTo?: { nl: string; en: string };
  /** Personal data processed outside the EU/EEA (per the vendor's privacy statement). */
  dataOutsideEu: boolean | 'unknown';
  /** The device needs the vendor's cloud for its main function. */
  cloudRequired: boolean | 'unknown';
  /** The vendor publishes a minimum support (security update) period. */
  supportPeriodPublished: boolean | 'unknown';
  supportPeriod?: string;
  /** Device kinds this ecosystem covers (for advice), optional. */
  kinds?: DeviceKind[];
}

/** The knowledge the checks read. */
export interface CheckKnowledge {
  credentials: CredentialEntry[];
  firmware: FirmwareEntry[];
  vendors: VendorFacts[];
}
