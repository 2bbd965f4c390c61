import { createHash, randomBytes } from 'node:crypto';
import { connect as tlsConnect } from 'node:tls';
import { Agent, request } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WebServiceSpec } from '../../../src/mocks/tcp/web-routes.js';
import { FACTORY_ACCOUNT, personaStarter } from './persona-fixture.js';
import { rawConnect } from './raw-client.js';

// This file's loopback range: 127.79.1.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.1.${nextHost++}`;
const personas = personaStarter();
const agent = new Agent({ connect: { rejectUnauthorized: false, timeout: 5000 }, headersTimeout: 5000, bodyTimeout: 5000 });

afterEach(() => personas.closeAll());
afterAll(() => agent.close());

const AFTER_LOGIN = 'Camera status: recording to SD card';

function webSpec(overrides: Partial<WebServiceSpec> = {}): WebServiceSpec {
  return {
    type: 'http',
    port: 8080,
    server: 'lighttpd/1.4.35',
    title: 'Acme IPC-100 Web Client',
    auth: 'none',
    afterLogin: AFTER_LOGIN,
    pages: { '/info.html': '<html><body>model=IPC-100 firmware=1.2.3</body></html>' },
    ...overrides,
  };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { dispatcher: agent, headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

async function post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await request(url, {
    dispatcher: agent,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** Computes an RFC 7616 MD5/qop=auth answer to a challenge, independently of the server code. */
function digestAnswer(challenge: string, method: string, uri: string, username: string, password: string, nc = '00000001') {
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const realm = field('realm');
  const nonce = field('nonce');
  const opaque = field('opaque');
  const cnonce = randomBytes(8).toString('hex');
  const response = md5(`${md5(`${username}:${realm}:${password}`)}:${nonce}:${nc}:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${username}", realm="${realm}", nonce="${nonce}", uri="${uri}", qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", opaque="${opaque}", algorithm=MD5`;
}

describe('web persona, no login', () => {
  it('serves the title and Server header, extra pages, and a real 404 for unknown paths', async () => {
    const address = nextAddress();
    const { persona } = await personas.start(address, webSpec());
    const home = await get(`http://${address}:8080/`);
    expect(home.status).toBe(200);
    expect(home.headers.server).toBe('lighttpd/1.4.35');
    expect(home.body).toContain('<title>Acme IPC-100 Web Client</title>');
    const info = await get(`http://${address}:8080/info.html`);
    expect(info.body).toContain('firmware=1.2.3');
    const missing = await get(`http://${address}:8080/no-such-page-${Date.now()}`);
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('Acme IPC-100 Web Client');
    expect(persona.served).toEqual([
      { deviceId: `dev-${address.replace(/\./g, '-')}`, address, protocol: 'http', port: 8080, transport: 'tcp' },
    ]);
  });

  it('replays a recorded answer to GET /: its status, headers and body, without a made-up title', async () => {
    const address = nextAddress();
    const answer = { status: 200, headers: { 'Content-Type': 'text/plain', 'X-Frame-Options': 'SAMEORIGIN', 'Content-Length': '999', Date: 'Mon, 01 Jan 2018 00:00:00 GMT' }, body: 'router ready' };
    await personas.start(address, webSpec({ title: undefined, server: 'GoAhead-Webs', answer }));
    const home = await get(`http://${address}:8080/`);
    expect(home.status).toBe(200);
    expect(home.body).toBe('router ready');
    expect(home.headers['content-type']).toBe('text/plain');
    expect(home.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(home.headers['content-length']).toBe('12');
    expect(home.headers.server).toBe('GoAhead-Webs');
  });

  it('keeps a recorded refusal\'s body and headers behind a Basic challenge with the fleet\'s realm', async () => {
    const address = nextAddress();
    const answer = { status: 401, headers: { 'content-type': 'text/html', 'WWW-Authenticate': 'Basic realm="stale"' }, body: '<html><title>401 Unauthorized</title></html>' };
    await personas.start(address, webSpec({ title: undefined, auth: 'basic', realm: 'NETGEAR R7000', answer }));
    const home = await get(`http://${address}:8080/`);
    expect(home.status).toBe(401);
    expect(home.headers['www-authenticate']).toBe('Basic realm="NETGEAR R7000"');
    expect(home.body).toBe(answer.body);
  });

  it('sends no title and an empty realm where the fleet names none', async () => {
    const address = nextAddress();
    await personas.start(address, webSpec({ title: undefined, auth: 'basic' }));
    const refused = await get(`http://${address}:8080/`);
    expect(refused.headers['www-authenticate']).toBe('Basic realm=""');
    const open = nextAddress();
    await personas.start(open, webSpec({ title: undefined }));
    expect((await get(`http://${open}:8080/`)).body).not.toContain('<title>');
  });

  it('answers HEAD without a body and refuses other methods on known pages with 405', async () => {
    const address = nextAddress();
    await personas.start(address, webSpec());
    const head = await request(`http://${address}:8080/`, { dispatcher: agent, method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(await head.body.text()).toBe('');
    const put = await request(`http://${address}:8080/`, { dispatcher: agent, method: 'PUT', body: 'x' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    await put.body.dump();
  });

  it('cuts off a request with a huge body', async () => {
    const address = nextAddress();
    await personas.start(address, webSpec());
    const client = await rawConnect(address, 8080);
    client.write(`POST / HTTP/1.1\r\nHost: ${address}\r\nContent-Length: 10000000\r\n\r\n`);
    client.write(Buffer.alloc(64 * 1024, 0x41));
    const answer = await client.waitFor('\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    await client.closed;
  });
});

describe('web persona, Basic auth', () => {
  it('asks for Basic credentials and shows the after-login page only to the right password', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, webSpec({ auth: 'basic', realm: 'IPCamera Login' }));
    const url = `http://${address}:8080/`;
    const anonymous = await get(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Basic realm="IPCamera Login"');
    expect(anonymous.body).not.toContain(AFTER_LOGIN);

    const wrong = await get(url, { authorization: basic('admin', 'wrong') });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain(AFTER_LOGIN);

    const right = await get(url, { authorization: basic(FACTORY_ACCOUNT.username, FACTORY_ACCOUNT.password) });
    expect(right.status).toBe(200);
    expect(right.body).toContain(AFTER_LOGIN);
    expect(ctx.state).toMatchObject({ loginAttempts: 2, successfulLogins: 1 });

    expect((await get(`http://${address}:8080/nothing-here`)).status).toBe(404);
  });

  it('lets any password in when the device accepts any password', async () => {
    const address = nextAddress();
    await personas.start(address, webSpec({ auth: 'basic' }), { acceptAnyPassword: true });
    const answer = await get(`http://${address}:8080/`, { authorization: basic('nobody', randomBytes(6).toString('hex')) });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(AFTER_LOGIN);
  });

  it('locks out after the configured failures, even for the right password', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, webSpec({ auth: 'basic' }), { lockoutAfter: 2, lockoutMs: 60_000 });
    const url = `http://${address}:8080/`;
    for (const attempt of ['x1', 'x2']) {
      expect((await get(url, { authorization: basic('admin', attempt) })).status).toBe(401);
    }
    const locked = await get(url, { authorization: basic(FACTORY_ACCOUNT.username, FACTORY_ACCOUNT.password) });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body).not.toContain(AFTER_LOGIN);
    expect(ctx.state.lockedUntil).toBeGreaterThan(Date.now());
    expect(ctx.state).toMatchObject({ loginAttempts: 3, successfulLogins: 0 });
  });
});

describe('web persona, Digest auth', () => {
  it('issues an MD5 qop=auth challenge and verifies the response', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, webSpec({ auth: 'digest', realm: 'Login to ACME' }));
    const url = `http://${address}:8080/`;
    const first = await get(url);
    expect(first.status).toBe(401);
    const challenge = String(first.headers['www-authenticate']);
    expect(challenge).toMatch(/^Digest /);
    expect(challenge).toContain('realm="Login to ACME"');
    expect(challenge).toContain('qop="auth"');
    expect(challenge).toMatch(/nonce="[^"]+"/);
    expect(challenge).toMatch(/opaque="[^"]+"/);

    const wrong = await get(url, { authorization: digestAnswer(challenge, 'GET', '/', 'admin', 'wrong') });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain(AFTER_LOGIN);

    const fresh = String((await get(url)).headers['www-authenticate']);
    const authorization = digestAnswer(fresh, 'GET', '/', FACTORY_ACCOUNT.username, FACTORY_ACCOUNT.password);
    const right = await get(url, { authorization });
    expect(right.status).toBe(200);
    expect(right.body).toContain(AFTER_LOGIN);

    // The same nonce count again is a replay: refused, and not counted as a login.
    const replay = await get(url, { authorization });
    expect(replay.status).toBe(401);
    expect(ctx.state).toMatchObject({ loginAttempts: 2, successfulLogins: 1 });
  });

  it('refuses a response computed for another URI', async () => {
    const address = nextAddress();
    await personas.start(address, webSpec({ auth: 'digest' }));
    const challenge = String((await get(`http://${address}:8080/`)).headers['www-authenticate']);
    const answer = await get(`http://${address}:8080/`, {
      authorization: digestAnswer(challenge, 'GET', '/other', FACTORY_ACCOUNT.username, FACTORY_ACCOUNT.password),
    });
    expect(answer.status).toBe(401);
  });
});

describe('web persona, form login', () => {
  const form = { path: '/cgi-bin/login', userField: 'user', passField: 'pass', successPath: '/main.html', cookieName: 'sid' };

  async function loginPage(address: string) {
    const page = await get(`http://${address}:8080${form.path}`);
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(page.body)?.[1];
    return { page, csrf: csrf ?? '' };
  }

  it('needs the CSRF token, sets the session cookie on success and shows after-login text only with it', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, webSpec({ auth: 'form', form }));
    const home = await get(`http://${address}:8080/`);
    expect(home.body).toContain(`action="${form.path}"`);

    const { page, csrf } = await loginPage(address);
    expect(page.status).toBe(200);
    expect(page.body).toContain('name="user"');
    expect(page.body).toContain('type="password" name="pass"');
    expect(csrf).not.toBe('');

    const noToken = await post(`http://${address}:8080${form.path}`, { user: 'admin', pass: 'admin123' });
    expect(noToken.status).toBe(403);

    const wrong = await post(`http://${address}:8080${form.path}`, { csrf_token: csrf, user: 'admin', pass: 'nope' });
    expect(wrong.status).toBe(200);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toContain('Invalid user name or password');

    // A token is single use: the one above is spent.
    const reused = await post(`http://${address}:8080${form.path}`, { csrf_token: csrf, user: 'admin', pass: 'admin123' });
    expect(reused.status).toBe(403);

    const { csrf: fresh } = await loginPage(address);
    const right = await post(`http://${address}:8080${form.path}`, { csrf_token: fresh, user: 'admin', pass: 'admin123' });
    expect(right.status).toBe(302);
    expect(right.headers.location).toBe(form.successPath);
    const cookie = String(right.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).toMatch(/^sid=[0-9a-f]+$/);

    const withoutCookie = await get(`http://${address}:8080${form.successPath}`);
    expect(withoutCookie.status).toBe(302);
    expect(withoutCookie.headers.location).toBe(form.path);
    expect(withoutCookie.body).not.toContain(AFTER_LOGIN);
    const forgedCookie = await get(`http://${address}:8080${form.successPath}`, { cookie: 'sid=00112233' });
    expect(forgedCookie.status).toBe(302);

    const withCookie = await get(`http://${address}:8080${form.successPath}`, { cookie });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body).toContain(AFTER_LOGIN);
    expect(ctx.state).toMatchObject({ loginAttempts: 2, successfulLogins: 1 });
  });

  it('answers a lock-out page once locked', async () => {
    const address = nextAddress();
    await personas.start(address, webSpec({ auth: 'form', form }), { lockoutAfter: 1 });
    const { csrf } = await loginPage(address);
    await post(`http://${address}:8080${form.path}`, { csrf_token: csrf, user: 'admin', pass: 'nope' });
    const { csrf: again } = await loginPage(address);
    const locked = await post(`http://${address}:8080${form.path}`, { csrf_token: again, user: 'admin', pass: 'admin123' });
    expect(locked.status).toBe(429);
    expect(locked.body).toContain('Too many failed login attempts');
  });
});

describe('web persona over TLS', () => {
  it('serves https with a self-signed certificate naming the device', async () => {
    const address = nextAddress();
    await personas.start(address, webSpec({ type: 'https', port: 8443 }));
    const home = await get(`https://${address}:8443/`);
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Acme IPC-100 Web Client</title>');
    const subject = await new Promise<string>((resolve, reject) => {
      const socket = tlsConnect({ host: address, port: 8443, rejectUnauthorized: false }, () => {
        const certificate = socket.getPeerCertificate();
        socket.destroy();
        resolve(`${certificate.subject.CN}|${certificate.issuer.CN}|${certificate.subjectaltname}`);
      });
      socket.on('error', reject);
    });
    expect(subject).toBe(`ipcam-hall|ipcam-hall|IP Address:${address}, DNS:ipcam-hall, DNS:ipcam-hall.local`);
  });
});
