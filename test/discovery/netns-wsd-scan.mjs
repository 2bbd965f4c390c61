// Runs inside a network namespace: the WS-Discovery source alone over this namespace's default scope.
// argv[2]: unicast | multicast | both (which Probes go out); argv[3]: listening window in ms.
// Prints the hosts, the problems and what `scan --record` would write for each host, as JSON.

import { discover } from '../../dist/discovery/index.js';
import { identify, loadFingerprints } from '../../dist/identify/index.js';
import { deviceFromScan } from '../../dist/mocks/record/from-scan.js';
import { resolveScope } from '../../dist/scope/index.js';

const mode = process.argv[2] ?? 'both';
const listenMs = Number(process.argv[3] ?? 1500);
const scope = resolveScope({ targets: [] });
const result = await discover(scope, {
  sources: { mdns: false, ssdp: false, snmp: false, tcp: false, atag: false, neighbours: false, wsd: true },
  wsd: { unicast: mode !== 'multicast', multicast: mode !== 'unicast', waitMs: listenMs },
  multicastListenMs: listenMs,
});
const knowledge = loadFingerprints();
const noWire = { pages: new Map(), wire: { descriptions: new Map(), igd: new Map() }, findings: [] };
const recorded = result.hosts.map((facts, i) =>
  deviceFromScan({ id: `ip-${facts.ip}`, ip: facts.ip, facts, identity: identify(facts, knowledge) }, i, noWire),
);
process.stdout.write(JSON.stringify({ scope, hosts: result.hosts, problems: result.problems, recorded }));
