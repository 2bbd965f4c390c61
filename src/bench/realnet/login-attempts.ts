// Login attempts per service, counted on the devices from their daemons' own logs: sshd's
// Failed/Accepted lines, vsftpd's PASS commands, lighttpd's requests that carry credentials, mosquitto's
// CONNECTs. Telnet (busybox login) and SNMP log nothing per attempt, so they are not counted.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { RealNetwork } from './network.js';

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
}

/** Attempts so far, by `device service/port`. */
export function countLoginAttempts(network: RealNetwork): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, n: number) => { if (n > 0) counts.set(key, (counts.get(key) ?? 0) + n); };
  for (const device of network.spec.devices) {
    const namespace = network.namespaceOf(device.id);
    const deviceDir = path.join(network.dir, device.id);
    for (const [index, daemon] of device.daemons.entries()) {
      const daemonLog = (label: string) => path.join(network.dir, `${namespace}-${label}${index}.log`);
      if (daemon.type === 'sshd') add(`${device.id} ssh/${daemon.port}`, lines(daemonLog('sshd')).filter((l) => /^(Failed|Accepted) \S+ for /.test(l)).length);
      if (daemon.type === 'mosquitto') add(`${device.id} mqtt/${daemon.port}`, lines(daemonLog('mosquitto')).filter((l) => l.includes('New connection from')).length);
      if (daemon.type === 'vsftpd') add(`${device.id} ftp/${daemon.port}`, lines(path.join(deviceDir, 'vsftpd.log')).filter((l) => /FTP command: Client "[^"]*", "PASS /.test(l)).length);
      if (daemon.type === 'lighttpd') {
        const access = readdirSync(deviceDir).filter((f) => f === `lighttpd${index}-access.log`);
        for (const line of access.flatMap((f) => lines(path.join(deviceDir, f)))) {
          const [, port, , ...authorization] = line.split(' ');
          if (port && authorization.join(' ') !== '-' && authorization.length > 0) add(`${device.id} http/${port}`, 1);
        }
      }
    }
  }
  return counts;
}

export function subtractCounts(after: Map<string, number>, before: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of after) if (n - (before.get(key) ?? 0) > 0) out.set(key, n - (before.get(key) ?? 0));
  return out;
}
