// Makers named by the IEEE registry's organisation names: a distinctive first word names its maker; an
// English word, a city many organisations share or a protocol word does not.

import { describe, expect, it } from 'vitest';
import { registryMakerNames, textWords } from '../../src/identify/registry-makers.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { emptyFacts } from './helpers.js';

const english = new Set(['advanced', 'digital', 'welcome']);
const isWord = (word: string): boolean => english.has(word);

describe('names from the registry', () => {
  it('keep a distinctive first word, spelled as most organisations spell it, without the legal form', () => {
    const names = registryMakerNames(['INTERMEC CORPORATION', 'Arescom, Inc.', 'ARESCOM', 'KYOCERA Corporation', 'Kyocera Wireless Corp.'], isWord);
    expect(names).toEqual(['Arescom', 'Intermec', 'Kyocera']);
  });

  it('leave out English words, short names, protocol words and cities many organisations start with', () => {
    const cities = Array.from({ length: 31 }, (_, index) => `Shenzhen Maker${index} Technology Co.,Ltd`);
    const names = registryMakerNames(['Advanced Micro Devices', 'ZTE Corporation', 'SNMP Research International', ...cities], isWord);
    expect(names.filter((name) => /^(Advanced|ZTE|SNMP|Shenzhen)$/.test(name))).toEqual([]);
  });

  it('leave out a word that other organisations use inside their names ("Telecom")', () => {
    const names = registryMakerNames(['Telecom Design', 'Alpha Telecom', 'Beta Telecom', 'Gamma Telecom SA'], isWord);
    expect(names).not.toContain('Telecom');
  });

  it('split a text into the words a name may be', () => {
    expect(textWords('Thermal Label Printer Intermec PM43; v1')).toEqual(['Thermal', 'Label', 'Printer', 'Intermec', 'PM43', 'v1']);
  });
});

describe('a text naming a maker only the registry knows', () => {
  const knowledge = loadFingerprints();

  it('names that maker, weakly and as the device\'s own word', () => {
    const identity = identify(emptyFacts({ snmp: { community: 'public', version: '2c', sysDescr: 'Yealink SIP-T46S 66.86.0.15' } }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Yealink', model: 'SIP-T46S', selfReported: expect.arrayContaining(['vendor']) });
    expect(identity.evidence.some((item) => item.detail.includes('(IEEE registry name)'))).toBe(true);
    expect(identity.confidence).toBeLessThan(0.5);
  });

  it('steps aside where the makers table names one (the table\'s maker, not a registry word after it)', () => {
    const identity = identify(emptyFacts({ snmp: { community: 'public', version: '2c', sysDescr: 'Xerox Phaser 6130N Grandstream' } }), knowledge);
    expect(identity.vendor).toBe('Xerox');
  });

  it('takes no year for a model ("Copyright by Arescom 2002")', () => {
    const identity = identify(emptyFacts({ ports: [{ transport: 'tcp', port: 23, name: 'telnet', banner: 'Copyright by Arescom 2002\nPassword:' }] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Arescom', model: null });
  });
});
