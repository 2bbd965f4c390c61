// `homeaudit history list | show ID | diff [A] [B] | delete ID | purge | export ID [--anonymize] | prune`.

import { writeFileSync } from 'node:fs';
import type { Lang } from '../model.js';
import { HistoryStore, diffScans, resolveDataDir, retentionDays } from '../history/index.js';
import { diffAsJson, renderDiff } from '../history/render-diff.js';
import { historyText } from './history-text.js';
import { shortRiskWord } from '../advice/label-words.js';
import { askYesNo } from './ask.js';
import { toJsonReport, toAnonymizedReport, toPlainSummary } from '../report/index.js';
import { TOOL_VERSION } from '../util/version.js';
import { UsageError } from '../util/errors.js';

function scanId(value: string | undefined, what: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${what}: "${value ?? ''}" is not a scan id (see: homeaudit history list)`);
  return id;
}

const langOf = (opts: Record<string, unknown>): Lang => (opts.lang === 'nl' ? 'nl' : opts.lang === 'en' ? 'en' : defaultLangFromEnv());

function defaultLangFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  return (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export interface HistoryIo {
  out: NodeJS.WritableStream;
  /** Where `purge` asks; without a terminal it needs --yes. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  err?: NodeJS.WritableStream;
}

export async function historyCommand(
  action: string,
  args: string[],
  opts: Record<string, unknown>,
  signal: AbortSignal,
  io: NodeJS.WritableStream | HistoryIo = process.stdout,
): Promise<number> {
  const { out, input, err } = 'out' in io ? io : { out: io, input: process.stdin, err: process.stderr };
  const lang = langOf(opts);
  const say = (key: Parameters<typeof historyText>[1], params: Record<string, string | number> = {}) => historyText(lang, key, params);
  const store = HistoryStore.open(resolveDataDir(opts.dataDir as string | undefined));
  try {
    switch (action) {
      case 'list': {
        const scans = store.list();
        if (scans.length === 0) out.write(`${say('noScans')}\n`);
        for (const s of scans) {
          out.write(
            `${String(s.id).padStart(4)}  ${s.startedAt.slice(0, 19).replace('T', ' ')}  ${s.targets.join(',').padEnd(18)}  ` +
              `${say('listRow', { devices: String(s.devices).padStart(3), findings: String(s.findings).padStart(3), worst: shortRiskWord(lang, s.worst) })}${s.aborted ? `  ${say('stoppedEarly')}` : ''}\n`,
          );
        }
        return 0;
      }
      case 'show': {
        const { result } = store.get(scanId(args[0], 'history show'));
        out.write(
          opts.json
            ? `${JSON.stringify(toJsonReport(result, { lang: langOf(opts), toolVersion: TOOL_VERSION }), null, 2)}\n`
            : toPlainSummary(result, langOf(opts)),
        );
        return 0;
      }
      case 'diff': {
        const [a, b] =
          args.length >= 2
            ? [scanId(args[0], 'history diff'), scanId(args[1], 'history diff')]
            : args.length === 1
              ? [scanId(args[0], 'history diff'), store.latestIds(1)[0]]
              : store.latestIds(2);
        if (a === undefined || b === undefined) throw new UsageError('history diff needs two kept scans (see: homeaudit history list)');
        const diff = diffScans(store.get(a).result, store.get(b).result);
        out.write(opts.json ? `${JSON.stringify(diffAsJson(diff, [a, b], lang), null, 2)}\n` : renderDiff(diff, [a, b], lang));
        return 0;
      }
      case 'delete': {
        const id = scanId(args[0], 'history delete');
        if (!store.delete(id)) throw new UsageError(`history delete: no scan with id ${id}`);
        out.write(`${say('deleted', { id })}\n`);
        return 0;
      }
      case 'purge': {
        const count = store.list().length;
        if (!opts.yes) {
          // Deleting every scan and every remembered answer is not undone: ask, or need --yes.
          if (!input?.isTTY) throw new UsageError(say('purgeNeedsYes', { count }));
          const sure = await askYesNo(say('purgeAsk', { count }), { input, output: err ?? process.stderr, signal });
          if (!sure) {
            out.write(`${say('purgeKept')}\n`);
            return 0;
          }
        }
        out.write(`${say('purged', { count: store.purge() })}\n`);
        return 0;
      }
      case 'prune': {
        const days = typeof opts.days === 'number' ? opts.days : retentionDays();
        out.write(`${say('pruned', { count: store.prune(days), days })}\n`);
        return 0;
      }
      case 'export': {
        const { result } = store.get(scanId(args[0], 'history export'));
        const report = toJsonReport(result, { lang: 'en', toolVersion: TOOL_VERSION });
        const text = `${JSON.stringify(opts.anonymize ? toAnonymizedReport(report) : report, null, 2)}\n`;
        if (typeof opts.output === 'string') writeFileSync(opts.output, text, { mode: 0o600 });
        else out.write(text);
        return 0;
      }
      default:
        throw new UsageError(`unknown history action "${action}"`);
    }
  } finally {
    store.close();
  }
}
