// HTTP Basic and Digest logins. A login counts only when the page asked for one (401), the same page
// then answers 2xx with the credentials, and what it shows differs from a random path's answer (the
// 404 baseline), so a server that answers 200 to anything is never "logged in".

import { randomToken } from '../probe/step.js';
import { basicAuthorization, digestAuthorization, parseDigestChallenge } from './digest.js';
import { headerValues, pageGist, ProbeHttpClient, type HttpAnswer } from './probe-client.js';
import { errorResult, LOCKOUT_WORDS, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

export type HttpAuthScheme = 'basic' | 'digest';

export interface HttpAuthProbeOptions extends ProbeOptions {
  /** The protected page; default '/'. */
  path?: string;
}

/** HTTP status codes devices use while they refuse logins for a while. */
export const HTTP_LOCKOUT_STATUSES = new Set([429, 503]);

function schemeOf(challenges: string[]): HttpAuthScheme | undefined {
  if (challenges.some((c) => /^\s*digest\s/i.test(c))) return 'digest';
  if (challenges.some((c) => /^\s*basic\b/i.test(c))) return 'basic';
  return undefined;
}

/** Tries one pair with whatever scheme the 401 asks for (Digest preferred when both are offered). */
export async function probeHttpAuthLogin(
  target: LoginTarget,
  username: string,
  password: string,
  options: HttpAuthProbeOptions,
): Promise<LoginResult> {
  const client = new ProbeHttpClient(target, options.signal, options.timeoutMs);
  const path = options.path ?? '/';
  try {
    const baseline = await client.send({ path: `/${randomToken()}.html` });
    const anonymous = await client.send({ path });
    if (anonymous.status !== 401) {
      return { outcome: 'error', status: anonymous.status, detail: `${path} asks for no HTTP login (status ${anonymous.status})` };
    }
    const challenges = headerValues(anonymous, 'www-authenticate');
    const scheme = schemeOf(challenges);
    if (!scheme) return { outcome: 'error', status: 401, detail: '401 without a Basic or Digest challenge' };
    const answer = await sendWithCredentials(client, path, scheme, challenges, username, password);
    return judge(answer, baseline, anonymous, scheme);
  } catch (error) {
    return errorResult(target.tls ? 'https' : 'http', target, error);
  } finally {
    await client.close();
  }
}

async function sendWithCredentials(
  client: ProbeHttpClient,
  path: string,
  scheme: HttpAuthScheme,
  challenges: string[],
  username: string,
  password: string,
): Promise<HttpAnswer> {
  const challenge = scheme === 'digest' ? parseDigestChallenge(challenges.find((c) => /digest/i.test(c)) ?? '') : undefined;
  let nc = 0;
  const authorization = (uri: string): string => {
    if (!challenge) return basicAuthorization(username, password);
    nc += 1;
    return digestAuthorization(challenge, { method: 'GET', uri, username, password, nc });
  };
  let answer = await client.send({ path, headers: { authorization: authorization(path) } });
  // Follow a redirect after login only while it stays on the device, answering again for the new URI.
  for (let hop = 0; hop < 3; hop += 1) {
    const next = client.sameHostRedirect(answer);
    if (next === undefined) break;
    answer = await client.send({ path: next, headers: { authorization: authorization(next) } });
  }
  return answer;
}

function judge(answer: HttpAnswer, baseline: HttpAnswer, anonymous: HttpAnswer, scheme: HttpAuthScheme): LoginResult {
  const label = scheme === 'digest' ? 'HTTP Digest' : 'HTTP Basic';
  if (HTTP_LOCKOUT_STATUSES.has(answer.status)) return { outcome: 'locked-out', status: answer.status, detail: `${label}: status ${answer.status}` };
  if (answer.status === 401 || answer.status === 403) {
    const locked = LOCKOUT_WORDS.test(pageGist(answer.body)) || LOCKOUT_WORDS.test(answer.body.slice(0, 2000));
    return { outcome: locked ? 'locked-out' : 'denied', status: answer.status, detail: `${label}: status ${answer.status}` };
  }
  if (answer.status < 200 || answer.status >= 300) {
    return { outcome: 'denied', status: answer.status, detail: `${label}: status ${answer.status}` };
  }
  const sameAsBaseline = baseline.status >= 200 && baseline.status < 300 && baseline.body === answer.body;
  if (sameAsBaseline || answer.body === anonymous.body) {
    return { outcome: 'denied', status: answer.status, detail: `${label}: the page is the same as without a login` };
  }
  return { outcome: 'success', status: answer.status, proof: `page after login shows '${pageGist(answer.body) || `${answer.body.length} bytes`}'` };
}
