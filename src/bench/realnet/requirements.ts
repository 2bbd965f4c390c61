// Whether the real-daemon network can run here: root (namespaces, ports below 1024) and the Debian
// packages of test/realnet/packages.txt. The reason it cannot is printed, never swallowed.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { REALNET_DIR, REPO_ROOT } from './spec.js';

export function realnetPackages(): string[] {
  return readFileSync(`${REALNET_DIR}packages.txt`, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
}

function installed(pkg: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) === 'install ok installed';
  } catch {
    return false;
  }
}

/** Why the network cannot run here, or null when it can. */
export function realnetSkipReason(): string | null {
  if (process.platform !== 'linux') return `needs Linux network namespaces (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root (network namespaces, daemons on ports below 1024); run as root or in CI';
  if (!existsSync('/usr/bin/dpkg-query')) return 'needs a Debian system (dpkg) with the packages of test/realnet/packages.txt';
  const missing = realnetPackages().filter((pkg) => !installed(pkg));
  if (missing.length > 0) return `Debian packages missing: ${missing.join(' ')} (.ci/run installs them)`;
  if (!existsSync(`${REPO_ROOT}dist/bin.js`)) return 'dist/bin.js is not built (npm run build)';
  return null;
}
