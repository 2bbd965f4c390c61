// A knowledge overlay: a folder with the same layout and schemas as knowledge/ (credentials/, firmware/,
// vendors/, any of them), validated the same way and merged over the built-in entries by id. A helpdesk adds
// what it knows without a new release; every entry taken from it is marked so the report can say so.

import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCheckKnowledge, SCHEMA_DIR } from './check-knowledge.js';
import { DataFileError } from './load-data.js';
import type { CheckKnowledge, Sourced } from './types.js';

/** Where an entry came from when it is not built in: the overlay folder. */
export type FromOverlay = { overlay?: string };

/** --knowledge DIR, else $HOMEAUDIT_KNOWLEDGE_DIR, else $XDG_CONFIG_HOME/homeaudit/knowledge when it exists. */
export function resolveOverlayDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (flag) return resolve(flag);
  if (env.HOMEAUDIT_KNOWLEDGE_DIR) return resolve(env.HOMEAUDIT_KNOWLEDGE_DIR);
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  const dir = join(base, 'homeaudit', 'knowledge');
  return existsSync(dir) ? dir : null;
}

/** Loads and validates an overlay folder; errors name the file, the entry id and the field. */
export function loadOverlay(dir: string, schemaDir: string = SCHEMA_DIR): CheckKnowledge {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DataFileError(dir, 'knowledge overlay folder not found');
  const overlay = loadCheckKnowledge(dir, schemaDir, true);
  for (const entry of [...overlay.credentials, ...overlay.firmware, ...overlay.vendors]) (entry as FromOverlay).overlay = dir;
  return overlay;
}

function mergeById<T extends Sourced & { id: string }>(builtIn: T[], overlay: T[]): T[] {
  const replaced = new Map(overlay.map((entry) => [entry.id, entry]));
  const merged = builtIn.map((entry) => replaced.get(entry.id) ?? entry);
  const known = new Set(builtIn.map((entry) => entry.id));
  return [...merged, ...overlay.filter((entry) => !known.has(entry.id))];
}

/** Overlay entries replace built-in ones with the same id and add the others. */
export function mergeKnowledge(builtIn: CheckKnowledge, overlay: CheckKnowledge): CheckKnowledge {
  return {
    credentials: mergeById(builtIn.credentials, overlay.credentials),
    firmware: mergeById(builtIn.firmware, overlay.firmware),
    vendors: mergeById(builtIn.vendors, overlay.vendors),
  };
}

/** The ids of the entries that came from an overlay, per kind: what the report lists. */
export function overlayEntryIds(knowledge: CheckKnowledge): string[] {
  return [...knowledge.credentials, ...knowledge.firmware, ...knowledge.vendors]
    .filter((entry) => (entry as FromOverlay).overlay !== undefined)
    .map((entry) => entry.id);
}
