// A redirected stderr (a log file, a pipe) gets no cursor-control bytes: ink's cursor helper writes
// "show cursor" to process.stderr when the process exits, whether or not stderr is a terminal.

const CONTROL_SEQUENCE = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

type Write = NodeJS.WriteStream['write'];

/** Strips terminal control sequences from everything written to `stream` unless it is a terminal. */
export function keepStderrPlain(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY || (stream as { plainGuard?: boolean }).plainGuard) return;
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  const guarded = ((chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk !== 'string') return original(chunk, ...rest);
    const plain = chunk.replace(CONTROL_SEQUENCE, '');
    // Nothing left (the bare "show cursor"): write nothing, but still call back.
    if (plain === '' && chunk !== '') {
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      callback?.();
      return true;
    }
    return original(plain, ...rest);
  }) as Write;
  stream.write = guarded;
  (stream as { plainGuard?: boolean }).plainGuard = true;
}
