import { describe, expect, it } from 'vitest';
import { MockBindError } from '../../src/mocks/errors.js';

const cause = (code: string): Error => Object.assign(new Error(`bind ${code}`), { code });

describe('MockBindError', () => {
  it('tells how to allow ports below 1024 when the bind was refused', () => {
    const error = new MockBindError('printer', 'snmp', '127.77.0.4', 161, { cause: cause('EACCES') });
    expect(error.name).toBe('MockBindError');
    expect(error.message).toContain('device "printer" cannot serve snmp on 127.77.0.4:161');
    expect(error.message).toContain('sysctl net.ipv4.ip_unprivileged_port_start=0');
    expect(error.cause).toMatchObject({ code: 'EACCES' });
  });

  it('says the address is taken, or missing, without privilege advice', () => {
    expect(new MockBindError('nas', 'telnet', '127.77.0.8', 23, { cause: cause('EADDRINUSE') }).message).toMatch(/already in use/);
    const missing = new MockBindError('nas', 'telnet', '127.77.0.8', 2323, { cause: cause('EADDRNOTAVAIL') }).message;
    expect(missing).toMatch(/does not exist on this machine/);
    expect(missing).not.toContain('sysctl');
  });
});
