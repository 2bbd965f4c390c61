// A real IPP server, CUPS's ippeveprinter: discovery's one Get-Printer-Attributes reads its make, model and
// firmware over plain IPP and over TLS (IPPS: ippeveprinter takes both on one port, with a self-signed
// certificate of its own), the version probe takes the firmware from that answer without a request of its
// own, and the mock printer sends the firmware attributes with the syntax ippeveprinter gives them.
// ippeveprinter needs DNS-SD, so a private D-Bus and avahi (loopback only) run beside it in a private mount
// namespace. Runs only as root inside a network namespace (ip netns exec …), never on the host's own.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDevice } from '../../src/audit/devices.js';
import { probeIpp } from '../../src/discovery/tcp/ipp-probe.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { DEFAULT_VERSION_PROBE_CAPS, readFirmwareVersions, type ProbeIpp } from '../../src/identify/version-probes/index.js';
import { loadVersionProbes } from '../../src/knowledge/version-probes.js';
import { ippAnswer } from '../../src/mocks/tcp/ipp-answer.js';
import type { IppInfo } from '../../src/model.js';
import { createLimitedAgent } from '../../src/protocols/http/limited-client.js';
import { encodeGetPrinterAttributes, getPrinterAttributes, parseIppResponse, type IppValue } from '../../src/protocols/ipp/index.js';
import { emptyFacts } from '../helpers/host-facts.js';

const BINARIES = ['/usr/sbin/ippeveprinter', '/usr/sbin/avahi-daemon', '/usr/bin/dbus-daemon', '/usr/bin/unshare'];
const IP = '127.0.0.1';
// An unusual port, so the printer's wildcard listener meets no mock fleet of another test in the namespace.
const PORT = 39631;

const ATTRIBUTES = {
  'printer-make-and-model': 'Quillon JetDesk 410',
  'printer-device-id': 'MFG:Quillon;MDL:JetDesk 410;CMD:PDF,URF;',
  'printer-firmware-name': 'JetDesk',
  'printer-firmware-string-version': '2.4.1',
  'printer-firmware-version': '2.4.1',
};

/** Whether this process runs in a namespace made with `ip netns add` (one of /run/netns), not the host's own. */
function inNamedNetworkNamespace(): boolean {
  try {
    const own = statSync('/proc/self/ns/net');
    return readdirSync('/run/netns').some((name) => {
      const named = statSync(join('/run/netns', name));
      return named.ino === own.ino && named.dev === own.dev;
    });
  } catch {
    return false;
  }
}

const skipReason =
  process.getuid?.() !== 0 ? 'needs root (a private mount namespace for avahi and D-Bus)'
  : BINARIES.find((path) => !existsSync(path)) !== undefined ? `${BINARIES.find((path) => !existsSync(path))} is not installed (Debian: cups-ipp-utils, avahi-daemon, dbus-daemon)`
  : !inNamedNetworkNamespace() ? 'runs only inside a network namespace of its own (ip netns exec NS npx vitest run …), so avahi sends nothing on the host'
  : null;
if (skipReason) console.log(`ippeveprinter: skipped, ${skipReason}`);

let dir: string;
let printer: ChildProcess | undefined;

/** The printer's port accepting connections, polled for at most timeoutMs. */
async function listening(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: IP, port: PORT, timeout: 500 });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => (socket.destroy(), resolve(false)));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`ippeveprinter did not listen on ${IP}:${PORT} within ${timeoutMs} ms`);
}

beforeAll(async () => {
  if (skipReason) return;
  dir = mkdtempSync(join(tmpdir(), 'homeaudit-ippeve-'));
  const bus = `unix:path=${dir}/dbus.sock`;
  writeFileSync(join(dir, 'dbus.conf'), [
    '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">',
    `<busconfig><type>system</type><listen>${bus}</listen><auth>EXTERNAL</auth>`,
    '<policy context="default"><allow user="*"/><allow own="*"/><allow send_destination="*"/><allow receive_sender="*"/></policy></busconfig>',
  ].join('\n'));
  writeFileSync(join(dir, 'avahi.conf'), '[server]\nhost-name=jetdesk-410\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces=lo\nenable-dbus=yes\n[wide-area]\nenable-wide-area=no\n[publish]\npublish-hinfo=no\npublish-workstation=no\n');
  const syntax = (name: string) => (name === 'printer-firmware-version' ? 'octetString' : name === 'printer-firmware-name' ? 'name' : 'text');
  writeFileSync(join(dir, 'printer.conf'), Object.entries(ATTRIBUTES).map(([name, value]) => `ATTR ${syntax(name)} ${name} "${value}"\n`).join(''));
  // A private /run for avahi's pid file; the bus first, avahi on it, then the printer, which registers through it.
  writeFileSync(join(dir, 'run.sh'), [
    'set -eu',
    'mount -t tmpfs homeaudit-ippeve /run && mkdir -p /run/avahi-daemon',
    `export DBUS_SYSTEM_BUS_ADDRESS=${bus}`,
    `dbus-daemon --config-file=${dir}/dbus.conf --nofork --nopidfile &`,
    `i=0; while [ ! -S ${dir}/dbus.sock ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done`,
    `avahi-daemon -f ${dir}/avahi.conf --no-drop-root --no-chroot --no-rlimits &`,
    'sleep 0.5',
    `mkdir -p ${dir}/spool ${dir}/keys`,
    `ippeveprinter -a ${dir}/printer.conf -K ${dir}/keys -d ${dir}/spool -p ${PORT} "Quillon JetDesk 410" &`,
    'wait',
  ].join('\n'));
  // Its own process group, so the bus, avahi and the printer all end with one signal.
  printer = spawn('/usr/bin/unshare', ['--mount', '--propagation', 'private', 'sh', join(dir, 'run.sh')], { detached: true, stdio: 'ignore' });
  await listening(15_000);
}, 30_000);

