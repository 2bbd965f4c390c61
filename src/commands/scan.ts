import type { ScanFlags } from './flags.js';
import { resolveScope, ScopeError } from '../scope/index.js';
import { UsageError } from '../util/errors.js';
import { auditAndReport, processIo, type Io } from './audit-flow.js';

export async function scanCommand(flags: ScanFlags, signal: AbortSignal, io: Io = processIo()): Promise<number> {
  let scope;
  try {
    scope = resolveScope({
      targets: flags.target,
      ...(flags.interface ? { interface: flags.interface } : {}),
      allowLarge: flags.allowLarge,
    });
  } catch (error) {
    if (error instanceof ScopeError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  return auditAndReport(scope, flags, signal, io);
}
