// The hostile fleet scanned in one run of the built CLI, every persona beside an honest plug: the scan
// ends within its documented worst case, memory stays bounded, nothing out of scope is contacted, no
// control byte reaches any output, every honest device is fully reported and every cut-off is said.

import { beforeAll, describe, expect, it } from 'vitest';
import { worstCaseMs } from '../../src/audit/worst-case.js';
import { controlBytes, runAttacks, type AttackScan } from '../../src/bench/hostile/run-attack.js';
import { HOSTILE_PERSONAS } from '../../src/mocks/hostile/personas.js';
import { built } from '../cli/helpers.js';

/** Peak memory of the home fleet audit is about 165 MB; an endless telnet took it past 600 MB. */
const MAX_RSS_MB = 400;
const personas = HOSTILE_PERSONAS.map((persona, index) => ({ persona, index }));
const budget = worstCaseMs(2 * personas.length).totalMs;
let scan: AttackScan;
let report: { devices: Array<{ ip: string; vendor: string | null; model: string | null; services: Array<{ port: number }> }>; stats: { sourceProblems: Array<{ message: string }>; checkProblems: string[] } };

describe.skipIf(!built)('the hostile fleet', () => {
  beforeAll(async () => {
    scan = await runAttacks(personas, budget + 30_000);
    report = JSON.parse(scan.json || '{"devices":[],"stats":{"sourceProblems":[],"checkProblems":[]}}');
  }, budget + 60_000);

  it('ends within the documented worst case, with its reports written', () => {
    expect(scan.exitCode, scan.stderr).not.toBeNull();
    expect([0, 1]).toContain(scan.exitCode);
    expect(scan.wallMs).toBeLessThan(budget);
    expect(scan.json).not.toBe('');
    expect(scan.markdown).not.toBe('');
    expect(scan.html).not.toBe('');
  });

  it('keeps peak memory bounded', () => {
    expect(scan.maxRssKb).toBeGreaterThan(0);
    expect(scan.maxRssKb / 1024).toBeLessThan(MAX_RSS_MB);
  });

  it('contacts nothing out of scope', () => {
    expect(scan.outsideContacts).toBe(0);
  });

  it('lets no control byte into stdout, stderr, JSON, Markdown or HTML', () => {
    for (const output of [scan.stdout, scan.stderr, scan.json, scan.markdown, scan.html]) expect(controlBytes(output)).toEqual([]);
  });

  it('still reports every honest device in full', () => {
    for (const { honestIp } of scan.attacks) {
      const plug = report.devices.find((d) => d.ip === honestIp);
      expect(plug, honestIp).toMatchObject({ vendor: 'TP-Link', model: 'P110' });
      expect(plug!.services.map((s) => s.port).sort((a, b) => a - b)).toEqual([80, 8080]);
    }
  });

  it('lists the mDNS devices that went silent or sent damaged packets, with what they said', () => {
    const ip = (name: string) => scan.attacks.find((a) => a.name === name)!.hostileIp;
    for (const name of ['mdns-then-silence', 'malformed-mdns']) {
      expect(report.devices.find((d) => d.ip === ip(name)), name).toBeDefined();
    }
  });

  it('says what each deadline cut off, and where', () => {
    const problems = [...report.stats.sourceProblems.map((p) => p.message), ...report.stats.checkProblems];
    const said = (ip: string, what: RegExp) => problems.some((p) => p.includes(ip) && what.test(p));
    const ip = (name: string) => scan.attacks.find((a) => a.name === name)!.hostileIp;
    expect(said(ip('trickling-description'), /description fetch .* cut off/)).toBe(true);
    expect(said(ip('endless-telnet'), /telnet .*:23: cut off: sent more than/)).toBe(true);
    expect(said(ip('open-negotiation'), /telnet .*:23: cut off: a negotiation left open/)).toBe(true);
    expect(said(ip('slow-soap-router'), /port mappings .* cut off by the time cap/)).toBe(true);
  });
});
