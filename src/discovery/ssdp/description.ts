// Fetches a UPnP description only from the device that announced it, within size and time limits.

import type { Agent } from 'undici';
import type { UpnpDescription } from '../../model.js';
import { getLimited } from '../../protocols/http/limited-client.js';
import { errorText } from '../../util/error-text.js';
import { parseDescription } from '../../protocols/upnp/parse-description.js';

export type FetchPlan = { url: string } | { refused: string };

/**
 * The URL to fetch for a LOCATION announced by `responder`. An address literal must be the responder
 * itself; a host name is replaced by the responder's address (as nmap does), so no request can leave it.
 */
export function planDescriptionFetch(location: string, responder: string): FetchPlan {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return { refused: 'LOCATION is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { refused: `LOCATION uses ${url.protocol}, not HTTP` };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isLiteral = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
  if (isLiteral && host !== responder) {
    return { refused: `LOCATION points at ${host}, not at the device that answered (${responder}): not fetched` };
  }
  const port = url.port ? `:${url.port}` : '';
  return { url: `${url.protocol}//${responder}${port}${url.pathname}${url.search}` };
}

export interface DescriptionOutcome {
  description?: UpnpDescription;
  error?: string;
  /** The fetch was ended by its deadline (a slow or trickling device), not refused or failed. */
  cutOff?: boolean;
}

export async function fetchDescription(
  location: string,
  responder: string,
  agent: Agent,
  limits: { timeoutMs: number; maxBytes: number },
  signal: AbortSignal,
): Promise<DescriptionOutcome> {
  const plan = planDescriptionFetch(location, responder);
  if ('refused' in plan) return { error: plan.refused };
  try {
    const response = await getLimited(plan.url, agent, { ...limits, onOverflow: 'throw', signal });
    if (response.status !== 200) return { error: `description fetch answered HTTP ${response.status}` };
    return { description: parseDescription(response.body.toString('utf8'), limits.maxBytes) };
  } catch (error) {
    if (!signal.aborted && (error as { name?: string }).name === 'TimeoutError') {
      return { error: `description fetch from ${plan.url} cut off: not complete within ${limits.timeoutMs} ms`, cutOff: true };
    }
    return { error: `description fetch from ${plan.url} failed: ${errorText(error)}` };
  }
}
