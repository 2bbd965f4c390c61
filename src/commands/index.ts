// The commands the CLI dispatches to; each returns its exit code. Each is loaded only when it runs,
// so `--help` or a usage error answers without loading the whole pipeline.

import type { DemoFlags, HistoryOptions, MockFlags, ScanFlags } from './flags.js';

export const commands = {
  scan: async (flags: ScanFlags, signal: AbortSignal) => (await import('./scan.js')).scanCommand(flags, signal),
  demo: async (flags: DemoFlags, signal: AbortSignal) => (await import('./demo.js')).demoCommand(flags, signal),
  mock: async (flags: MockFlags, signal: AbortSignal) => (await import('./mock.js')).mockCommand(flags, signal),
  history: async (action: string, args: string[], opts: HistoryOptions, signal: AbortSignal) =>
    (await import('./history.js')).historyCommand(action, args, opts, signal),
  knowledge: async (action: string, args: string[], opts: Record<string, unknown>) =>
    (await import('./knowledge.js')).knowledgeCommand(action, args, opts),
};
