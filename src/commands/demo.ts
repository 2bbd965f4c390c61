// `homeaudit demo`: the built-in mock home fleet on loopback, audited in the same process.

import type { DemoFlags } from './flags.js';
import { loadFleet, startFleet, BUILT_IN_FLEET } from '../mocks/index.js';
import { resolveScope } from '../scope/index.js';
import { auditAndReport, processIo, type Io } from './audit-flow.js';

export async function demoCommand(flags: DemoFlags, signal: AbortSignal, io: Io = processIo()): Promise<number> {
  const fleet = loadFleet(flags.fleet ?? BUILT_IN_FLEET, flags.range ? { range: flags.range } : {});
  const running = await startFleet(fleet, { signal });
  try {
    io.stderr.write(`homeaudit: mock fleet "${fleet.name}" is up: ${fleet.devices.length} devices on ${running.target}\n`);
    const scope = resolveScope({ targets: [running.target] });
    return await auditAndReport(scope, flags, signal, io, { saveByDefault: false, confirmed: true });
  } finally {
    await running.close();
  }
}
