import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLockoutFacts, lockoutFactFor } from '../../../src/checks/login/lockout-facts.js';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lockout-')), 'lockout.yaml');
  writeFileSync(path, text);
  return path;
}

describe('lock-out facts', () => {
  const facts = loadLockoutFacts();

  it('every shipped fact names its source, and the last one is the default of 3 counted device-wide', () => {
    expect(facts.every((fact) => fact.source.length > 10 && (fact.checked ?? fact.reported))).toBe(true);
    expect(facts.at(-1)).toMatchObject({ id: 'default', failures: 3, per: 'device' });
  });

  it('picks the fact by software, then protocol, else the default', () => {
    const unknown = { vendor: null };
    expect(lockoutFactFor(facts, unknown, { protocol: 'http', software: 'lighttpd/1.4.69' }).id).toBe('lighttpd-mod-auth');
    expect(lockoutFactFor(facts, unknown, { protocol: 'ssh', software: 'SSH-2.0-OpenSSH_9.2p1 Debian-2' }).id).toBe('pam-faillock');
    expect(lockoutFactFor(facts, unknown, { protocol: 'mqtt', software: '' }).id).toBe('mqtt-brokers');
    expect(lockoutFactFor(facts, unknown, { protocol: 'telnet', software: 'cam login:' }).id).toBe('default');
    // lighttpd's own fact is for its HTTP auth, not for a telnet banner that happens to name it.
    expect(lockoutFactFor(facts, unknown, { protocol: 'telnet', software: 'lighttpd' }).id).toBe('default');
  });

  it('refuses a bad regex and a file without a default last, naming the entry', () => {
    const entry = (id: string, match: string) => `  - {"id": "${id}", "match": ${match}, "failures": 3, "per": "device", "source": "test source"}\n`;
    expect(() => loadLockoutFacts(file(`lockouts:\n${entry('bad', '{"software": "("}')}${entry('default', '{}')}`))).toThrow(
      /lockouts \(id "bad"\) › match.software: could not compile regex/,
    );
    expect(() => loadLockoutFacts(file(`lockouts:\n${entry('only-ssh', '{"protocols": ["ssh"]}')}`))).toThrow(/the last entry \(id "only-ssh"\) must be the default/);
    expect(() => loadLockoutFacts(file('lockouts:\n  - {"id": "x", "match": {}, "failures": 0, "per": "device", "source": "test"}\n'))).toThrow(/lockout\.yaml/);
  });
});
