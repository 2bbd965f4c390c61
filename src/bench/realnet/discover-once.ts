// Runs discovery once (all sources, the named ones alone, or all but those named with a leading "-")
// over the real-daemon subnet and prints
// what it took and found as one JSON line. Started by discovery-times.ts inside the scanner's namespace;
// the first argument is the build to time (dist/ of this tree, or of another revision to compare with).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiscoverySource, HostFacts } from '../../model.js';

const [distDir = '', subnet = '', ...only] = process.argv.slice(2);
const load = (module: string) => import(pathToFileURL(path.join(distDir, module)).href);
const { discover } = (await load('discovery/index.js')) as { discover: (scope: unknown, options: unknown) => Promise<{ hosts: HostFacts[] }> };
const { resolveScope } = (await load('scope/index.js')) as { resolveScope: (input: { targets: string[] }) => unknown };

const ALL: DiscoverySource[] = ['mdns', 'ssdp', 'snmp', 'tcp', 'neighbours',
  'wsd',
];
const without = only.filter((name) => name.startsWith('-')).map((name) => name.slice(1));
const named = only.filter((name) => !name.startsWith('-'));
const sources = Object.fromEntries(ALL.map((source) => [source, (named.length === 0 || named.includes(source)) && !without.includes(source)]));
const started = performance.now();
const { hosts } = await discover(resolveScope({ targets: [subnet] }), { sources });
const ms = Math.round(performance.now() - started);
const ports = hosts.flatMap((host) => host.ports.map((port) => `${host.ip} ${port.transport}/${port.port}`));
process.stdout.write(`${JSON.stringify({ ms, hosts: hosts.length, ports })}\n`);
