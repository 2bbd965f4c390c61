import { describe, expect, it } from 'vitest';
import { deviceNames } from '../../src/identify/index.js';
import { emptyFacts, recordedFacts } from './helpers.js';

describe('deviceNames', () => {
  it('lists friendly names first, without machine identifiers or duplicates', () => {
    expect(deviceNames(recordedFacts('google-home-mini'))).toEqual(['Woonkamer']);
    expect(deviceNames(recordedFacts('philips-hue-bridge-bsb002'))).toEqual([
      'Hue Bridge (192.168.1.20)',
      'Philips Hue - A1B2C3',
      'Philips-hue',
    ]);
  });

  it('strips escape codes and control characters from announced names', () => {
    const facts = emptyFacts({
      mdns: [{ instance: '\u001b[2J\u001b[31mKeuken\u001b[0m', type: '_http._tcp', port: 80, txt: { fn: 'Voordeur\u0007\r\n' } }],
      snmp: { community: 'public', version: '2c', sysName: 'printer\u001b]0;x\u0007' },
      hostnames: ['keuken.local'],
    });
    expect(deviceNames(facts)).toEqual(['Voordeur', 'Keuken', 'printer']);
  });
});