afterAll(() => {
  if (printer?.pid !== undefined) {
    try {
      process.kill(-printer.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const EXPECTED: IppInfo = {
  makeAndModel: 'Quillon JetDesk 410',
  deviceId: 'MFG:Quillon;MDL:JetDesk 410;CMD:PDF,URF;',
  firmwareStringVersion: '2.4.1',
  firmwareVersion: '2.4.1',
  path: '/ipp/print',
};

async function readOnce(tls: boolean): Promise<IppInfo | null> {
  const agent = createLimitedAgent(2500);
  try {
    return await probeIpp(IP, PORT, agent, 2500, AbortSignal.timeout(20_000), tls);
  } finally {
    await agent.close();
  }
}

describe.skipIf(skipReason !== null)('ippeveprinter, a real IPP server', () => {
  it('gives make, model and firmware to discovery\'s one request over plain IPP', async () => {
    expect(await readOnce(false)).toEqual(EXPECTED);
  });

  it('gives the same over TLS (IPPS) on the same port, its self-signed certificate accepted for this read', async () => {
    expect(await readOnce(true)).toEqual(EXPECTED);
  });

  it('lets the version probe take the firmware from that answer, naming IPPS and the attribute, with no request of its own', async () => {
    const ipp = await readOnce(true);
    const facts = emptyFacts({
      ip: IP,
      mdns: [{ instance: 'Quillon JetDesk 410', type: '_ipps._tcp', port: PORT, txt: { rp: 'ipp/print' } }],
      ports: [{ transport: 'tcp', port: PORT, name: 'ipps', tls: true, http: { status: 200, headers: {} }, ipp: ipp! }],
      discoveredBy: ['mdns', 'tcp'],
    });
    const device = toDevice(facts, identify(facts, loadFingerprints()), []);
    const asked: string[] = [];
    const noRequest: ProbeIpp = async (url) => {
      asked.push(url);
      return new Map();
    };
    const [read] = await readFirmwareVersions([device], loadVersionProbes(), { ...DEFAULT_VERSION_PROBE_CAPS, get: async () => ({ status: 404, body: Buffer.alloc(0) }), ipp: noRequest, signal: new AbortController().signal });
    expect(asked).toEqual([]);
    expect(read!.firmware).toBe('2.4.1');
    expect(read!.identity.firmwareEvidence).toEqual({
      via: 'status-page',
      probeId: 'ipp-printer-firmware',
      detail: `self-reported: IPPS (IPP over TLS) Get-Printer-Attributes on :${PORT}/ipp/print without a login → printer-firmware-string-version 2.4.1`,
    });
  });

  it('and the mock printer sends each firmware attribute with the syntax ippeveprinter uses', async () => {
    const names = Object.keys(ATTRIBUTES);
    const agent = createLimitedAgent(2500);
    let real: Map<string, IppValue[]>;
    try {
      real = (await getPrinterAttributes(`http://${IP}:${PORT}/ipp/print`, names, { agent, timeoutMs: 2500, maxBytes: 64 * 1024, signal: AbortSignal.timeout(20_000) })).attributes;
    } finally {
      await agent.close();
    }
    const request = { method: 'POST', path: '/ipp/print', headers: { 'content-type': 'application/ipp' }, body: encodeGetPrinterAttributes(`ipp://${IP}/ipp/print`, names) };
    const mock = parseIppResponse(ippAnswer(request as Parameters<typeof ippAnswer>[0], ATTRIBUTES).body as Buffer).attributes;
    for (const name of names) expect({ name, kind: mock.get(name)?.[0]?.kind }).toEqual({ name, kind: real.get(name)?.[0]?.kind });
    expect(real.get('printer-firmware-version')?.[0]?.kind).toBe('octets');
  });
});
