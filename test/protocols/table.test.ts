// The protocol table is what the login check, the credentials and the mock fleet agree on.

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { LoginServiceKind } from '../../src/checks/login/login-services.js';
import { LOGIN_PROTOCOLS as KNOWLEDGE_PROTOCOLS } from '../../src/knowledge/types.js';
import type { TcpServiceSpec } from '../../src/mocks/types.js';
import { LOGIN_PROTOCOLS, MOCK_SERVICE_TYPES, PLAIN_LOGIN_BY_PORT_NAME } from '../../src/protocols/table.js';

describe('the protocol table', () => {
  it('feeds the credential protocols and the login service kinds', () => {
    expect(KNOWLEDGE_PROTOCOLS).toBe(LOGIN_PROTOCOLS);
    expect(LOGIN_PROTOCOLS).toEqual(['http', 'telnet', 'ssh', 'ftp', 'mqtt', 'snmp', 'rtsp']);
    expectTypeOf<LoginServiceKind>().toEqualTypeOf<'http-basic' | 'http-digest' | 'http-form' | 'telnet' | 'ssh' | 'ftp' | 'mqtt' | 'rtsp'>();
    expect(PLAIN_LOGIN_BY_PORT_NAME['secure-mqtt']).toBe('mqtt');
    expect(PLAIN_LOGIN_BY_PORT_NAME.http).toBeUndefined();
  });

  it('names every service type a fleet file may use', () => {
    expectTypeOf<TcpServiceSpec['type']>().toEqualTypeOf<(typeof MOCK_SERVICE_TYPES)[number]>();
    expect(MOCK_SERVICE_TYPES).toEqual(['http', 'https', 'telnet', 'ssh', 'ftp', 'mqtt', 'rtsp', 'vnc', 'open']);
  });
});
