import { runMockCommand } from '../mocks/index.js';

export async function mockCommand(
  opts: { fleetFile?: string | undefined; generate?: number; range?: string },
  signal: AbortSignal,
): Promise<number> {
  await runMockCommand({
    ...(opts.fleetFile ? { fleetFile: opts.fleetFile } : {}),
    ...(opts.generate !== undefined ? { generate: opts.generate } : {}),
    ...(opts.range ? { range: opts.range } : {}),
    stdout: process.stdout,
    signal,
  });
  return 0;
}
