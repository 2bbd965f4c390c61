// `homeaudit mock [FLEET_FILE]`: runs a fleet until the signal aborts, after telling what it serves.

import { generateFleet } from './generate.js';
import { HOME_FLEET_FILE, loadFleet } from './fleet-file.js';
import { startFleet, type RunningFleet } from './runner.js';
import { formatServedTable } from './served-table.js';
import type { Fleet } from './types.js';

/** Which fleet to serve: a file (default: the built-in home fleet) or a generated one, optionally moved to a range. */
export interface MockFleetChoice {
  fleetFile?: string | undefined;
  /** Serve a generated fleet of this many devices instead of a file. */
  generate?: number | undefined;
  /** Serve the fleet in this CIDR instead of its own range. */
  range?: string | undefined;
}

export interface MockCommandOptions extends MockFleetChoice {
  stdout: NodeJS.WritableStream;
  signal: AbortSignal;
}

function fleetFor(options: MockCommandOptions): Fleet {
  if (options.generate !== undefined) return generateFleet(options.generate, options.range ? { range: options.range } : {});
  return loadFleet(options.fleetFile || HOME_FLEET_FILE, options.range ? { range: options.range } : {});
}

export async function runMockCommand(options: MockCommandOptions): Promise<void> {
  const fleet = fleetFor(options);
  if (options.signal.aborted) return;
  const started = performance.now();
  let running: RunningFleet;
  try {
    running = await startFleet(fleet, { signal: options.signal });
  } catch (error) {
    if (options.signal.aborted) return; // stopped during start-up: nothing to report
    throw error;
  }
  const ms = Math.round(performance.now() - started);
  try {
    options.stdout.write(
      `Mock fleet "${fleet.name}": ${fleet.devices.length} devices, ${running.served.length} services, started in ${ms} ms.\n\n` +
        `${formatServedTable(fleet, running.served)}\n\n` +
        `Scan it with: homeaudit scan --target ${running.target}\n` +
        'Press Ctrl-C to stop.\n',
    );
    await new Promise<void>((resolve) => {
      if (options.signal.aborted) return resolve();
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    await running.close();
    options.stdout.write('Mock fleet stopped.\n');
  }
}
