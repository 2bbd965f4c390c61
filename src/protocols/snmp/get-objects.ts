// One SNMP GET of a few OIDs, abortable and bounded by its timeout: the values an agent has, as text.
// An object the agent lacks (noSuchObject, noSuchInstance) is left out, not an error.

import { openSnmpAsk, type SnmpTarget } from './ask.js';

export type { SnmpTarget } from './ask.js';

const MAX_VALUE_BYTES = 512;

/** Octets as text when they are text, else as dotted bytes (a firmware revision sent as 02 04 01). */
function valueText(value: unknown): string | undefined {
  if (Buffer.isBuffer(value)) {
    const bytes = value.subarray(0, MAX_VALUE_BYTES);
    return /^[\x20-\x7e\t\r\n]*$/.test(bytes.toString('latin1')) ? bytes.toString('utf8') : [...bytes].join('.');
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value).slice(0, MAX_VALUE_BYTES);
  return undefined;
}

/** `text`: how a value becomes text (default: text as it is, other octets as dotted bytes). One window of timeoutMs. */
export async function getSnmpObjects(
  target: SnmpTarget,
  oids: readonly string[],
  options: { timeoutMs: number; signal: AbortSignal; text?: (value: unknown) => string | undefined },
): Promise<Map<string, string>> {
  if (options.signal.aborted) throw options.signal.reason;
  const ask = openSnmpAsk(target, oids, { signal: options.signal, text: options.text ?? valueText });
  try {
    const outcome = await ask.waitFor(options.timeoutMs);
    if (outcome.state === 'answered') return outcome.values;
    if (outcome.state === 'failed') throw outcome.error;
    throw new Error(`no SNMP answer from ${target.ip}:${target.port} (${outcome.state === 'unreachable' ? outcome.code : `silent for ${options.timeoutMs} ms`})`);
  } finally {
    ask.close();
  }
}
