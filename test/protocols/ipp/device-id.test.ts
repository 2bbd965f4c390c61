import { describe, expect, it } from 'vitest';
import { deviceIdMakerAndModel, parseDeviceId } from '../../../src/protocols/ipp/device-id.js';

describe('the IEEE 1284 device ID', () => {
  it('reads maker and model in their short spelling (CUPS ippeveprinter on the real-daemon network)', () => {
    expect(deviceIdMakerAndModel('MFG:Quillon;MDL:JetDesk 410;CMD:PDF,URF;')).toEqual({ maker: 'Quillon', model: 'JetDesk 410' });
  });

  it('prefers the long spelling, ignores key case and surrounding blanks', () => {
    expect(deviceIdMakerAndModel(' manufacturer: Hewlett-Packard ;MFG:HP; Model:LaserJet M254dw;MDL:M254')).toEqual({ maker: 'Hewlett-Packard', model: 'LaserJet M254dw' });
  });

  it('skips pairs without a key or a value, and says nothing when maker and model are missing', () => {
    expect([...parseDeviceId(':x;CMD:;CLS:PRINTER;garbage;DES:a:b')]).toEqual([['CLS', 'PRINTER'], ['DES', 'a:b']]);
    expect(deviceIdMakerAndModel('CLS:PRINTER;')).toEqual({});
  });
});
