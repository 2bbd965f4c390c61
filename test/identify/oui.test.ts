import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isLocallyAdministered, lookupOui, normaliseMac, ouiOrganisation } from '../../src/identify/index.js';

describe('lookupOui', () => {
  it('names the maker as the aliases spell it, whatever the MAC notation', () => {
    // IEEE MA-L assignments: 24:65:11 AVM, C0:56:E3 Hikvision, 00:11:32 Synology.
    expect(lookupOui('24:65:11:4a:0c:01')).toBe('AVM');
    expect(lookupOui('C0-56-E3-12-34-56')).toBe('Hikvision');
    expect(lookupOui('0011.329c.4e7a')).toBe('Synology');
    expect(ouiOrganisation('C0:56:E3:12:34:56')).toBe('Hangzhou Hikvision Digital Technology Co.,Ltd.');
  });

  it('strips legal suffixes from makers no alias knows', () => {
    const organisation = ouiOrganisation('00:1b:c5:07:30:00');
    expect(organisation).not.toBeNull();
    const vendor = lookupOui('00:1b:c5:07:30:00');
    expect(vendor).not.toMatch(/(GmbH|Inc\.?|Ltd\.?|Co\.)$/);
  });

  it('answers null for random (locally administered) addresses and non-addresses', () => {
    expect(isLocallyAdministered('02:1a:2b:3c:4d:5e')).toBe(true);
    expect(lookupOui('02:1a:2b:3c:4d:5e')).toBeNull();
    expect(lookupOui('not a mac')).toBeNull();
    expect(normaliseMac('24:65:11:4a:0c')).toBeNull();
  });

  it('prefers the longest registered prefix (MA-S inside an IEEE block)', () => {
    // 70:B3:D5 is an IEEE Registration Authority block subdivided into MA-S assignments.
    expect(ouiOrganisation('70:B3:D5:1D:30:01')).not.toMatch(/IEEE Registration Authority/i);
  });

  it('reads every registry prefix as the registry object itself says (the compact tables lose nothing)', () => {
    const raw = createRequire(import.meta.url)('oui-data') as Record<string, string>;
    const direct = (hex: string): string | null => {
      for (const length of [9, 7, 6]) {
        const organisation = raw[hex.slice(0, length)]?.split('\n')[0]?.trim();
        if (organisation === undefined || organisation === '' || /^(private|ieee registration authority)$/i.test(organisation)) continue;
        return organisation;
      }
      return null;
    };
    const differ: string[] = [];
    for (const prefix of Object.keys(raw)) {
      for (const fill of ['0', 'F']) {
        const hex = prefix.padEnd(12, fill);
        if ((parseInt(hex.slice(0, 2), 16) & 0b10) !== 0) continue;
        if (ouiOrganisation(hex) !== direct(hex)) differ.push(hex);
      }
    }
    expect(differ).toEqual([]);
  });
});
