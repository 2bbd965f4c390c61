import { describe, expect, it } from 'vitest';
import { cameraPrivacyCheck } from '../../src/checks/camera-privacy.js';
import type { DeviceKind } from '../../src/model.js';
import { makeContext, makeDevice } from './knowledge-helpers.js';

const ctx = makeContext({ credentials: [], firmware: [], vendors: [] });

describe('camera-privacy', () => {
  it.each<DeviceKind>(['camera', 'doorbell', 'baby-monitor'])('points a %s to privacy settings (info, no network)', async (kind) => {
    const device = makeDevice({ kind, vendor: 'Acme', model: 'C1' });
    expect(cameraPrivacyCheck.appliesTo(device)).toBe(true);
    const findings = await cameraPrivacyCheck.run(device, ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', details: { sensor: 'camera', kind }, confidence: 'likely' });
  });

  it('says a camera kind that is only a guess is one, and claims no more than "possible"', async () => {
    const device = makeDevice({ kind: 'camera', vendor: 'Hikvision', identity: { attributes: { vendor: 0.8, model: 0, kind: 0.25 } } });
    const [finding] = await cameraPrivacyCheck.run(device, ctx);
    expect(finding).toMatchObject({ confidence: 'possible' });
    expect(finding!.evidence[0]).toMatch(/possibly a camera .*only a guess, 25 %/);
  });

  it('treats speakers as possibly listening', async () => {
    const findings = await cameraPrivacyCheck.run(makeDevice({ kind: 'speaker' }), ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', confidence: 'possible', details: { sensor: 'microphone' } });
  });

  it('does not apply to devices without camera or microphone kinds', () => {
    for (const kind of ['router', 'printer', 'plug', 'unknown'] as DeviceKind[]) {
      expect(cameraPrivacyCheck.appliesTo(makeDevice({ kind })), kind).toBe(false);
    }
  });
});
