// Builds the real-daemon home network and tears it down. Every namespace carries this run's id, so two
// runs never meet; teardown ends the processes it started by PID (and anything they forked, found by
// namespace), then deletes the namespaces. Nothing is created in the host's own network namespace.

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountFiles } from './accounts.js';
import { pamFiles, planDaemon, type DaemonPlan } from './daemon-configs.js';
import { inNamespace, runCommand } from './run-command.js';
import { loadNetworkSpec, REALNET_DIR, type DeviceSpec, type NetworkSpec } from './spec.js';

export interface RealNetwork {
  runId: string;
  dir: string;
  spec: NetworkSpec;
  scannerNamespace: string;
  /** The WAN side's dead end: a namespace with no device in it, where a load generator can run. */
  deadEndNamespace: string;
  namespaceOf(deviceId: string): string;
  /** Starts a process inside a namespace (a load generator); teardown ends it with the rest. */
  startInNamespace(namespace: string, label: string, argv: string[]): number;
  /** Ends every process and namespace of the run; the daemon logs stay when keepLogs (or REALNET_KEEP_LOGS). */
  teardown(keepLogs?: boolean): Promise<void>;
  /** The same, synchronously and at once (SIGKILL), for a process that is exiting before teardown ran. */
  teardownNow(): void;
}

const READY_TIMEOUT_MS = 20_000;
const PREFIX_LENGTH = 7;

class RealnetBuildError extends Error {
  override name = 'RealnetBuildError';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content, { mode: relative.startsWith('etc/shadow') ? 0o600 : 0o644 });
  }
}

/** The TCP and UDP ports listening in a namespace, read with ss. */
async function listening(namespace: string): Promise<{ tcp: Set<number>; udp: Set<number> }> {
  const read = async (flag: string) => {
    const { stdout } = await runCommand(inNamespace(namespace, ['ss', '-Hn', flag]));
    // Columns: state, recv-q, send-q, local address:port, peer.
    return new Set(stdout.split('\n').map((line) => Number(/:(\d+)$/.exec(line.split(/\s+/)[3] ?? '')?.[1])).filter((port) => port > 0));
  };
  return { tcp: await read('-tl'), udp: await read('-ul') };
}

function daemonPorts(device: DeviceSpec): { tcp: number[]; udp: number[] } {
  const tcp: number[] = [];
  const udp: number[] = [];
  for (const daemon of device.daemons) {
    switch (daemon.type) {
      case 'lighttpd': tcp.push(...daemon.ports, ...(daemon.tlsPorts ?? [])); break;
      case 'miniupnpd': tcp.push(5000); udp.push(1900, 5351); break;
      case 'telnetd': case 'rtsp': case 'sshd': case 'vsftpd': case 'mosquitto': case 'ippeveprinter': tcp.push(daemon.port); break;
      case 'minidlna': tcp.push(daemon.port); udp.push(1900); break;
      case 'avahi': udp.push(5353); break;
      case 'snmpd': udp.push(161); break;
      case 'wsdd': tcp.push(5357); udp.push(3702); break;
      case 'upnp-mappings': break;
    }
  }
  return { tcp, udp };
}

