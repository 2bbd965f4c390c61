// The protocol table is what the login check, the credentials and the mock fleet agree on.

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { LoginServiceKind } from '../../src/checks/login/login-services.js';
import { LOGIN_PROTOCOLS as KNOWLEDGE_PROTOCOLS } from '../../src/knowledge/types.js';
import type { TcpServiceSpec } from '../../src/mocks/types.js';
import { LOGIN_PROBES, LOGIN_PROTOCOL_TABLE, LOGIN_PROTOCOLS, MOCK_SERVICE_TYPES, PLAIN_LOGIN_BY_PORT_NAME } from '../../src/protocols/table.js';
import { probeSshLogin } from '../../src/protocols/ssh/login.js';

describe('the protocol table', () => {
  it('feeds the credential protocols and the login service kinds', () => {
    expect(KNOWLEDGE_PROTOCOLS).toBe(LOGIN_PROTOCOLS);
    expect(LOGIN_PROTOCOLS).toEqual(['http', 'telnet', 'ssh', 'ftp', 'mqtt', 'snmp', 'rtsp']);
    expectTypeOf<LoginServiceKind>().toEqualTypeOf<'http-basic' | 'http-digest' | 'http-form' | 'telnet' | 'ssh' | 'ftp' | 'mqtt' | 'rtsp'>();
    expect(PLAIN_LOGIN_BY_PORT_NAME['secure-mqtt']).toBe('mqtt');
    expect(PLAIN_LOGIN_BY_PORT_NAME.http).toBeUndefined();
  });

  it('names a prober for every protocol that has login services, and none for SNMP', () => {
    for (const row of LOGIN_PROTOCOL_TABLE) expect(row.probe === null, row.protocol).toBe(row.serviceKinds.length === 0);
    expect(LOGIN_PROBES.ssh).toBe(probeSshLogin);
    expect(LOGIN_PROBES.snmp).toBeNull();
  });

  it('names every service type a fleet file may use', () => {
    expectTypeOf<TcpServiceSpec['type']>().toEqualTypeOf<(typeof MOCK_SERVICE_TYPES)[number]>();
    expect(MOCK_SERVICE_TYPES).toEqual(['http', 'https', 'telnet', 'ssh', 'ftp', 'mqtt', 'rtsp', 'vnc', 'open']);
  });
});
