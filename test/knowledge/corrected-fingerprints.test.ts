// Issue 12: the WD My Cloud rule matches what its cited nuclei template matches (page words with status 200),
// not the page title it claimed before checking.

import { describe, expect, it } from 'vitest';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { emptyFacts } from '../helpers/host-facts.js';

const knowledge = loadFingerprints();
const page = (status: number, body: string, title?: string) =>
  emptyFacts({ ports: [{ transport: 'tcp', port: 80, name: 'http', http: { status, bodyExcerpt: body, ...(title ? { title } : {}), headers: {} } }] });

describe('wd-mycloud-http-body', () => {
  it('names a Western Digital NAS from the words of the My Cloud page', () => {
    const identity = identify(page(200, '<script>var WDMyCloud = 1; my_cloud_os</script>'), knowledge);
    expect(identity).toMatchObject({ vendor: 'Western Digital', kind: 'nas' });
    expect(identity.evidence.map((item) => item.ruleId)).toContain('wd-mycloud-http-body');
  });

  it('no longer names one from a page title alone', () => {
    const identity = identify(page(200, '<html></html>', 'My Cloud'), knowledge);
    // (Other evidence, such as a maker's name guessed from the title, may still name the vendor; this rule does not.)
    expect(identity.evidence.map((item) => item.ruleId)).not.toContain('wd-mycloud-http-body');
  });
});

describe('devices common in Dutch homes', () => {
  it('names Nuki, BDR Thermea (Remeha) and Vaillant from their IEEE registration', () => {
    expect(identify(emptyFacts({ macVendor: 'Nuki Home Solutions GmbH' }), knowledge).vendor).toBe('Nuki');
    expect(identify(emptyFacts({ macVendor: 'BDR Thermea Group B.V' }), knowledge).vendor).toBe('BDR Thermea');
    expect(identify(emptyFacts({ macVendor: 'Vaillant GmbH' }), knowledge).vendor).toBe('Vaillant');
  });

  it('names a Home Connect appliance by the brand and model it announces', () => {
    const facts = emptyFacts({
      mdns: [{ instance: 'Siemens-Dishwasher-1', type: '_homeconnect._tcp', port: 443, txt: { brand: 'SIEMENS', vib: 'SN65ZX49CE', type: 'Dishwasher' } }],
    });
    expect(identify(facts, knowledge)).toMatchObject({ vendor: 'SIEMENS', model: 'SN65ZX49CE', kind: 'appliance' });
  });

  it('calls a host with the Android TV Remote service a TV', () => {
    const facts = emptyFacts({ mdns: [{ instance: 'Philips TV', type: '_androidtvremote2._tcp', port: 6466, txt: {} }] });
    expect(identify(facts, knowledge).kind).toBe('tv');
  });
});
