import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore, diffScans } from '../../src/history/index.js';
import { device, finding, result } from './fixture.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'homeaudit-history-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const camera = device('ip-127.0.0.10', '127.0.0.10', 'camera', 'Hikvision');
const router = device('ip-127.0.0.1', '127.0.0.1', 'router', 'AVM');
const plug = device('ip-127.0.0.30', '127.0.0.30', 'plug', 'Shelly');

describe('history store', () => {
  it('keeps scans across reopening, lists them in order and returns them whole', () => {
    const store = HistoryStore.open(dir);
    const first = store.save(result([router, camera], [finding('default-credentials', camera.id, 'http:80', 'critical')]));
    const second = store.save(result([router], [], '2026-11-02T10:00:00.000Z'), { [router.id]: { 'mfa-enabled': true } });
    store.close();

    const reopened = HistoryStore.open(dir);
    const list = reopened.list();
    expect(list.map((s) => s.id)).toEqual([first, second]);
    expect(list[0]).toMatchObject({ devices: 2, findings: 1, worst: 'critical', targets: ['127.77.0.0/24'] });
    expect(list[1]).toMatchObject({ devices: 1, findings: 0, worst: 'none' });
    const stored = reopened.get(second);
    expect(stored.answers).toEqual({ [router.id]: { 'mfa-enabled': true } });
    expect(stored.result.devices[0]?.vendor).toBe('AVM');
    expect(reopened.integrityOk()).toBe(true);
    reopened.close();
  });

  it('reads a scan kept before attributes had their own confidence back with the one confidence it stated', () => {
    const store = HistoryStore.open(dir);
    const { attributes: _dropped, ...oldIdentity } = camera.identity;
    const old = { ...camera, identity: { ...oldIdentity, confidence: 0.7 } } as unknown as typeof camera;
    const id = store.save(result([old, router], []));
    const stored = store.get(id);
    expect(stored.result.devices[0]?.identity.attributes).toEqual({ vendor: 0.7, model: 0.7, kind: 0.7 });
    expect(stored.result.devices[1]?.identity.attributes).toEqual(router.identity.attributes);
    store.close();
  });

  it('deletes one scan, purges all, and says so when an id does not exist', () => {
    const store = HistoryStore.open(dir);
    const a = store.save(result([router], []));
    const b = store.save(result([camera], []));
    expect(store.delete(a)).toBe(true);
    expect(store.delete(a)).toBe(false);
    expect(store.list().map((s) => s.id)).toEqual([b]);
    expect(() => store.get(a)).toThrow(/no scan with id/);
    expect(store.purge()).toBe(1);
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('prunes scans older than the retention period only', () => {
    const store = HistoryStore.open(dir);
    store.save(result([router], [], '2025-01-01T10:00:00.000Z'));
    const recent = store.save(result([router], [], '2026-11-20T10:00:00.000Z'));
    expect(store.prune(30, new Date('2026-11-22T00:00:00.000Z'))).toBe(1);
    expect(store.list().map((s) => s.id)).toEqual([recent]);
    store.close();
  });

  it('round-trips two scans of a home that changed and diffs them as a helpdesk needs', () => {
    const store = HistoryStore.open(dir);
    const before = store.save(
      result([router, camera], [
        finding('default-credentials', camera.id, 'http:80', 'critical'),
        finding('remote-access', router.id, 'telnet:23', 'critical'),
      ]),
    );
    // Second visit: the camera's password was changed, a plug was added with a problem of its own.
    const after = store.save(
      result([router, camera, plug], [
        finding('remote-access', router.id, 'telnet:23', 'critical'),
        finding('plain-http-admin', plug.id, 'http:80', 'low'),
      ], '2026-11-08T10:00:00.000Z'),
    );
    const diff = diffScans(store.get(before).result, store.get(after).result);
    expect(diff.devicesNew.map((d) => d.id)).toEqual([plug.id]);
    expect(diff.devicesGone).toEqual([]);
    expect(diff.findingsFixed.map((f) => f.id)).toEqual([`default-credentials:${camera.id}:http:80`]);
    expect(diff.findingsNew.map((f) => f.id)).toEqual([`plain-http-admin:${plug.id}:http:80`]);
    expect(diff.findingsOpen.map((f) => f.id)).toEqual([`remote-access:${router.id}:telnet:23`]);
    store.close();
  });

  it('does not call the findings of a device that left "fixed"', () => {
    const diff = diffScans(
      result([router, camera], [finding('default-credentials', camera.id, 'http:80')]),
      result([router], []),
    );
    expect(diff.devicesGone.map((d) => d.id)).toEqual([camera.id]);
    expect(diff.findingsFixed).toEqual([]);
  });

  it('reports an unusable data directory clearly', () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    expect(() => HistoryStore.open(join(file, 'history'))).toThrow(/cannot open the scan history at .*not-a-directory\/history/);
  });
});
