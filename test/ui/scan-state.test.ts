import { describe, expect, test } from 'vitest';
import type { AuditEvent } from '../../src/model.js';
import { hasResults, initialScanState, scanReducer, type ScanAction, type ScanState } from '../../src/ui/scan-state.js';
import { devices, findings, fixtureEvents, makeResult } from './fixture.js';

const run = (actions: ScanAction[], from: ScanState = initialScanState()): ScanState => actions.reduce(scanReducer, from);
const events = (list: AuditEvent[]): ScanAction[] => list.map((event) => ({ type: 'event', event }));
const running = (): ScanState => run([{ type: 'confirmed', at: 1000 }]);

describe('scanReducer', () => {
  test('starts in confirm and runs once confirmed, remembering when', () => {
    expect(initialScanState().phase).toBe('confirm');
    const state = running();
    expect(state.phase).toBe('running');
    expect(state.startedAt).toBe(1000);
    // A second confirmation does not restart the clock.
    expect(scanReducer(state, { type: 'confirmed', at: 5000 }).startedAt).toBe(1000);
  });

  test('cancel before the scan marks it aborted; cancel during the scan is ignored', () => {
    const cancelled = run([{ type: 'cancelled' }]);
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.aborted).toBe(true);
    expect(scanReducer(running(), { type: 'cancelled' }).phase).toBe('running');
  });

  test('stage-started, stage-progress and stage-finished track each stage', () => {
    let state = run(events([{ type: 'stage-started', stage: 'discovery', total: 254 }]), running());
    expect(state.stages.discovery).toEqual({ status: 'running', done: 0, total: 254, ms: null });
    state = run(events([{ type: 'stage-progress', stage: 'discovery', done: 100, total: 254 }]), state);
    expect(state.stages.discovery.done).toBe(100);
    state = run(events([{ type: 'stage-finished', stage: 'discovery', ms: 4200 }]), state);
    expect(state.stages.discovery).toEqual({ status: 'done', done: 254, total: 254, ms: 4200 });
    expect(state.stages.checks.status).toBe('waiting');
  });

  test('a stage without a total counts what it did', () => {
    const state = run(events([{ type: 'stage-started', stage: 'advice' }, { type: 'stage-finished', stage: 'advice', ms: 3 }]), running());
    expect(state.stages.advice).toEqual({ status: 'done', done: 0, total: null, ms: 3 });
  });

  test('host-found keeps each address once, in order', () => {
    const state = run(
      events([
        { type: 'host-found', ip: '127.40.0.2', source: 'tcp' },
        { type: 'host-found', ip: '127.40.0.1', source: 'mdns' },
        { type: 'host-found', ip: '127.40.0.2', source: 'ssdp' },
      ]),
      running(),
    );
    expect(state.hostsSeen).toEqual(['127.40.0.2', '127.40.0.1']);
  });

  test('source-problem, login-attempt, device-identified and finding accumulate', () => {
    const updatedCamera = { ...devices[2]!, names: ['Achterdeur'] };
    const state = run(
      events([
        { type: 'source-problem', problem: { source: 'mdns', message: 'port 5353 in use' } },
        { type: 'login-attempt', deviceId: 'dev-camera', service: 'http', port: 80 },
        { type: 'login-attempt', deviceId: 'dev-camera', service: 'http', port: 80 },
        { type: 'device-identified', device: devices[2]! },
        { type: 'device-identified', device: devices[0]! },
        { type: 'device-identified', device: updatedCamera },
        { type: 'finding', finding: findings[0]! },
        { type: 'finding', finding: findings[0]! },
      ]),
      running(),
    );
    expect(state.problems).toEqual([{ source: 'mdns', message: 'port 5353 in use' }]);
    expect(state.loginAttempts).toBe(2);
    expect(state.devices.map((device) => device.names[0])).toEqual(['Achterdeur', 'Keuken']);
    expect(state.findings).toHaveLength(1);
  });

  test('the done event brings the result; finished ends the scan', () => {
    const result = makeResult();
    let state = run(events(fixtureEvents(result)), running());
    expect(state.result).toBe(result);
    expect(state.devices).toHaveLength(devices.length);
    expect(state.phase).toBe('running');
    expect(hasResults(state)).toBe(false);
    state = scanReducer(state, { type: 'finished', result, at: 13_000 });
    expect(state.phase).toBe('done');
    expect(state.finishedAt).toBe(13_000);
    expect(hasResults(state)).toBe(true);
  });

  test('stop-requested marks the scan aborted; a partial result keeps what was found', () => {
    let state = run(events([{ type: 'device-identified', device: devices[1]! }]), running());
    state = scanReducer(state, { type: 'stop-requested' });
    expect(state.phase).toBe('stopping');
    expect(state.aborted).toBe(true);
    state = scanReducer(state, { type: 'finished', result: makeResult({ devices: [devices[1]!], findings: [], aborted: true }), at: 2000 });
    expect(state.phase).toBe('done');
    expect(state.aborted).toBe(true);
    expect(state.devices.map((device) => device.id)).toEqual(['dev-router']);
  });

  test('a stopped scan that rejects still shows what the events brought', () => {
    let state = run(events([{ type: 'device-identified', device: devices[3]! }]), running());
    state = run([{ type: 'stop-requested' }, { type: 'failed', message: 'AbortError: aborted', at: 2000 }], state);
    expect(state.phase).toBe('done');
    expect(state.error).toBeNull();
    expect(state.devices.map((device) => device.id)).toEqual(['dev-plug']);
  });

  test('a scan that fails on its own says why', () => {
    const state = scanReducer(running(), { type: 'failed', message: 'ScopeError: no private interface', at: 1500 });
    expect(state.phase).toBe('failed');
    expect(state.error).toBe('ScopeError: no private interface');
    expect(hasResults(state)).toBe(false);
  });

  test('events after the end change nothing', () => {
    const done = scanReducer(running(), { type: 'finished', result: makeResult(), at: 2000 });
    const after = run(events([{ type: 'host-found', ip: '127.40.0.99', source: 'tcp' }, { type: 'login-attempt', deviceId: 'x', service: 'ssh', port: 22 }]), done);
    expect(after).toBe(done);
    expect(scanReducer(done, { type: 'failed', message: 'late', at: 3000 })).toBe(done);
  });

  test('result-updated replaces the result after an answer', () => {
    const done = scanReducer(running(), { type: 'finished', result: makeResult(), at: 2000 });
    const settled = findings.map((finding) => (finding.check === 'missing-mfa' ? { ...finding, settledBy: 'answer: mfa-enabled' } : finding));
    const state = scanReducer(done, { type: 'result-updated', result: makeResult({ findings: settled }) });
    expect(state.result?.findings.find((finding) => finding.check === 'missing-mfa')?.settledBy).toBe('answer: mfa-enabled');
    expect(state.phase).toBe('done');
  });
});
