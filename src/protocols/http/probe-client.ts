// One small HTTP client for the probes: undici with hard limits, bodies capped and read as text,
// redirects followed only when they stay on the same host and port.

import { request, type Agent } from 'undici';
import { createLimitedAgent } from './limited-client.js';
import { stepLimit } from '../probe/step.js';
import { LoginProbeError, type LoginTarget } from '../probe/types.js';

/** Admin pages are small; anything larger is not worth reading. */
const MAX_RESPONSE_BYTES = 512 * 1024;
const MAX_REDIRECTS = 3;

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The path that finally answered (after same-host redirects). */
  path: string;
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Follow same-host redirects (GET only); off by default so callers can see the Location. */
  followRedirects?: boolean;
}

export class ProbeHttpClient {
  private readonly agent: Agent;
  readonly origin: string;

  constructor(
    readonly target: LoginTarget,
    private readonly signal: AbortSignal,
    private readonly timeoutMs: number,
  ) {
    this.origin = `${target.tls ? 'https' : 'http'}://${target.ip}:${target.port}`;
    // One connection: a login is a conversation with one device, never a burst.
    this.agent = createLimitedAgent(timeoutMs, MAX_RESPONSE_BYTES, 1);
  }

  async send(req: HttpRequest): Promise<HttpAnswer> {
    let path = req.path;
    for (let hop = 0; ; hop += 1) {
      const answer = await this.once({ ...req, path, ...(hop > 0 ? { method: 'GET', body: undefined } : {}) });
      const next = req.followRedirects ? this.sameHostRedirect(answer) : undefined;
      if (next === undefined || hop >= MAX_REDIRECTS) return answer;
      path = next;
    }
  }

  /** The path a 3xx points to when it stays on this host:port; undefined otherwise. */
  sameHostRedirect(answer: HttpAnswer): string | undefined {
    if (answer.status < 300 || answer.status >= 400) return undefined;
    const location = header(answer, 'location');
    if (!location) return undefined;
    let url: URL;
    try {
      url = new URL(location, `${this.origin}${answer.path}`);
    } catch {
      return undefined;
    }
    return url.origin === this.origin ? `${url.pathname}${url.search}` : undefined;
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }

  private async once(req: HttpRequest): Promise<HttpAnswer> {
    const { signal, end } = stepLimit(this.signal, this.timeoutMs * 2);
    try {
      const response = await request(`${this.origin}${req.path}`, {
        dispatcher: this.agent,
        method: req.method ?? 'GET',
        headers: { 'user-agent': 'homeaudit', connection: 'close', ...req.headers },
        body: req.body,
        signal,
      });
      const body = await response.body.text();
      return { status: response.statusCode, headers: response.headers, body, path: req.path };
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      throw new LoginProbeError(this.target.tls ? 'https' : 'http', this.target, `${req.method ?? 'GET'} ${req.path}: ${problem}`, {
        cause: error,
      });
    } finally {
      end();
    }
  }
}

/** A response header as one string (repeated headers joined). */
export function header(answer: Pick<HttpAnswer, 'headers'>, name: string): string | undefined {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Every value of a header, for Set-Cookie and WWW-Authenticate. */
export function headerValues(answer: Pick<HttpAnswer, 'headers'>, name: string): string[] {
  const value = answer.headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** What a person would read on a page: the title, else its first words. Device text is untrusted. */
export function pageGist(body: string): string {
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/[^\p{L}\p{N} .,:;!?'()/_-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, 60);
}
