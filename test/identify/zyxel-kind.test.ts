// Zyxel makes set-top boxes, NAS boxes and switches besides gateways: its name in a UPnP description gives the maker
// and the model, and only a gateway device type (InternetGatewayDevice) lets its rule say "router".

import { beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts } from '../../src/model.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import type { FingerprintKnowledge } from '../../src/identify/types.js';
import { emptyFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

const zyxel = (deviceType: string, modelName: string): HostFacts =>
  emptyFacts({ ssdp: [{ types: [deviceType], description: { deviceType, manufacturer: 'ZyXEL', modelName, services: [], deviceTypes: [deviceType] } }], discoveredBy: ['ssdp'] });
const kindRules = (facts: HostFacts): string[] => identify(facts, knowledge).evidence.filter((item) => /kind router/.test(item.detail)).map((item) => item.ruleId ?? '');

describe('a Zyxel UPnP description', () => {
  it('names a gateway a Zyxel router', () => {
    const gateway = zyxel('urn:schemas-upnp-org:device:InternetGatewayDevice:1', 'VMG8825-T50');
    expect(identify(gateway, knowledge)).toMatchObject({ vendor: 'Zyxel', model: 'VMG8825-T50', kind: 'router' });
    expect(kindRules(gateway)).toContain('zyxel-upnp-gateway');
  });

  it('names a set-top box Zyxel without the Zyxel rule calling it a router', () => {
    const box = zyxel('urn:schemas-upnp-org:device:MediaServer:1', 'DTT7105-0.0');
    expect(identify(box, knowledge)).toMatchObject({ vendor: 'Zyxel', model: 'DTT7105-0.0' });
    expect(kindRules(box)).not.toContain('zyxel-upnp-description');
    expect(kindRules(box)).not.toContain('zyxel-upnp-gateway');
  });
});
