// One yes/no question on the terminal, abortable (Ctrl-C) and answered "no" unless the user says yes.

import { createInterface } from 'node:readline/promises';

export async function askYesNo(
  question: string,
  options: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal },
): Promise<boolean> {
  const rl = createInterface({ input: options.input, output: options.output, terminal: false });
  try {
    const answer = await rl.question(question, { signal: options.signal });
    return /^(y|yes|j|ja)$/i.test(answer.trim());
  } catch {
    return false;
  } finally {
    rl.close();
  }
}
