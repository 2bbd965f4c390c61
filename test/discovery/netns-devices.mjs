// Runs inside a network namespace: a mock fleet answering multicast mDNS/SSDP on one interface address.
// argv[2]: the fleet as JSON (RawFleet); argv[3]: the interface address to join the groups on.
// Prints "ready" once serving; closes on SIGTERM.

import { resolveFleet } from '../../dist/mocks/fleet-defaults.js';
import { startFleet } from '../../dist/mocks/runner.js';

const fleet = await startFleet(resolveFleet(JSON.parse(process.argv[2])), { multicast: { interface: process.argv[3] } });
process.stdout.write('ready\n');
const stop = async () => {
  await fleet.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
