// An answer from the user (e.g. "MFA is on for my Ring account") re-runs the checks that read answers
// on that device (they touch no network), then risk and advice follow.

import type { AuditResult, Finding } from '../model.js';
import type { Answers } from '../model.js';
import { ANSWERABLE_CHECKS } from '../checks/registry.js';
import { runChecks, compareFindings } from '../checks/run-checks.js';
import { advise } from '../advice/index.js';
import { answersById } from './answers.js';
import { compareByRisk, withRisk } from './devices.js';
import type { Knowledge } from './knowledge.js';
import { DEFAULT_CHECK_TIMING } from './run-audit.js';

export async function applyAnswer(result: AuditResult, answers: Answers, knowledge: Knowledge): Promise<AuditResult> {
  const devices = result.devices;
  const byId = answersById(answers, devices);
  // A device whose answer was taken back is re-checked too, so its finding opens again.
  const answered = devices.filter((d) => byId[d.id] !== undefined || result.findings.some((f) => f.deviceId === d.id && f.settledBy));
  const rerun = new Set<string>(ANSWERABLE_CHECKS.map((c) => c.id));
  const fresh = await runChecks(answered, ANSWERABLE_CHECKS, {
    signal: new AbortController().signal,
    knowledge: knowledge.checks,
    devices,
    options: { login: false, maxAttempts: 0, ...DEFAULT_CHECK_TIMING },
    answers: byId,
    onLoginAttempt: () => {},
    now: () => new Date(result.finishedAt),
  });
  const answeredIds = new Set(answered.map((d) => d.id));
  const kept = result.findings.filter((f) => !(rerun.has(f.check) && f.deviceId !== null && answeredIds.has(f.deviceId)));
  const findings: Finding[] = [...kept, ...fresh.findings].sort(compareFindings);
  const withRisks = withRisk(devices, findings).sort(compareByRisk);
  return {
    ...result,
    devices: withRisks,
    findings,
    advice: advise({ devices: withRisks, findings, finishedAt: result.finishedAt }, knowledge.advice),
    stats: { ...result.stats, findings: findings.length },
  };
}
