// What the embedded web server answers, decided from plain request facts (no sockets here).

import type { IncomingHttpHeaders } from 'node:http';
import type { HttpFormLogin, PersonaContext, TcpServiceSpec } from '../types.js';
import { parseBasicAuthorization } from './auth-headers.js';
import { BoundedTokens } from './bounded-tokens.js';
import { DigestAuthority } from './digest-authority.js';
import { homePage, lockoutPage, loginFormPage, statusPage } from './http-pages.js';
import { attemptLogin, lockoutSecondsLeft, serviceAccounts } from './login.js';
import { overlayHeaders, replayableHeaders } from './recorded-answer.js';
import { ippAnswer } from './ipp-answer.js';

export type WebServiceSpec = Extract<TcpServiceSpec, { type: 'http' | 'https' }>;

export interface WebRequest {
  method: string;
  /** Request target as sent (path and query), what Digest's uri must equal. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface WebAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export const CSRF_FIELD = 'csrf_token';
export const DEFAULT_FORM: HttpFormLogin = {
  path: '/login',
  userField: 'username',
  passField: 'password',
  successPath: '/home',
  cookieName: 'SESSIONID',
};
const DEFAULT_AFTER_LOGIN = 'System status: all services running';

const html = (status: number, body: string, headers: Record<string, string> = {}): WebAnswer => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
  body,
});

/** An extra page as the device serves it: JSON and XML APIs with their own content type. */
function staticPage(body: string): WebAnswer {
  const start = body.trimStart();
  const type = start.startsWith('{') ? 'application/json' : start.startsWith('<?xml') ? 'text/xml; charset=utf-8' : 'text/html; charset=utf-8';
  return { status: 200, headers: { 'Content-Type': type }, body };
}

function cookieValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function createWebRoutes(ctx: PersonaContext, spec: WebServiceSpec): (request: WebRequest) => WebAnswer {
  const accounts = serviceAccounts(ctx, spec.accounts);
  // No realm made up from the title: an empty one where the fleet names none.
  const realm = spec.realm ?? '';
  const title = spec.title;
  const recorded = spec.answer ? replayableHeaders(spec.answer.headers) : undefined;
  const digest = new DigestAuthority(realm);
  const form = { ...DEFAULT_FORM, ...spec.form };
  const csrfTokens = new BoundedTokens();
  const sessions = new BoundedTokens<string>();
  const afterLogin = spec.afterLogin ?? DEFAULT_AFTER_LOGIN;

  const notFound = (request: WebRequest) =>
    html(404, statusPage(404, 'Not Found', `The requested URL ${request.path} was not found on this server.`));
  const lockedOut = () => {
    const seconds = lockoutSecondsLeft(ctx);
    return html(429, lockoutPage(seconds), { 'Retry-After': String(seconds) });
  };
  // A recorded device's refusal keeps its own headers and body; only the challenge is the login's.
  const unauthorized = (challenge: string): WebAnswer =>
    spec.answer && recorded
      ? { status: 401, headers: overlayHeaders(recorded, { 'WWW-Authenticate': challenge }), body: spec.answer.body }
      : html(401, statusPage(401, 'Unauthorized', 'This server could not verify that you are authorized.'), { 'WWW-Authenticate': challenge });
  const home = (): WebAnswer =>
    spec.answer && recorded ? { status: spec.answer.status, headers: recorded, body: spec.answer.body } : html(200, homePage(title, afterLogin));
  const loginForm = (error?: string, status = 200) =>
    html(
      status,
      loginFormPage({
        title: title ?? '',
        action: form.path,
        userField: form.userField,
        passField: form.passField,
        csrfField: CSRF_FIELD,
        csrfToken: csrfTokens.issue(true),
        ...(error ? { error } : {}),
      }),
    );

  /** Basic or Digest in front of the home page (or a status page): it appears only after a login tryLogin accepted. */
  function challengedHome(request: WebRequest, page = (): WebAnswer => html(200, homePage(title, afterLogin))): WebAnswer {
    const header = request.headers.authorization;
    if (spec.auth === 'basic') {
      const challenge = `Basic realm="${realm}"`;
      const credentials = parseBasicAuthorization(header);
      if (!credentials) return unauthorized(challenge);
      const outcome = attemptLogin(ctx, accounts, credentials.username, credentials.password);
      if (outcome === 'locked') return lockedOut();
      return outcome === 'ok' ? page() : unauthorized(challenge);
    }
    const verdict = digest.check(header, request.method, request.url, accounts);
    if (verdict.kind === 'unusable') return unauthorized(digest.challenge());
    const outcome = attemptLogin(ctx, accounts, verdict.username, verdict.password);
    if (outcome === 'locked') return lockedOut();
    return outcome === 'ok' ? page() : unauthorized(digest.challenge());
  }

  function formLogin(request: WebRequest): WebAnswer {
    const type = request.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return loginForm('Unsupported form encoding.', 400);
    }
    const fields = new URLSearchParams(request.body.toString('utf8'));
    if (!csrfTokens.take(fields.get(CSRF_FIELD) ?? undefined)) {
      return html(403, statusPage(403, 'Forbidden', 'Invalid or expired CSRF token. Reload the login page.'));
    }
    const username = fields.get(form.userField) ?? '';
    const outcome = attemptLogin(ctx, accounts, username, fields.get(form.passField) ?? '');
    if (outcome === 'locked') return lockedOut();
    if (outcome === 'denied') return loginForm('Invalid user name or password.');
    const session = sessions.issue(username);
    return html(302, statusPage(302, 'Found', `Continue to ${form.successPath}.`), {
      Location: form.successPath,
      'Set-Cookie': `${form.cookieName}=${session}; Path=/; HttpOnly`,
    });
  }

  function formSuccessPage(request: WebRequest): WebAnswer {
    if (sessions.get(cookieValue(request.headers, form.cookieName))) return html(200, homePage(title, afterLogin));
    return html(302, statusPage(302, 'Found', `Log in at ${form.path}.`), { Location: form.path });
  }

  return (request) => {
    const { method, path } = request;
    const readOnly = method === 'GET' || method === 'HEAD';
    // Only an open device may replace its home page; a protected one keeps it behind the login.
    const extraPage = path === '/' && spec.auth !== 'none' ? undefined : spec.pages?.[path];
    const isFormPath = spec.auth === 'form' && (path === form.path || path === form.successPath);
    if (spec.ipp && path === spec.ipp.path && method === 'POST') return ippAnswer(request, spec.ipp.attributes);
    const protectedPage = spec.auth === 'basic' || spec.auth === 'digest' ? spec.pagesAfterLogin?.[path] : undefined;
    if (path !== '/' && extraPage === undefined && protectedPage === undefined && !isFormPath) return notFound(request);

    if (spec.auth === 'form' && path === form.path && method === 'POST') return formLogin(request);
    if (!readOnly) {
      return html(405, statusPage(405, 'Method Not Allowed', `${method} is not allowed here.`), {
        Allow: spec.auth === 'form' && path === form.path ? 'GET, HEAD, POST' : 'GET, HEAD',
      });
    }
    if (spec.auth === 'form' && path === form.successPath) return formSuccessPage(request);
    if (spec.auth === 'form' && (path === '/' || path === form.path)) return loginForm();
    if (extraPage !== undefined) return staticPage(extraPage);
    if (protectedPage !== undefined) return challengedHome(request, () => staticPage(protectedPage));
    if (spec.auth === 'basic' || spec.auth === 'digest') return challengedHome(request);
    return home();
  };
}
