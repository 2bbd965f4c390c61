// --no-login: the audit of the home fleet with login switched off makes no login attempt at all, as
// the mock devices count them, announces none, and reports no password finding.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFleet } from '../../src/mocks/index.js';
import { auditFleet, loadExpectedFindings, reportedFindings, startHomeFleet, type AuditOfFleet } from './home-fleet-audit.js';

const RANGE = '127.85.3.0/24';

/**
 * Checks that need a login attempt of some kind and so step aside with --no-login: factory passwords,
 * any-password probes, and (by the checks' own design) an anonymous MQTT CONNECT, an anonymous FTP
 * USER and an SNMP SET with a guessed write community.
 */
const LOGIN_CHECKS = new Set(['default-credentials', 'accepts-any-password', 'mqtt-no-auth', 'anonymous-ftp', 'snmp-write-community']);

let running: RunningFleet;
let audit: AuditOfFleet;

beforeAll(async () => {
  running = await startHomeFleet(RANGE);
  audit = await auditFleet(running, { login: false });
}, 60_000);

afterAll(async () => {
  await running?.close();
});

describe('an audit of the home fleet without logins', () => {
  it('still finds every device', () => {
    expect(audit.devices.size).toBe(running.fleet.devices.length);
  });

  it('makes no login attempt on any device, as the mocks count them', () => {
    const attempts = Object.fromEntries([...running.states].map(([id, state]) => [id, state.loginAttempts]));
    const none = Object.fromEntries(running.fleet.devices.map((device) => [device.id, 0]));
    expect(attempts).toEqual(none);
  });

  it('announces no login attempt', () => {
    expect(audit.result.stats.loginAttempts).toBe(0);
    expect([...audit.announcedAttempts.values()].every((count) => count === 0)).toBe(true);
  });

  it('reports no password finding', () => {
    const passwordChecks = audit.result.findings.filter(
      (finding) => finding.check === 'default-credentials' || finding.check === 'accepts-any-password',
    );
    expect(passwordChecks).toEqual([]);
  });

  it('reports the rest of the expected list, finding by finding', () => {
    const withoutLogin = Object.fromEntries(
      Object.entries(loadExpectedFindings('no-login')).map(([id, findings]) => [id, findings.filter((f) => !LOGIN_CHECKS.has(f.check))]),
    );
    expect(reportedFindings(audit, running)).toEqual(withoutLogin);
  });
});
