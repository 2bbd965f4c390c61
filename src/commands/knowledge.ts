// `homeaudit knowledge check DIR` validates a knowledge overlay; `homeaudit knowledge import-kev FILE` refreshes
// KEV membership from CISA's catalogue JSON into the overlay. Both work offline on local files only.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadCheckKnowledge, SCHEMA_DIR } from '../knowledge/check-knowledge.js';
import { loadDataFile } from '../knowledge/load-data.js';
import type { FirmwareEntry } from '../knowledge/types.js';
import { readKevCatalogue, refreshKevMembership } from '../knowledge/import-kev.js';
import { isLandingPage } from '../knowledge/landing-page.js';
import { loadOverlay, mergeKnowledge, resolveOverlayDir } from '../knowledge/overlay.js';
import { isVerified } from '../knowledge/provenance.js';
import { UsageError } from '../util/errors.js';

/** The file import-kev writes in the overlay; it is rewritten on every import. */
export const KEV_IMPORT_FILE = join('firmware', 'kev-import.yaml');

export async function knowledgeCommand(
  action: string,
  args: string[],
  opts: Record<string, unknown>,
  out: NodeJS.WritableStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  switch (action) {
    case 'check': {
      const dir = args[0]!;
      const overlay = loadOverlay(dir);
      const entries = [...overlay.credentials, ...overlay.firmware, ...overlay.vendors];
      out.write(`${dir}: valid, ${overlay.credentials.length} credentials, ${overlay.firmware.length} firmware, ${overlay.vendors.length} vendor entries\n`);
      for (const entry of entries.filter(isVerified)) {
        if (!entry.url || isLandingPage(entry.url)) out.write(`warning: ${entry.id} is checked but cites no record (${entry.url ?? 'no url'})\n`);
      }
      return 0;
    }
    case 'import-kev': {
      const dir = resolveOverlayDir(opts.knowledge as string | undefined, env) ?? defaultOverlayDir(env);
      const catalogue = readKevCatalogue(args[0]!);
      const builtIn = loadCheckKnowledge();
      // An existing overlay must be valid: it is merged first, so the import builds on what it holds.
      const knowledge = existsSync(dir) ? mergeKnowledge(builtIn, loadOverlay(dir)) : builtIn;
      const refresh = refreshKevMembership(knowledge, catalogue);
      const file = join(dir, KEV_IMPORT_FILE);
      // Entries an earlier import wrote stay, unless this import refreshed them again.
      const earlier = existsSync(file) ? loadDataFile<{ firmware: FirmwareEntry[] }>(file, join(SCHEMA_DIR, 'firmware.schema.json')).firmware : [];
      const refreshedIds = new Set(refresh.entries.map((entry) => entry.id));
      const entries = [...earlier.filter((entry) => !refreshedIds.has(entry.id)), ...refresh.entries];
      mkdirSync(join(dir, 'firmware'), { recursive: true });
      const header = `# Written by homeaudit knowledge import-kev from CISA's KEV catalogue ${catalogue.catalogVersion}; rewritten on each import.\n`;
      writeFileSync(file, header + stringify({ firmware: entries }));
      out.write(`KEV catalogue ${catalogue.catalogVersion} (${catalogue.added.size} entries): ${refresh.changes.length} knowledge entries gain KEV ids\n`);
      for (const change of refresh.changes) out.write(`  ${change}\n`);
      out.write(`wrote ${file}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown knowledge action "${action}"`);
  }
}

function defaultOverlayDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME ?? '.', '.config');
  return join(base, 'homeaudit', 'knowledge');
}
