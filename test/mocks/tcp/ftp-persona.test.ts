import { Client, FTPError } from 'basic-ftp';
import { afterEach, describe, expect, it } from 'vitest';
import type { TcpServiceSpec } from '../../../src/mocks/types.js';
import { FACTORY_ACCOUNT, personaStarter } from './persona-fixture.js';
import { rawConnect } from './raw-client.js';

// This file's loopback range: 127.79.5.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.5.${nextHost++}`;
const personas = personaStarter();
afterEach(() => personas.closeAll());

const spec = (anonymous: boolean): TcpServiceSpec => ({ type: 'ftp', port: 2121, banner: '(vsFTPd 3.0.3)', anonymous });

async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(5000);
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

describe('ftp persona', () => {
  it('greets with the banner, lets the account log in and list files over passive mode', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, spec(false));
    await withClient(async (client) => {
      const greeting = await client.access({ host: address, port: 2121, user: FACTORY_ACCOUNT.username, password: FACTORY_ACCOUNT.password });
      expect(greeting.message).toContain('220 (vsFTPd 3.0.3)');
      const files = await client.list();
      expect(files.map((file) => file.name).sort()).toEqual(['pub', 'readme.txt']);
      expect(files.find((file) => file.name === 'pub')?.isDirectory).toBe(true);
      expect(await client.pwd()).toBe('/');
      expect((await client.send('SYST')).message).toContain('UNIX Type: L8');
    });
    expect(ctx.state).toMatchObject({ loginAttempts: 1, successfulLogins: 1 });
  });

  it('allows anonymous only when configured', async () => {
    const open = nextAddress();
    await personas.start(open, spec(true));
    await withClient(async (client) => {
      await client.access({ host: open, port: 2121, user: 'anonymous', password: 'guest@example.com' });
      expect((await client.list()).length).toBe(2);
    });

    const closed = nextAddress();
    await personas.start(closed, spec(false));
    await withClient(async (client) => {
      const refused = await client.access({ host: closed, port: 2121, user: 'anonymous', password: 'guest@' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FTPError);
      expect((refused as FTPError).code).toBe(530);
    });
  });

  it('denies a wrong password and closes after three failures', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, spec(false));
    const client = await rawConnect(address, 2121);
    await client.waitFor('220 ');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      client.write(`USER admin\r\nPASS wrong${attempt}\r\n`);
    }
    await client.closed;
    expect(client.text().match(/530 Login incorrect/g)).toHaveLength(3);
    expect(client.text()).not.toContain('230');
    expect(ctx.state).toMatchObject({ loginAttempts: 3, successfulLogins: 0 });
  });

  it('answers 421 and hangs up while locked out', async () => {
    const address = nextAddress();
    await personas.start(address, spec(false), { lockoutAfter: 1 });
    const client = await rawConnect(address, 2121);
    await client.waitFor('220 ');
    client.write('USER admin\r\nPASS bad\r\nUSER admin\r\nPASS admin123\r\n');
    await client.closed;
    expect(client.text()).toContain('530 Login incorrect');
    expect(client.text()).toContain('421 ');
  });

  it('lets any password in when the device accepts any', async () => {
    const address = nextAddress();
    await personas.start(address, spec(false), { acceptAnyPassword: true });
    await withClient((client) => client.access({ host: address, port: 2121, user: 'x', password: 'y' }));
  });
});
