// Makers' interface and firmware names and the makers the other tables did not know
// (knowledge/fingerprints/self-reported/product-names.yaml): the device's own word, weak.

import { beforeAll, describe, expect, it } from 'vitest';
import { identify, loadFingerprints, type FingerprintKnowledge } from '../../src/identify/index.js';
import type { PortInfo } from '../../src/model.js';
import { emptyFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

const titled = (title: string): PortInfo => ({ transport: 'tcp', port: 80, name: 'http', http: { status: 200, headers: {}, title } });

describe('product and interface names', () => {
  it('name a printer by its maker\'s web-interface name', () => {
    for (const [title, vendor] of [['Web Image Monitor', 'Ricoh'], ['SyncThru Web Service', 'Samsung'], ['CentreWare Internet Services', 'Xerox'], ['TopAccess', 'Toshiba']] as const) {
      const identity = identify(emptyFacts({ ports: [titled(title)] }), knowledge);
      expect(identity, title).toMatchObject({ vendor, kind: 'printer', model: null });
      expect(identity.selfReported, title).toEqual(expect.arrayContaining(['vendor', 'kind']));
    }
  });

  it('name a recorder by Xiongmai\'s NetSurveillance interface, and a router by its firmware\'s name', () => {
    expect(identify(emptyFacts({ ports: [titled('NETSurveillance WEB')] }), knowledge)).toMatchObject({ vendor: 'Xiongmai', kind: 'camera' });
    expect(identify(emptyFacts({ ports: [titled('ASUSWRT RT-AX58U')] }), knowledge)).toMatchObject({ vendor: 'ASUS', model: 'RT-AX58U', kind: 'router' });
  });

  it('guess the kind of makers the other tables did not know, never confidently', () => {
    const identity = identify(emptyFacts({ ports: [titled('Wanscam HD 1080P')] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Wanscam', kind: 'camera' });
    expect(identity.confidence).toBeLessThan(0.5);
  });
});