export async function buildRealNetwork(log: (line: string) => void = () => {}): Promise<RealNetwork> {
  const spec = loadNetworkSpec();
  const runId = randomBytes(2).toString('hex');
  const prefix = `rn${runId}-`.slice(0, PREFIX_LENGTH);
  const dir = mkdtempSync(path.join(os.tmpdir(), `homeaudit-realnet-${runId}-`));
  // Traversable (not listable) by the devices' own accounts: vsftpd and sshd change into the user's home
  // under it after a login, and mkdtemp's 0700 made every non-root login fail after its password was accepted.
  chmodSync(dir, 0o711);
  const namespaces: string[] = [];
  const pids: Array<{ pid: number; label: string; exited: boolean }> = [];
  const lan = `${prefix}lan`;
  const wan = `${prefix}wan`;
  const scanner = `${prefix}scan`;
  const namespaceOf = (id: string) => `${prefix}${id}`;

  const ip = (namespace: string, ...args: string[]) => runCommand(['ip', '-n', namespace, ...args]);
  const addNamespace = async (name: string) => {
    await runCommand(['ip', 'netns', 'add', name]);
    namespaces.push(name);
    await ip(name, 'link', 'set', 'lo', 'up');
  };
  const startInNamespace = (namespace: string, label: string, argv: string[], env: Record<string, string> = {}): number => {
    const logFile = path.join(dir, `${namespace}-${label}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn('ip', ['netns', 'exec', namespace, ...argv], { stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
    closeSync(fd);
    child.on('error', () => {});
    if (child.pid === undefined) throw new RealnetBuildError(`${label} in ${namespace} did not start`);
    const started = { pid: child.pid, label: `${namespace}/${label}`, exited: false };
    // An exited daemon's PID may be reused by someone else's process: never signal it again.
    child.on('exit', () => (started.exited = true));
    pids.push(started);
    child.unref();
    return child.pid;
  };
  /** A veth from the namespace's eth0 to a port of the LAN bridge. */
  const plugIn = async (namespace: string, address: string, mac: string, port: string) => {
    await ip(namespace, 'link', 'add', 'eth0', 'address', mac, 'type', 'veth', 'peer', 'name', port, 'netns', lan);
    await ip(namespace, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
    await ip(namespace, 'link', 'set', 'eth0', 'up');
    await ip(lan, 'link', 'set', port, 'master', 'br0', 'up');
  };

  const teardown = async (keepLogs = Boolean(process.env.REALNET_KEEP_LOGS)) => {
    const signal = async (sig: NodeJS.Signals, targets: number[]) => {
      for (const pid of targets) {
        try { process.kill(pid, sig); } catch { /* already gone */ }
      }
    };
    const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    // Whatever runs in our namespaces is ours: the daemons we started and the sessions they forked.
    const inOurNamespaces = async () => {
      const found = new Set(pids.filter((p) => !p.exited).map((p) => p.pid));
      for (const name of namespaces) {
        const { stdout } = await runCommand(['ip', 'netns', 'pids', name], { allowFailure: true });
        for (const pid of stdout.split('\n').map(Number).filter((n) => n > 0)) found.add(pid);
      }
      return [...found].filter(alive);
    };
    let remaining = await inOurNamespaces();
    await signal('SIGTERM', remaining);
    for (let waited = 0; waited < 3000 && remaining.some(alive); waited += 100) await sleep(100);
    remaining = await inOurNamespaces();
    await signal('SIGKILL', remaining);
    for (let waited = 0; waited < 2000 && remaining.some(alive); waited += 100) await sleep(100);
    for (const name of namespaces.reverse()) await runCommand(['ip', 'netns', 'del', name], { allowFailure: true });
    namespaces.length = 0;
    if (keepLogs) log(`realnet: daemon logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };

  const teardownNow = () => {
    const found = new Set(pids.filter((p) => !p.exited).map((p) => p.pid));
    for (const name of namespaces) {
      try {
        for (const pid of execFileSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).split('\n').map(Number).filter((n) => n > 0)) found.add(pid);
      } catch { /* namespace already gone */ }
    }
    for (const pid of found) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    for (const name of namespaces.reverse()) {
      try { execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore' }); } catch { /* already gone */ }
    }
    namespaces.length = 0;
    if (!process.env.REALNET_KEEP_LOGS) rmSync(dir, { recursive: true, force: true });
  };

  try {
    log(`realnet: run ${runId}, namespaces ${prefix}*, files in ${dir}`);
    await addNamespace(lan);
    await ip(lan, 'link', 'add', 'br0', 'type', 'bridge');
    await ip(lan, 'link', 'set', 'br0', 'up');
    await addNamespace(wan);
    await addNamespace(scanner);
    await plugIn(scanner, spec.scanner.ip, spec.scanner.mac, 'vscan');
    await ip(scanner, 'route', 'add', 'default', 'via', spec.router);

    for (const device of spec.devices) {
      const namespace = namespaceOf(device.id);
      await addNamespace(namespace);
      await plugIn(namespace, device.ip, device.mac, `v${device.ip.split('.').pop()}`);
      if (device.ip === spec.router) {
        // The WAN side ends in a namespace with nothing behind it: mappings exist, nothing reaches out.
        await ip(namespace, 'link', 'add', 'wan0', 'type', 'veth', 'peer', 'name', 'wan1', 'netns', wan);
        await ip(namespace, 'addr', 'add', spec.wan.router, 'dev', 'wan0');
        await ip(namespace, 'link', 'set', 'wan0', 'up');
        await ip(wan, 'addr', 'add', `${spec.wan.deadEnd}/24`, 'dev', 'wan1');
        await ip(wan, 'link', 'set', 'wan1', 'up');
        await ip(namespace, 'route', 'add', 'default', 'via', spec.wan.deadEnd);
        await runCommand(inNamespace(namespace, ['sysctl', '-qw', 'net.ipv4.ip_forward=1']));
      } else {
        await ip(namespace, 'route', 'add', 'default', 'via', spec.router);
      }
    }

    for (const device of spec.devices) {
      const namespace = namespaceOf(device.id);
      const deviceDir = path.join(dir, device.id);
      mkdirSync(deviceDir, { recursive: true });
      writeFiles(deviceDir, { ...(await accountFiles(device.accounts ?? [], deviceDir)), ...pamFiles(device, deviceDir) });
      for (const [index, daemon] of device.daemons.entries()) {
        const plan: DaemonPlan | null = planDaemon(spec, device, deviceDir, daemon, index);
        if (!plan) continue;
        writeFiles(deviceDir, plan.files);
        for (const step of plan.prepare) await runCommand(inNamespace(namespace, step));
        startInNamespace(namespace, `${plan.label}${index}`, [
          'unshare', '--mount', '--uts', '--propagation', 'private',
          'sh', `${REALNET_DIR}daemons/in-device.sh`, device.hostname, deviceDir, '--', ...plan.argv,
        ], plan.env);
      }
    }

    await waitUntilListening(spec, namespaceOf, pids);
    await askForPortMappings(spec, namespaceOf);
    log(`realnet: ${spec.devices.length} devices up`);
    return { runId, dir, spec, scannerNamespace: scanner, deadEndNamespace: wan, namespaceOf, startInNamespace: (ns, label, argv) => startInNamespace(ns, label, argv), teardown, teardownNow };
  } catch (error) {
    await teardown(true).catch(() => {});
    throw new RealnetBuildError(`the real-daemon network did not come up: ${error instanceof Error ? error.message : String(error)} (daemon logs kept in ${dir})`, { cause: error });
  }
}

async function waitUntilListening(spec: NetworkSpec, namespaceOf: (id: string) => string, pids: Array<{ label: string; exited: boolean }>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (const device of spec.devices) {
    const want = daemonPorts(device);
    for (;;) {
      const open = await listening(namespaceOf(device.id));
      const missing = [...want.tcp.filter((p) => !open.tcp.has(p)).map((p) => `tcp/${p}`), ...want.udp.filter((p) => !open.udp.has(p)).map((p) => `udp/${p}`)];
      if (missing.length === 0) break;
      if (Date.now() > deadline) {
        const dead = pids.filter((p) => p.exited).map((p) => p.label);
        throw new RealnetBuildError(`${device.id} does not listen on ${missing.join(', ')} after ${READY_TIMEOUT_MS} ms${dead.length ? `; ended: ${dead.join(', ')}` : ''}`);
      }
      await sleep(200);
    }
  }
}

async function askForPortMappings(spec: NetworkSpec, namespaceOf: (id: string) => string): Promise<void> {
  for (const device of spec.devices) {
    for (const daemon of device.daemons) {
      if (daemon.type !== 'upnp-mappings') continue;
      for (const mapping of daemon.mappings) {
        await runCommand(inNamespace(namespaceOf(device.id), [
          '/usr/bin/python3', `${REALNET_DIR}daemons/upnp-add-mapping.py`, `http://${spec.router}:5000/ctl/IPConn`,
          String(mapping.externalPort), mapping.protocol, device.ip, String(mapping.internalPort), mapping.description,
        ]));
      }
    }
  }
}
