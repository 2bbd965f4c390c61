import { describe, expect, it } from 'vitest';
import { dataOutsideEuCheck } from '../../src/checks/data-outside-eu.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import type { CheckKnowledge } from '../../src/knowledge/types.js';
import { makeContext, makeDevice } from './knowledge-helpers.js';

const base = { source: 'privacy statement', checked: '2026-01-01', mfa: 'unknown', supportPeriodPublished: false } as const;
const knowledge: CheckKnowledge = {
  credentials: [],
  firmware: [],
  vendors: [
    { ...base, id: 'far', vendors: ['FarCo'], app: 'Far app', dataOutsideEu: true, cloudRequired: true },
    { ...base, id: 'near', vendors: ['NearCo'], app: 'Near app', dataOutsideEu: false, cloudRequired: false },
    { ...base, id: 'maybe', vendors: ['MaybeCo'], app: 'Maybe app', dataOutsideEu: 'unknown', cloudRequired: 'unknown' },
    { ...base, id: 'far-cloud-unknown', vendors: ['FarCloudCo'], app: 'Far cloud app', dataOutsideEu: true, cloudRequired: 'unknown' },
  ],
};

describe('data-outside-eu', () => {
  it('reports a vendor that processes data outside the EU as low, for buy advice', async () => {
    const findings = await dataOutsideEuCheck.run(makeDevice({ vendor: 'FarCo Inc.' }), makeContext(knowledge));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'low', details: { phase: 'buy', app: 'Far app', cloudRequired: true } });
    expect(findings[0]!.standards).toContain('OWASP IoT Top 10 2018 I6');
  });

  it('says nothing when the data stays in the EU or nobody knows', async () => {
    expect(await dataOutsideEuCheck.run(makeDevice({ vendor: 'NearCo' }), makeContext(knowledge))).toEqual([]);
    expect(await dataOutsideEuCheck.run(makeDevice({ vendor: 'MaybeCo' }), makeContext(knowledge))).toEqual([]);
  });

  it('says nothing about the cloud when the vendor facts do not know it', async () => {
    const [finding] = await dataOutsideEuCheck.run(makeDevice({ vendor: 'FarCloudCo' }), makeContext(knowledge));
    expect(finding!.evidence.join(' ')).not.toMatch(/vendor cloud/);
    const [far] = await dataOutsideEuCheck.run(makeDevice({ vendor: 'FarCo Inc.' }), makeContext(knowledge));
    expect(far!.evidence).toContain('the device needs the vendor cloud to work');
  });

  it('knows Google from the shipped knowledge', async () => {
    const findings = await dataOutsideEuCheck.run(makeDevice({ vendor: 'Google', kind: 'speaker' }), makeContext(loadCheckKnowledge()));
    expect(findings.map((finding) => finding.details.vendorFacts)).toEqual(['google-home-nest']);
  });
});
