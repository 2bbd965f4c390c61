// Hosts that accept everything get no guesses they cannot answer: a device that took a random
// password is not guessed at further, and the silent ports of a host open on most swept ports are
// no login services. Coverage says so.

import { describe, expect, it } from 'vitest';
import { createDefaultCredentialsCheck } from '../../../src/checks/default-credentials.js';
import { ledgerOf } from '../../../src/checks/login/ledger.js';
import type { ServiceLoginProbe } from '../../../src/checks/login/try-login.js';
import { SWEEP_PORTS } from '../../../src/discovery/ports.js';
import type { PortInfo } from '../../../src/model.js';
import { checksOf, credential, makeContext, makeDevice } from '../device-fixture.js';

const list = [credential('t1', 'root', 'xc3511', ['telnet', 'ftp']), credential('h1', 'admin', 'admin', ['http', 'ftp'])];

function countingProbe(answer: (kind: string) => 'success' | 'denied') {
  const calls: string[] = [];
  const probe: ServiceLoginProbe = async (_ip, service) => {
    calls.push(`${service.kind}/${service.port}`);
    return answer(service.kind) === 'success' ? { outcome: 'success', proof: 'shell prompt' } : { outcome: 'denied' };
  };
  return { probe, calls };
}

describe('hosts that accept everything', () => {
  it('stops guessing on a device once a service took a random password, and says why', async () => {
    const device = makeDevice('127.81.13.1', [
      { transport: 'tcp', port: 23, name: 'telnet', banner: 'login:' },
      { transport: 'tcp', port: 80, name: 'http', http: { status: 401, authScheme: 'basic', headers: {} } },
    ], { vendor: 'Unknown' });
    const { ctx, notes } = makeContext([device], list);
    const { probe, calls } = countingProbe(() => 'success');
    const findings = await createDefaultCredentialsCheck({ probe, forms: [] }).run(device, ctx);
    expect(checksOf(findings)).toEqual(['accepts-any-password']);
    // The candidate and the random password on telnet; nothing on the web admin.
    expect(calls).toEqual(['telnet/23', 'telnet/23']);
    const web = ledgerOf(ctx).coverage()[device.id]!.find((line) => line.service === 'http-basic');
    expect(web).toMatchObject({ attempts: 0, result: 'not-tried', reason: 'not tried: the device accepts any password (telnet on :23 took a random password)' });
    expect(notes.join('\n')).toMatch(/not fully checked: HTTP Basic on :80 not tried: the device accepts any password/);
  });

  it('tries no login on the silent ports of a host open on most swept ports, but still on one that spoke', async () => {
    const silent: PortInfo[] = SWEEP_PORTS.slice(0, Math.ceil(SWEEP_PORTS.length / 2)).map((p) => ({ transport: 'tcp', port: p.port, name: p.name }));
    const ports = [...silent.filter((p) => p.port !== 21), { transport: 'tcp' as const, port: 21, name: 'ftp', banner: '220 FTP ready' }];
    expect(ports.some((p) => p.name === 'telnet' && p.banner === undefined)).toBe(true);
    const device = makeDevice('127.81.13.2', ports, { vendor: 'Unknown' });
    const { ctx } = makeContext([device], list);
    const { probe, calls } = countingProbe(() => 'denied');
    expect(await createDefaultCredentialsCheck({ probe, forms: [] }).run(device, ctx)).toEqual([]);
    expect(calls.every((call) => call === 'ftp/21')).toBe(true);
    expect(calls.length).toBeGreaterThan(0);
    const telnet = ledgerOf(ctx).coverage()[device.id]!.find((line) => line.service === 'telnet');
    expect(telnet).toMatchObject({ attempts: 0, result: 'not-tried', reason: expect.stringMatching(/^not tried: the device accepts a connection on \d+ of the \d+ swept ports and said nothing on this one$/) });
  });

  it('still tries a silent port of a host with a plausible number of open ports', async () => {
    const device = makeDevice('127.81.13.3', [{ transport: 'tcp', port: 23, name: 'telnet' }, { transport: 'tcp', port: 80, name: 'http' }], { vendor: 'Unknown' });
    const { ctx } = makeContext([device], list);
    const { probe, calls } = countingProbe(() => 'denied');
    await createDefaultCredentialsCheck({ probe, forms: [] }).run(device, ctx);
    expect(calls).toContain('telnet/23');
  });
});
