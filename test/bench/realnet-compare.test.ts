// The real-daemon network's comparison and nmap parsing, on hand-made reports: runs without root.

import { describe, expect, it } from 'vitest';
import { compareWithTruth, judge, type ScanReport } from '../../src/bench/realnet/compare.js';
import { parseNmapXml } from '../../src/bench/realnet/nmap.js';
import type { Truth } from '../../src/bench/realnet/spec.js';

const truth: Truth = {
  devices: [{
    id: 'nas', ip: '192.168.77.30', kind: 'nas', vendor: null as unknown as string, model: 'DataVault 2', tcp: [21, 22], udp: [],
    findings: ['anonymous-ftp:ftp:21', 'default-credentials:ssh:22', 'exposed-by-port-mapping:tcp:2222'],
    credentials: [{ service: 'ssh', port: 22, username: 'root', password: 'admin' }],
    unclaimed: [{ service: 'ssh', port: 22, username: 'anna' }],
  }],
  mappings: [{ externalPort: 2222, protocol: 'TCP', internalIp: '192.168.77.30', internalPort: 22 }],
  knownGaps: [],
  knownGapsUnderLoad: [],
};

function report(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    devices: [{ id: 'd1', ip: '192.168.77.30', kind: 'nas', vendor: null, model: 'DataVault 2', firmware: null, services: [{ transport: 'tcp', port: 21 }, { transport: 'tcp', port: 22 }] }],
    findings: [
      { id: 'anonymous-ftp:d1:ftp:21', deviceId: 'd1', check: 'anonymous-ftp' },
      { id: 'default-credentials:d1:ssh:22', deviceId: 'd1', check: 'default-credentials', details: { service: 'ssh', port: 22, username: 'root', passwordMasked: 'a•••n' } },
      { id: 'exposed-by-port-mapping:d1:tcp:2222', deviceId: 'd1', check: 'exposed-by-port-mapping', details: { protocol: 'TCP', externalPort: 2222, internalPort: 22 } },
    ],
    stats: { durationMs: 1 },
    ...overrides,
  };
}

describe('compareWithTruth', () => {
  it('holds every expectation when the report says exactly what the truth says', () => {
    const failed = compareWithTruth(truth, report()).filter((e) => !e.ok);
    expect(failed).toEqual([]);
  });

  it('names a missed port, a false finding, a wrong password and a claimed unlisted account', () => {
    const wrong = report();
    wrong.devices[0]!.services = [{ transport: 'tcp', port: 21 }, { transport: 'tcp', port: 8080 }];
    wrong.findings = [
      { id: 'default-credentials:d1:ssh:22', deviceId: 'd1', check: 'default-credentials', details: { service: 'ssh', port: 22, username: 'root', passwordMasked: 'r••t' } },
      { id: 'default-credentials:d1:ssh:22:anna', deviceId: 'd1', check: 'default-credentials', details: { service: 'ssh', port: 22, username: 'anna', passwordMasked: '••••' } },
    ];
    const failed = compareWithTruth(truth, wrong).filter((e) => !e.ok).map((e) => e.id);
    expect(failed).toEqual([
      'port:nas:tcp/22',
      'no-extra-port:nas:tcp/8080',
      'finding:nas:anonymous-ftp:ftp:21',
      'finding:nas:exposed-by-port-mapping:tcp:2222',
      'no-false-finding:nas:default-credentials:ssh:22:anna',
      'credential:nas:ssh/22:root',
      'unclaimed:nas:ssh/22:anna',
      'mapping:TCP/2222->192.168.77.30:22',
    ]);
  });

  it('checks the sources the truth says must have seen a device', () => {
    const seenBy: Truth = { ...truth, devices: [{ ...truth.devices[0]!, discoveredBy: ['wsd'] }] };
    const unseen = compareWithTruth(seenBy, report()).filter((e) => !e.ok);
    expect(unseen).toEqual([{ id: 'discovered-by:nas:wsd', ok: false, detail: 'not seen by wsd (seen by: none)' }]);
    const seen = report();
    seen.devices[0]!.discoveredBy = ['tcp', 'wsd'];
    expect(compareWithTruth(seenBy, seen).filter((e) => !e.ok)).toEqual([]);
  });

  it('reports a device the truth does not have, and a locked account', () => {
    const extra = report();
    extra.devices.push({ id: 'd9', ip: '192.168.77.99', kind: 'unknown', vendor: null, model: null, firmware: null, services: [] });
    const failed = compareWithTruth(truth, extra, { unlocked: new Map([['nas:root', false]]) }).filter((e) => !e.ok).map((e) => e.id);
    expect(failed).toEqual(['no-extra-device:192.168.77.99', 'unlocked:nas:root']);
  });

  it('compares only ports in the pass under load', () => {
    const ids = compareWithTruth(truth, report(), { onlyPorts: true }).map((e) => e.id);
    expect(ids).toEqual(['device:nas', 'port:nas:tcp/21', 'port:nas:tcp/22']);
  });
});

describe('judge', () => {
  it('lets a known gap fail, fails on any other miss, and flags a gap that now holds', () => {
    const verdict = judge(
      [{ id: 'a', ok: false, detail: '' }, { id: 'b', ok: false, detail: '' }, { id: 'c', ok: true, detail: '' }],
      [{ expectation: 'a', issue: 10, reason: 'x' }, { expectation: 'c', issue: 11, reason: 'y' }, { expectation: 'gone', issue: 12, reason: 'z' }],
    );
    expect(verdict.unexpectedFailures.map((e) => e.id)).toEqual(['b']);
    expect(verdict.knownFailures.map((e) => e.id)).toEqual(['a']);
    expect(verdict.liftedGaps.map((g) => g.expectation)).toEqual(['c', 'gone']);
  });

  it('does not call a timing gap lifted when it holds on a quiet machine, but does when it is gone', () => {
    const verdict = judge([{ id: 'a', ok: true, detail: '' }], [{ expectation: 'a', issue: 14, reason: 'x', timing: true }, { expectation: 'gone', issue: 14, reason: 'y', timing: true }]);
    expect(verdict.liftedGaps.map((g) => g.expectation)).toEqual(['gone']);
  });
});

describe('parseNmapXml', () => {
  it('reads open ports with their scripts, for hosts that are up', () => {
    const xml = `<?xml version="1.0"?><nmaprun>
      <host><status state="up"/><address addr="192.168.77.20" addrtype="ipv4"/><address addr="02:52:4E:00:00:14" addrtype="mac"/>
        <ports><port protocol="tcp" portid="23"><state state="open"/><service name="telnet" product="BusyBox telnetd"/>
          <script id="telnet-brute" output="&#xa;  Accounts: &#xa;    root:xc3511 - Valid credentials"/></port>
        <port protocol="tcp" portid="80"><state state="closed"/></port></ports></host>
      <host><status state="down"/><address addr="192.168.77.21" addrtype="ipv4"/></host>
    </nmaprun>`;
    const parsed = parseNmapXml(xml);
    expect(parsed.hosts).toEqual(['192.168.77.20']);
    expect(parsed.ports).toEqual([{ ip: '192.168.77.20', protocol: 'tcp', port: 23, service: 'telnet BusyBox telnetd', scripts: { 'telnet-brute': '\n  Accounts: \n    root:xc3511 - Valid credentials' } }]);
  });
});
