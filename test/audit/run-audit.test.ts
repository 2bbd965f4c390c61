// The pipeline as a whole on a few devices of the home fleet: abort keeps what was found; answers settle.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_FLEET_FILE, loadFleet, startFleet } from '../../src/mocks/index.js';
import type { RunningFleet } from '../../src/mocks/runner.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { applyAnswer } from '../../src/audit/apply-answer.js';
import { loadKnowledge } from '../../src/audit/knowledge.js';
import { resolveScope } from '../../src/scope/index.js';
import type { AuditEvent } from '../../src/model.js';

let fleet: RunningFleet;
const knowledge = loadKnowledge();
const router = '127.92.0.1';

beforeAll(async () => {
  fleet = await startFleet(loadFleet(HOME_FLEET_FILE, { range: '127.92.0.0/24' }));
});
afterAll(async () => {
  await fleet?.close();
});

const audit = (targets: string[], extra: { answers?: Record<string, Record<string, boolean>>; signal?: AbortSignal; onEvent?: (e: AuditEvent) => void } = {}) =>
  runAudit(
    { scope: resolveScope({ targets }), knowledge, login: false, maxAttempts: 5, answers: extra.answers ?? {} },
    { ...(extra.signal ? { signal: extra.signal } : {}), ...(extra.onEvent ? { onEvent: extra.onEvent } : {}) },
  );

describe('runAudit', () => {
  it('stops on abort during discovery, keeps the hosts already seen and runs no checks', async () => {
    const controller = new AbortController();
    const seen = new Set<string>();
    const result = await audit(['127.92.0.0/27'], {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'host-found') {
          seen.add(e.ip);
          if (seen.size >= 3) controller.abort();
        }
      },
    });
    expect(result.aborted).toBe(true);
    expect(result.findings).toEqual([]);
    expect(result.devices.length).toBeGreaterThanOrEqual(1);
    for (const d of result.devices) expect(seen.has(d.ip)).toBe(true);
    expect(result.stats.stageMs.checks).toBeUndefined();
    // Nothing was checked: no device may look clean.
    for (const d of result.devices) expect(result.checkCoverage?.[d.id], d.ip).toBe('none');
  });

  it('marks the devices whose checks a stop cut short as not (fully) checked, the finished ones as checked', async () => {
    const controller = new AbortController();
    let findings = 0;
    const result = await audit(['127.92.0.0/28'], {
      signal: controller.signal,
      onEvent: (e) => {
        // Stop right after the first finding: some checks have run, others not.
        if (e.type === 'finding' && ++findings === 1) controller.abort();
      },
    });
    expect(result.aborted).toBe(true);
    const coverage = Object.values(result.checkCoverage ?? {});
    expect(coverage.length).toBe(result.devices.length);
    expect(coverage.some((c) => c !== 'all')).toBe(true);
  });

  it('says every device was checked when nothing stopped the scan', async () => {
    const result = await audit([router]);
    expect(result.checkCoverage).toEqual({ [result.devices[0]!.id]: 'all' });
  });

  it('takes an answer back: the settled finding opens again', async () => {
    const answered = await audit([router], { answers: { [router]: { 'mfa-enabled': true } } });
    const settled = answered.findings.find((f) => f.check === 'missing-mfa' && f.settledBy);
    expect(settled).toBeDefined();
    const undone = await applyAnswer(answered, {}, knowledge);
    expect(undone.findings.find((f) => f.id === settled!.id)?.settledBy).toBeUndefined();
  });

  it('settles the MFA finding with an answer given by address, before or after the scan', async () => {
    const plain = await audit([router]);
    const mfa = plain.findings.find((f) => f.check === 'missing-mfa');
    expect(mfa, 'the FRITZ!Box plants missing-mfa').toBeDefined();
    expect(mfa?.settledBy).toBeUndefined();

    const answered = await audit([router], { answers: { [router]: { 'mfa-enabled': true } } });
    const settled = answered.findings.find((f) => f.id === mfa?.id);
    expect(settled?.settledBy).toBeTruthy();
    expect(answered.advice.some((a) => a.findingIds.includes(mfa!.id))).toBe(false);

    const later = await applyAnswer(plain, { [router]: { 'mfa-enabled': true } }, knowledge);
    expect(later.findings.find((f) => f.id === mfa?.id)?.settledBy).toBeTruthy();
    expect(later.findings.filter((f) => f.check !== 'missing-mfa')).toEqual(plain.findings.filter((f) => f.check !== 'missing-mfa'));
  });
});
