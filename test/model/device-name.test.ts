import { describe, expect, it } from 'vitest';
import { defaultAdviceKnowledge } from '../../src/advice/index.js';
import { buildReportView } from '../../src/report/index.js';
import { deviceName, ownName } from '../../src/model/device-name.js';
import { deviceName as dashboardName } from '../../src/ui/result-model.js';
import { devices, HOSTILE_NAME, makeResult } from '../ui/fixture.js';

const labels = { kinds: { camera: { nl: 'camera', en: 'camera' } }, words: { device: { nl: 'apparaat', en: 'device' } } };
const camera = { names: [] as string[], vendor: 'Hikvision', kind: 'camera' as const, ip: '192.168.1.20', identity: { attributes: { kind: 0.9 } } };
const guessedCamera = { ...camera, identity: { attributes: { kind: 0.25 } } };

describe('deviceName', () => {
  it('uses its own name first, cleaned', () => {
    expect(ownName({ names: ['', HOSTILE_NAME] })).toBe('EvilCam');
    expect(deviceName({ ...camera, names: ['Voordeur'] }, 'en', labels)).toBe('Voordeur');
  });

  it('else the maker and kind, in the language, else kind and address', () => {
    expect(deviceName(camera, 'en', labels)).toBe('Hikvision camera');
    expect(deviceName(camera, 'nl', labels)).toBe('camera van Hikvision');
    expect(deviceName({ ...camera, vendor: null }, 'en', labels)).toBe('camera 192.168.1.20');
    expect(deviceName({ ...camera, kind: 'plug' }, 'en', labels)).toBe('Hikvision plug');
  });

  it('leaves a kind that is only a guess out of the name', () => {
    expect(deviceName(guessedCamera, 'en', labels)).toBe('Hikvision device');
    expect(deviceName(guessedCamera, 'nl', labels)).toBe('apparaat van Hikvision');
    expect(deviceName({ ...guessedCamera, vendor: null }, 'en', labels)).toBe('device 192.168.1.20');
    expect(deviceName({ ...guessedCamera, names: ['Voordeur'] }, 'en', labels)).toBe('Voordeur');
  });

  it('names every device the same in the dashboard and in the report', () => {
    const unnamed = devices.map((device, index) => (index % 2 === 0 ? { ...device, names: [] } : device));
    for (const lang of ['nl', 'en'] as const) {
      const view = buildReportView(makeResult({ devices: unnamed }), lang, defaultAdviceKnowledge());
      for (const device of unnamed) {
        expect(view.devices.find((shown) => shown.id === device.id)?.name).toBe(dashboardName(device, lang));
      }
    }
  });
});
