import { describe, expect, it } from 'vitest';
import { defaultAdviceKnowledge } from '../../src/advice/index.js';
import { buildReportView } from '../../src/report/index.js';
import { deviceName, ownName } from '../../src/model/device-name.js';
import { deviceName as dashboardName } from '../../src/ui/result-model.js';
import { devices, HOSTILE_NAME, makeResult } from '../ui/fixture.js';

const kinds = { camera: { nl: 'camera', en: 'camera' } };
const camera = { names: [] as string[], vendor: 'Hikvision', kind: 'camera' as const, ip: '192.168.1.20' };

describe('deviceName', () => {
  it('uses its own name first, cleaned', () => {
    expect(ownName({ names: ['', HOSTILE_NAME] })).toBe('EvilCam');
    expect(deviceName({ ...camera, names: ['Voordeur'] }, 'en', kinds)).toBe('Voordeur');
  });

  it('else the maker and kind, in the language, else kind and address', () => {
    expect(deviceName(camera, 'en', kinds)).toBe('Hikvision camera');
    expect(deviceName(camera, 'nl', kinds)).toBe('camera van Hikvision');
    expect(deviceName({ ...camera, vendor: null }, 'en', kinds)).toBe('camera 192.168.1.20');
    expect(deviceName({ ...camera, kind: 'plug' }, 'en', kinds)).toBe('Hikvision plug');
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
