// Where the history lives: --data-dir, else $HOMEAUDIT_DATA_DIR, else the XDG data directory.

import { homedir } from 'node:os';
import { join } from 'node:path';

export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.HOMEAUDIT_DATA_DIR) return env.HOMEAUDIT_DATA_DIR;
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'homeaudit');
}

/** Days a scan is kept before it is pruned at the next save (HOMEAUDIT_RETENTION_DAYS, default 365). */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.HOMEAUDIT_RETENTION_DAYS);
  return Number.isFinite(days) && days > 0 ? days : 365;
}
