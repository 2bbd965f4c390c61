import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TcpServiceSpec } from '../../../src/mocks/types.js';
import { FACTORY_ACCOUNT, personaStarter } from './persona-fixture.js';
import { rawConnect, type RawClient } from './raw-client.js';

// This file's loopback range: 127.79.7.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.7.${nextHost++}`;
const personas = personaStarter();
afterEach(() => personas.closeAll());

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const spec = (auth: 'none' | 'basic' | 'digest'): TcpServiceSpec => ({
  type: 'rtsp',
  port: 8554,
  server: 'Hikvision-Webs',
  auth,
  realm: 'IP Camera(C1234)',
});

/** Sends one request and resolves the full response (head and body). */
async function exchange(client: RawClient, lines: string[]): Promise<string> {
  const from = client.text().length;
  client.write(`${lines.join('\r\n')}\r\n\r\n`);
  const text = await client.waitFor('\r\n\r\n', from);
  const response = text.slice(from);
  const length = Number(/Content-Length: (\d+)/.exec(response)?.[1] ?? 0);
  if (length === 0) return response.slice(0, response.indexOf('\r\n\r\n') + 4);
  const headEnd = response.indexOf('\r\n\r\n') + 4;
  await client.waitForBytes(from + headEnd + length);
  return client.text().slice(from, from + headEnd + length);
}

describe('rtsp persona', () => {
  it('answers OPTIONS with Public and Server, without asking for a login', async () => {
    const address = nextAddress();
    await personas.start(address, spec('digest'));
    const client = await rawConnect(address, 8554);
    const response = await exchange(client, [`OPTIONS rtsp://${address}:8554/ RTSP/1.0`, 'CSeq: 1']);
    client.close();
    expect(response).toMatch(/^RTSP\/1\.0 200 OK\r\n/);
    expect(response).toContain('CSeq: 1\r\n');
    expect(response).toContain('Server: Hikvision-Webs\r\n');
    expect(response).toMatch(/Public: [^\r]*DESCRIBE/);
  });

  it('answers DESCRIBE with 401 Digest, then 200 and an SDP for the right Digest answer', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, spec('digest'));
    const client = await rawConnect(address, 8554);
    const uri = `rtsp://${address}:8554/Streaming/Channels/101`;
    const refused = await exchange(client, [`DESCRIBE ${uri} RTSP/1.0`, 'CSeq: 2', 'Accept: application/sdp']);
    expect(refused).toMatch(/^RTSP\/1\.0 401 Unauthorized\r\n/);
    const challenge = /WWW-Authenticate: (Digest [^\r]+)/.exec(refused)?.[1] ?? '';
    const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? '';
    expect(field('realm')).toBe('IP Camera(C1234)');

    const answer = (password: string, nc: string) => {
      const cnonce = randomBytes(4).toString('hex');
      const ha1 = md5(`${FACTORY_ACCOUNT.username}:${field('realm')}:${password}`);
      const response = md5(`${ha1}:${field('nonce')}:${nc}:${cnonce}:auth:${md5(`DESCRIBE:${uri}`)}`);
      return `Authorization: Digest username="${FACTORY_ACCOUNT.username}", realm="${field('realm')}", nonce="${field('nonce')}", uri="${uri}", response="${response}", opaque="${field('opaque')}", qop=auth, nc=${nc}, cnonce="${cnonce}"`;
    };
    const wrong = await exchange(client, [`DESCRIBE ${uri} RTSP/1.0`, 'CSeq: 3', answer('nope', '00000001')]);
    expect(wrong).toMatch(/^RTSP\/1\.0 401 /);
    const right = await exchange(client, [`DESCRIBE ${uri} RTSP/1.0`, 'CSeq: 4', answer(FACTORY_ACCOUNT.password, '00000002')]);
    client.close();
    expect(right).toMatch(/^RTSP\/1\.0 200 OK\r\n/);
    expect(right).toContain('CSeq: 4\r\n');
    expect(right).toContain('Content-Type: application/sdp\r\n');
    expect(right).toContain('\r\nv=0\r\n');
    expect(right).toContain('m=video 0 RTP/AVP 96');
    expect(ctx.state).toMatchObject({ loginAttempts: 2, successfulLogins: 1 });
  });

  it('supports Basic, no auth, and answers 403 while locked out', async () => {
    const basicAddress = nextAddress();
    await personas.start(basicAddress, spec('basic'), { lockoutAfter: 1 });
    const client = await rawConnect(basicAddress, 8554);
    const uri = `rtsp://${basicAddress}:8554/live`;
    const ask = await exchange(client, [`DESCRIBE ${uri} RTSP/1.0`, 'CSeq: 1']);
    expect(ask).toContain('WWW-Authenticate: Basic realm="IP Camera(C1234)"');
    const basic = (password: string) => `Authorization: Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;
    expect(await exchange(client, [`DESCRIBE ${uri} RTSP/1.0`, 'CSeq: 2', basic('bad')])).toMatch(/^RTSP\/1\.0 401 /);
    expect(await exchange(client, [`DESCRIBE ${uri} RTSP/1.0`, 'CSeq: 3', basic(FACTORY_ACCOUNT.password)])).toMatch(/^RTSP\/1\.0 403 /);
    client.close();

    const openAddress = nextAddress();
    await personas.start(openAddress, spec('none'));
    const open = await rawConnect(openAddress, 8554);
    expect(await exchange(open, [`DESCRIBE rtsp://${openAddress}:8554/ RTSP/1.0`, 'CSeq: 7'])).toMatch(/^RTSP\/1\.0 200 OK\r\n/);
    open.close();
  });
});
