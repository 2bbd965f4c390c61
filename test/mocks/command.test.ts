import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runMockCommand } from '../../src/mocks/command.js';

// Loopback sub-range of this file: 127.78.7.0/24.
const dir = mkdtempSync(join(tmpdir(), 'mock-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runUntilListed(options: { fleetFile?: string; generate?: number; range?: string }): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const controller = new AbortController();
  const done = runMockCommand({ ...options, stdout, signal: controller.signal });
  await expect.poll(() => text, { timeout: 10_000 }).toContain('Press Ctrl-C to stop.');
  controller.abort();
  await done;
  return text;
}

describe('runMockCommand', () => {
  it('lists what each device serves and the target to scan, then stops on abort', async () => {
    const file = join(dir, 'two.yaml');
    writeFileSync(file, `name: two
range: 127.78.7.0/28
devices:
  - { id: printer, kind: printer, vendor: HP, model: LaserJet, mdns: [{ type: _ipp._tcp, port: 631 }], snmp: { port: 16163 } }
  - { id: extender, kind: access-point, vendor: TP-Link, model: RE305, knobs: { acceptAnyPassword: true }, ssdp: { port: 49153 } }
`);
    const text = await runUntilListed({ fleetFile: file });
    expect(text).toMatch(/^printer\s+127\.78\.7\.1\s+printer\s+HP LaserJet\s+mdns 5353\/udp, snmp 16163\/udp$/m);
    expect(text).toMatch(/^extender\s+127\.78\.7\.2\s+.*upnp-http 49153\/tcp, ssdp 1900\/udp \[accepts any password\]$/m);
    expect(text).toContain('Scan it with: homeaudit scan --target 127.78.7.0/28');
    expect(text.trimEnd().endsWith('Mock fleet stopped.')).toBe(true);
  });

  it('serves a generated fleet in the range given', async () => {
    const text = await runUntilListed({ generate: 20, range: '127.78.7.64/26' });
    expect(text).toContain('Mock fleet "generated-20": 20 devices');
    expect(text).toContain('Scan it with: homeaudit scan --target 127.78.7.64/26');
    expect(text).toMatch(/^fritzbox-1\s+127\.78\.7\.65\s/m);
  });

  it('fails with the file named when the fleet file is bad, starting nothing', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\ndevices: [{ id: x, kind: toaster, vendor: V, model: M }]\n');
    await expect(runMockCommand({ fleetFile: file, stdout: new PassThrough(), signal: new AbortController().signal }))
      .rejects.toThrow(/bad\.yaml: devices › 0 \(id "x"\) › kind/);
  });
});
