// Builds findings the same way for every check: stable ids, masked secrets, norms attached.

import type { CheckId, Confidence, Device, Finding, Severity, Text } from '../model.js';

/** Shows the shape of a secret, never the secret: "12345" → "1•••5", short ones fully masked. */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return '(empty)';
  if (secret.length <= 4) return '•'.repeat(secret.length);
  return `${secret[0]}${'•'.repeat(Math.min(secret.length - 2, 8))}${secret[secret.length - 1]}`;
}

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
