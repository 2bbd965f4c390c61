// HTTP form logins driven by a definition from knowledge/login-forms: fetch the login page (and its
// CSRF token), post the fields, and count the login only when every success evidence the definition
// names holds: redirect target, session cookie, page text seen after login (and not on a random path).

import { randomToken } from '../probe/step.js';
import { CookieJar } from './cookies.js';
import { HTTP_LOCKOUT_STATUSES } from './auth-login.js';
import { header, headerValues, pageGist, ProbeHttpClient, type HttpAnswer } from './probe-client.js';
import type { FormLoginSpec } from './form-spec.js';
import { errorResult, LOCKOUT_WORDS, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

export async function probeHttpFormLogin(
  target: LoginTarget,
  form: FormLoginSpec,
  username: string,
  password: string,
  options: ProbeOptions,
): Promise<LoginResult> {
  const client = new ProbeHttpClient(target, options.signal, options.timeoutMs);
  const jar = new CookieJar();
  const send = async (path: string, method: 'GET' | 'POST' = 'GET', body?: string): Promise<HttpAnswer> => {
    const cookie = jar.header();
    const answer = await client.send({
      path,
      method,
      body,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    jar.store(headerValues(answer, 'set-cookie'));
    return answer;
  };
  try {
    const baseline = await client.send({ path: `/${randomToken()}.html` });
    let loginPage = await send(form.loginPage);
    for (let hop = 0; hop < 3 && client.sameHostRedirect(loginPage) !== undefined; hop += 1) {
      loginPage = await send(client.sameHostRedirect(loginPage)!);
    }
    if (HTTP_LOCKOUT_STATUSES.has(loginPage.status)) return { outcome: 'locked-out', status: loginPage.status, detail: `login page status ${loginPage.status}` };
    if (loginPage.status < 200 || loginPage.status >= 300) {
      return { outcome: 'error', status: loginPage.status, detail: `login page ${form.loginPage} answered ${loginPage.status}` };
    }
    const fields = new URLSearchParams(form.carryHiddenFields ? hiddenFieldsOf(loginPage.body) : {});
    for (const [name, value] of Object.entries(form.post.extraFields ?? {})) fields.set(name, value);
    fields.set(form.post.userField, username);
    fields.set(form.post.passField, password);
    if (form.csrf) {
      const token = form.patterns.csrf?.exec(loginPage.body)?.[1] ?? (form.csrf.cookie ? jar.get(form.csrf.cookie) : undefined);
      if (token === undefined) return { outcome: 'error', detail: `no CSRF token on ${form.loginPage}` };
      fields.set(form.csrf.field, token);
    }
    const cookieBefore = form.success.cookie ? jar.get(form.success.cookie) : undefined;
    const posted = await send(form.post.path, 'POST', fields.toString());
    return await judgeFormAnswer(form, posted, { baseline, loginPage, cookieBefore, jar, send, client });
  } catch (error) {
    return errorResult(target.tls ? 'https' : 'http', target, error);
  } finally {
    await client.close();
  }
}

/** The hidden inputs of a page, as a browser would post them back (CSRF tokens of any name). */
export function hiddenFieldsOf(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    if (!/\btype\s*=\s*["']?hidden/i.test(input)) continue;
    const name = /\bname\s*=\s*["']([^"']*)["']/i.exec(input)?.[1];
    const value = /\bvalue\s*=\s*["']([^"']*)["']/i.exec(input)?.[1] ?? '';
    if (name) fields[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  }
  return fields;
}

interface FormSeen {
  baseline: HttpAnswer;
  loginPage: HttpAnswer;
  cookieBefore: string | undefined;
  jar: CookieJar;
  send: (path: string) => Promise<HttpAnswer>;
  client: ProbeHttpClient;
}

async function judgeFormAnswer(form: FormLoginSpec, posted: HttpAnswer, seen: FormSeen): Promise<LoginResult> {
  const status = posted.status;
  if (HTTP_LOCKOUT_STATUSES.has(status)) return { outcome: 'locked-out', status, detail: `form post status ${status}` };
  if (LOCKOUT_WORDS.test(pageGist(posted.body)) || LOCKOUT_WORDS.test(posted.body.slice(0, 4000))) {
    return { outcome: 'locked-out', status, detail: 'the device says logins are locked' };
  }
  const failure = form.patterns.failure.find((f) => f.test(posted.body));
  if (failure) return { outcome: 'denied', status, detail: `failure marker /${failure.source}/` };
  if (status >= 400) return { outcome: 'denied', status, detail: `form post status ${status}` };

  const proofs: string[] = [];
  const redirect = seen.client.sameHostRedirect(posted);
  if (form.patterns.redirectTo) {
    const target = redirect ?? header(posted, 'location');
    if (!redirect || !form.patterns.redirectTo.test(redirect.split('?')[0]!)) {
      return { outcome: 'denied', status, detail: target ? `redirected to ${target.slice(0, 80)}` : 'no redirect after login' };
    }
    proofs.push(`redirect to ${redirect.split('?')[0]}`);
  }
  if (form.success.cookie) {
    const value = seen.jar.get(form.success.cookie);
    if (value === undefined || value === seen.cookieBefore) {
      return { outcome: 'denied', status, detail: `no new ${form.success.cookie} cookie` };
    }
    proofs.push(`cookie ${form.success.cookie} set`);
  }
  if (form.patterns.pageText) {
    const page = redirect !== undefined ? await seen.send(redirect) : posted;
    const pattern = form.patterns.pageText;
    const seenElsewhere = pattern.test(seen.baseline.body) || pattern.test(seen.loginPage.body);
    if (page.status < 200 || page.status >= 300 || !pattern.test(page.body) || seenElsewhere) {
      return { outcome: 'denied', status, detail: 'the page after login does not show what only a logged-in user sees' };
    }
    proofs.push(`page after login shows '${pattern.exec(page.body)?.[0]?.slice(0, 40) ?? pageGist(page.body)}'`);
  }
  return { outcome: 'success', status, proof: proofs.join(', ') };
}
