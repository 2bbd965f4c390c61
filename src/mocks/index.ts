// The mock fleet's public face: load or generate a fleet, run it, or run the `mock` command.

export { loadFleet, loadHomeFleet, fleetFromText, HOME_FLEET_FILE, FLEET_SCHEMA_FILE, type LoadFleetOptions } from './fleet-file.js';
// The name the CLI's demo uses for the built-in home fleet file.
export { HOME_FLEET_FILE as BUILT_IN_FLEET } from './fleet-file.js';
export { generateFleet, DEFAULT_GENERATED_RANGE, type GenerateOptions } from './generate.js';
export { startFleet, type RunningFleet, type StartFleetOptions } from './runner.js';
export { runMockCommand, type MockCommandOptions } from './command.js';
export { MockBindError, FleetStartError } from './errors.js';
export { DEFAULT_RANGE } from './fleet-defaults.js';
export type { Fleet, DeviceSpec, DeviceState, Served } from './types.js';
