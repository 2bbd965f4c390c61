// The probes' real GET: the same limited undici client discovery uses, answers truncated at the cap.

import { createLimitedAgent, getLimited } from '../../protocols/http/limited-client.js';
import type { ProbeGet } from './run-probes.js';

export function createProbeGet(timeoutMs: number): { get: ProbeGet; close: () => Promise<void> } {
  const agent = createLimitedAgent(timeoutMs);
  const get: ProbeGet = async (url, caps) => {
    const answer = await getLimited(url, agent, { timeoutMs: caps.timeoutMs, maxBytes: caps.maxBytes, onOverflow: 'truncate', signal: caps.signal });
    return { status: answer.status, body: answer.body };
  };
  return { get, close: () => agent.close() };
}
