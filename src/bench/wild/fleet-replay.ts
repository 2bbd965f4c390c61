// The wild corpus replayed through the mock fleet: every device converted to a fleet entry (to-fleet.ts),
// served on loopback, found by a real discovery run and identified from what discovery saw, then
// scored as the direct replay is. Where the two differ, the fleet format cannot say something a device
// said. Run it inside a network namespace (docs/benchmarks.md): it binds a /24 of loopback addresses.

import type { HostFacts } from '../../model.js';
import type { FingerprintKnowledge } from '../../identify/types.js';
import { discover } from '../../discovery/discover.js';
import { fleetFromText } from '../../mocks/fleet-file.js';
import { startFleet } from '../../mocks/runner.js';
import { resolveScope } from '../../scope/index.js';
import type { WildDevice } from './corpus.js';
import { scoreDevice, summarise, type WildScore } from './score.js';
import { wildFleet } from './to-fleet.js';

// A /23: the corpus holds more devices than a /24 has addresses (apart from the test files' ranges).
export const WILD_REPLAY_RANGE = '127.96.16.0/23';

export interface FleetReplay {
  score: WildScore;
  /** Corpus devices discovery did not find at all. */
  notFound: string[];
  seconds: number;
}

/** Discovery of loopback devices only: no multicast, no neighbour table, generous waits for a busy machine. */
const LOOPBACK_DISCOVERY = {
  sources: { neighbours: false },
  mdns: { multicast: false, hostTimeoutMs: 3000 },
  ssdp: { multicast: false, waitMs: 3000 },
  snmp: { timeoutMs: 3000 },
  tcp: { connectTimeoutMs: 3000 },
};

export async function replayThroughFleet(
  devices: readonly WildDevice[],
  knowledge: FingerprintKnowledge,
  options: { range?: string; signal?: AbortSignal } = {},
): Promise<FleetReplay> {
  const started = performance.now();
  const range = options.range ?? WILD_REPLAY_RANGE;
  // Through the fleet loader, schema included: the converter must write fleets a user could write.
  const fleet = fleetFromText('wild corpus (converted)', JSON.stringify(wildFleet(devices, range)));
  const running = await startFleet(fleet, options.signal ? { signal: options.signal } : {});
  let hosts: HostFacts[];
  try {
    ({ hosts } = await discover(resolveScope({ targets: [range] }), LOOPBACK_DISCOVERY, options.signal ? { signal: options.signal } : {}));
  } finally {
    await running.close();
  }
  const factsByIp = new Map(hosts.map((facts) => [facts.ip, facts]));
  const notFound: string[] = [];
  const scored = devices.map((device, index) => {
    const facts = factsByIp.get(fleet.devices[index]!.address);
    if (!facts) notFound.push(device.id);
    return scoreDevice(device, knowledge, facts ?? emptyFacts(fleet.devices[index]!.address));
  });
  return { score: summarise(scored), notFound, seconds: (performance.now() - started) / 1000 };
}

function emptyFacts(ip: string): HostFacts {
  return { ip, mac: null, macVendor: null, hostnames: [], mdns: [], ssdp: [], snmp: null, ports: [], discoveredBy: [] };
}
