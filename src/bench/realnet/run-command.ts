// Runs one command to completion with a bound on its time; its output comes back, a failure names it.

import { execFile } from 'node:child_process';

export class CommandError extends Error {
  override name = 'CommandError';
}

export function runCommand(argv: string[], options: { timeoutMs?: number; input?: string; allowFailure?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const [file, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = execFile(file!, args, { timeout: options.timeoutMs ?? 20_000, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      if (error && !options.allowFailure) {
        reject(new CommandError(`${argv.join(' ')} failed (${error.killed ? 'timed out' : `exit ${String(error.code)}`}): ${stderr.trim() || error.message}`, { cause: error }));
      } else resolve({ code, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** `ip netns exec NS argv…`: the command inside one of the network's namespaces. */
export function inNamespace(namespace: string, argv: string[]): string[] {
  return ['ip', 'netns', 'exec', namespace, ...argv];
}
