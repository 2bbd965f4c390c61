// Each attribute of an identity carries the confidence of the evidence that gave it: a kind guessed from what
// the maker mostly makes stays weak beside a sure vendor, and the wild bench judges each attribute on its own.

import { beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts } from '../../src/model.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import type { FingerprintKnowledge } from '../../src/identify/types.js';
import { CONFIDENT, claimedByRule } from '../../src/bench/wild/score.js';
import { emptyFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

/** A Zyxel UPnP description: the maker's name is sure, the device type decides whether a rule names the kind. */
const zyxel = (deviceType: string): HostFacts =>
  emptyFacts({ ssdp: [{ types: [deviceType], description: { deviceType, manufacturer: 'ZyXEL', modelName: 'XYZ1234', services: [], deviceTypes: [deviceType] } }], discoveredBy: ['ssdp'] });

describe('confidence per attribute', () => {
  it('keeps a kind from the maker-kind guess weak under a sure vendor', () => {
    const identity = identify(zyxel('urn:schemas-upnp-org:device:Basic:1'), knowledge);
    expect(identity).toMatchObject({ vendor: 'Zyxel', kind: 'router' });
    expect(identity.evidence.map((item) => item.ruleId)).toContain('maker-kind-guess');
    expect(identity.attributes.vendor).toBeGreaterThanOrEqual(CONFIDENT);
    expect(identity.attributes.kind).toBe(knowledge.selfReported!.makerKindConfidence);
    expect(identity.attributes.kind).toBeLessThan(CONFIDENT);
    // The one confidence for the whole identity is sure: judged by it, the guess would read as a claim.
    expect(identity.confidence).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it('gives a kind a rule names the confidence of that rule', () => {
    const identity = identify(zyxel('urn:schemas-upnp-org:device:InternetGatewayDevice:1'), knowledge);
    expect(identity.kind).toBe('router');
    expect(identity.evidence.map((item) => item.ruleId)).not.toContain('maker-kind-guess');
    expect(identity.attributes.kind).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it('keeps the overall confidence the mean of vendor, model and kind', () => {
    for (const type of ['urn:schemas-upnp-org:device:Basic:1', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1']) {
      const { attributes, confidence } = identify(zyxel(type), knowledge);
      expect(confidence).toBeCloseTo((attributes.vendor + attributes.model + attributes.kind) / 3, 1);
    }
  });

  it('gives an attribute nothing named a confidence of 0', () => {
    const identity = identify(emptyFacts({ discoveredBy: ['tcp'] }), knowledge);
    expect(identity).toMatchObject({ vendor: null, model: null, kind: 'unknown', attributes: { vendor: 0, model: 0, kind: 0 } });
  });

  it('lets the wild bench count a wrong guessed kind as a guess and a wrong vendor as a claim', () => {
    const identity = identify(zyxel('urn:schemas-upnp-org:device:Basic:1'), knowledge);
    expect(claimedByRule(identity, 'kind')).toBe(false);
    expect(claimedByRule(identity, 'vendor')).toBe(true);
  });
});
