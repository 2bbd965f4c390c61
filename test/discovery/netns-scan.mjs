// Runs inside a network namespace: the multicast paths of discovery only (unicast browse and search off),
// over the default scope of this namespace's interfaces. Prints the hosts and problems as JSON.

import { discover } from '../../dist/discovery/index.js';
import { resolveScope } from '../../dist/scope/index.js';

const scope = resolveScope({ targets: [] });
const result = await discover(scope, {
  sources: { mdns: true, ssdp: true, snmp: false, tcp: false, neighbours: false },
  mdns: { unicast: false, multicast: true },
  ssdp: { unicast: false, multicast: true },
  multicastListenMs: Number(process.argv[2] ?? 3000),
});
process.stdout.write(JSON.stringify({ scope, ...result }));
