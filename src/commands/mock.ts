import type { MockFlags } from './flags.js';
import { runMockCommand } from '../mocks/index.js';

export async function mockCommand(flags: MockFlags, signal: AbortSignal): Promise<number> {
  await runMockCommand({ ...flags, stdout: process.stdout, signal });
  return 0;
}
