// A small LAN of network namespaces for discovery tests: a bridge namespace, one for the devices and one for the
// scanner, each joined to the bridge by a veth pair, so multicast stays inside namespaces the test made.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface LanNamespaces {
  bridge: string;
  devices: string;
  scan: string;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' });
}

export function removeLan(lan: LanNamespaces): void {
  for (const ns of Object.values(lan)) {
    try {
      ip('netns', 'del', ns);
    } catch {
      // not there
    }
  }
}

/** Builds the LAN afresh: the devices' namespace holds every device address, the scanner's namespace one. */
export function buildLan(lan: LanNamespaces, deviceAddresses: readonly string[], scanAddress: string, prefix = 24): void {
  removeLan(lan);
  for (const ns of Object.values(lan)) ip('netns', 'add', ns);
  ip('-n', lan.bridge, 'link', 'add', 'br0', 'type', 'bridge');
  // Each veth is created inside its namespace and its peer sent straight to the bridge namespace.
  ip('-n', lan.devices, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'pd', 'netns', lan.bridge);
  ip('-n', lan.scan, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'ps', 'netns', lan.bridge);
  for (const port of ['pd', 'ps']) ip('-n', lan.bridge, 'link', 'set', port, 'master', 'br0', 'up');
  ip('-n', lan.bridge, 'link', 'set', 'br0', 'up');
  for (const address of deviceAddresses) ip('-n', lan.devices, 'addr', 'add', `${address}/${prefix}`, 'dev', 'eth0');
  ip('-n', lan.scan, 'addr', 'add', `${scanAddress}/${prefix}`, 'dev', 'eth0');
  for (const ns of [lan.devices, lan.scan]) {
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    ip('-n', ns, 'link', 'set', 'eth0', 'up');
  }
}

function hasIp(): boolean {
  try {
    execFileSync('ip', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why a namespace LAN test cannot run here (null: it can), given the built files it runs. */
export function lanSkipReason(builtFiles: readonly string[]): string | null {
  if (process.getuid?.() !== 0) return 'not root: network namespaces need root';
  if (!hasIp()) return 'the `ip` tool (iproute2) is not installed';
  if (builtFiles.some((file) => !existsSync(file))) return 'no build in dist/: run `npm run build` (npm test does)';
  return null;
}

/** Runs a Node script inside a namespace and reads the JSON it prints; killed after 20 s. */
export function runJsonInNamespace<T>(ns: string, script: string, args: readonly string[], cwd: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', ns, process.execPath, script, ...args], { cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${err}`));
      resolve(JSON.parse(out) as T);
    });
  });
}
