// Builds findings the same way for every check: stable ids, norms attached (secrets masked with util/mask-secret).

import type { CheckId, Confidence, Device, Finding, Severity, Text } from '../model.js';

// Checks mask what they found; the golden report fixture builds findings the way a check does.
export { maskSecret } from '../util/mask-secret.js';

export interface FindingInput {
  check: CheckId;
  device: Pick<Device, 'id'> | null;
  /** What makes this finding distinct on its device (e.g. "http:80", "telnet:23"): part of the stable id. */
  key: string;
  severity: Severity;
  title: Text;
  evidence: string[];
  standards: string[];
  confidence: Confidence;
  details?: Finding['details'];
}

export function makeFinding(input: FindingInput): Finding {
  const deviceId = input.device?.id ?? null;
  return {
    id: `${input.check}:${deviceId ?? 'household'}:${input.key}`,
    deviceId,
    check: input.check,
    severity: input.severity,
    title: input.title,
    evidence: input.evidence,
    standards: input.standards,
    confidence: input.confidence,
    details: input.details ?? {},
  };
}

/** Norm labels as they appear in reports, so every check spells them the same way. */
export const etsi = (provision: string): string => `ETSI EN 303 645 ${provision}`;
export const owasp = (item: 'I1' | 'I2' | 'I3' | 'I4' | 'I5' | 'I6' | 'I7' | 'I8' | 'I9' | 'I10'): string =>
  `OWASP IoT Top 10 2018 ${item}`;
