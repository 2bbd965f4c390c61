// A printer's IPP answer (printer-device-id) names maker and model in fields of their own: the
// device's word, taken where no confident rule names the device otherwise.

import { beforeAll, describe, expect, it } from 'vitest';
import { identify, loadFingerprints, type FingerprintKnowledge } from '../../src/identify/index.js';
import type { PortInfo } from '../../src/model.js';
import { emptyFacts, recordedFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

/** What CUPS's ippeveprinter said on the real-daemon network: ty without usb_MFG, the maker only in the device ID. */
const ippeveprinter = () =>
  emptyFacts({
    mdns: [{ instance: 'Quillon JetDesk 410', type: '_ipp._tcp', port: 631, txt: { rp: 'ipp/print', ty: 'Quillon JetDesk 410', pdl: 'image/pwg-raster,image/urf' } }],
    ports: [
      {
        transport: 'tcp', port: 631, name: 'ipp', tls: false,
        http: { status: 200, headers: { server: 'CUPS/2.4.2' }, server: 'CUPS/2.4.2', title: 'Quillon JetDesk 410' },
        ipp: { makeAndModel: 'Quillon JetDesk 410', deviceId: 'MFG:Quillon;MDL:JetDesk 410;CMD:PDF,URF;' },
      },
    ],
  });

describe("a printer's IPP device ID", () => {
  it('names a maker the knowledge base does not know, and the model without it, marked self-reported', () => {
    const identity = identify(ippeveprinter(), knowledge);
    expect(identity).toMatchObject({ vendor: 'Quillon', model: 'JetDesk 410', kind: 'printer' });
    expect(identity.selfReported).toEqual(expect.arrayContaining(['vendor']));
    const evidence = identity.evidence.find((item) => item.ruleId === 'ipp-device-id-maker-model');
    expect(evidence).toMatchObject({ source: 'tcp' });
    expect(evidence?.detail).toMatch(/^self-reported: IPP :631 maker="Quillon" model="JetDesk 410"/);
  });

  it('without the device ID, names no maker (ty alone is not split)', () => {
    const facts = ippeveprinter();
    delete (facts.ports[0] as PortInfo).ipp;
    expect(identify(facts, knowledge).vendor).toBeNull();
  });

  it('never overrules a confident rule', () => {
    const facts = recordedFacts('hp-laserjet-m254dw');
    const before = identify(facts, knowledge);
    expect(before.vendor).toBe('HP');
    facts.ports.push({ transport: 'tcp', port: 631, name: 'ipp', ipp: { deviceId: 'MFG:Acme;MDL:Printmaster 9;' } });
    expect(identify(facts, knowledge)).toMatchObject({ vendor: 'HP', model: before.model });
  });
});
