import { describe, expect, it } from 'vitest';
import { MFA_ANSWER, missingMfaCheck } from '../../src/checks/missing-mfa.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import type { CheckKnowledge, VendorFacts } from '../../src/knowledge/types.js';
import { makeContext, makeDevice } from './knowledge-helpers.js';

const base = { source: 'vendor help', checked: '2026-01-01', dataOutsideEu: false, supportPeriodPublished: false } as const;
const vendors: VendorFacts[] = [
  { ...base, id: 'opt', vendors: ['OptCo'], app: 'Opt app', mfa: 'optional', mfaHowTo: { nl: 'Zet het aan', en: 'Turn it on' }, cloudRequired: true },
  { ...base, id: 'none-cloud', vendors: ['NoneCo'], app: 'None app', mfa: 'none', cloudRequired: true },
  { ...base, id: 'none-local', vendors: ['LocalCo'], app: 'Local app', mfa: 'none', cloudRequired: false },
  { ...base, id: 'req', vendors: ['ReqCo'], app: 'Req app', mfa: 'required', cloudRequired: true },
  { ...base, id: 'lamp', vendors: ['Philco'], app: 'Lamp app', mfa: 'optional', mfaHowTo: { nl: 'a', en: 'b' }, cloudRequired: false, kinds: ['light'] },
  { ...base, id: 'baby', vendors: ['Philco'], app: 'Baby app', mfa: 'none', cloudRequired: true, kinds: ['baby-monitor'] },
];
const knowledge: CheckKnowledge = { credentials: [], firmware: [], vendors };

describe('missing-mfa', () => {
  it('asks to turn on optional two-step verification in the app (install phase, medium)', async () => {
    const [finding, ...rest] = await missingMfaCheck.run(makeDevice({ vendor: 'OptCo' }), makeContext(knowledge));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'medium', details: { phase: 'install', app: 'Opt app', howToEn: 'Turn it on' } });
    expect(finding!.title.en).toBe('Turn on two-step verification in Opt app');
    expect(finding!.settledBy).toBeUndefined();
  });

  it('keeps a settled finding visible as info when the user says MFA is on', async () => {
    const device = makeDevice({ id: 'cam-1', vendor: 'OptCo' });
    const [finding] = await missingMfaCheck.run(device, makeContext(knowledge, { answers: { 'cam-1': { [MFA_ANSWER]: true } } }));
    expect(finding).toMatchObject({ severity: 'info', settledBy: 'answer: mfa-enabled = yes' });
    const [unsettled] = await missingMfaCheck.run(device, makeContext(knowledge, { answers: { 'cam-1': { [MFA_ANSWER]: false } } }));
    expect(unsettled?.severity).toBe('medium');
  });

  it('reports MFA not offered as a buy-phase finding, medium when the cloud is required', async () => {
    const [cloud] = await missingMfaCheck.run(makeDevice({ vendor: 'NoneCo' }), makeContext(knowledge));
    const [local] = await missingMfaCheck.run(makeDevice({ vendor: 'LocalCo' }), makeContext(knowledge));
    expect(cloud).toMatchObject({ severity: 'medium', details: { phase: 'buy' } });
    expect(local).toMatchObject({ severity: 'low', details: { phase: 'buy' } });
  });

  it('says nothing when MFA is required or the vendor is unknown', async () => {
    expect(await missingMfaCheck.run(makeDevice({ vendor: 'ReqCo' }), makeContext(knowledge))).toEqual([]);
    expect(await missingMfaCheck.run(makeDevice({ vendor: 'Nobody' }), makeContext(knowledge))).toEqual([]);
  });

  it('chooses the ecosystem by device kind when a vendor has several', async () => {
    const [lamp] = await missingMfaCheck.run(makeDevice({ vendor: 'Philco', kind: 'light' }), makeContext(knowledge));
    const [baby] = await missingMfaCheck.run(makeDevice({ vendor: 'Philco', kind: 'baby-monitor' }), makeContext(knowledge));
    expect(lamp?.details.vendorFacts).toBe('lamp');
    expect(baby?.details.vendorFacts).toBe('baby');
    expect(await missingMfaCheck.run(makeDevice({ vendor: 'Philco', kind: 'tv' }), makeContext(knowledge))).toEqual([]);
  });

  it('reports the admin page of a router or NAS behind a password only as low', async () => {
    const device = makeDevice({
      vendor: 'ReqCo',
      kind: 'router',
      facts: {
        ports: [
          { transport: 'tcp', port: 80, name: 'http', http: { status: 401, authScheme: 'digest', realm: 'Login', headers: {} } },
          { transport: 'tcp', port: 8080, name: 'http', http: { status: 200, headers: {} } },
        ],
      },
    });
    const findings = await missingMfaCheck.run(device, makeContext(knowledge));
    expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([[`missing-mfa:${device.id}:local-admin:tcp:80`, 'low']]);
    expect(missingMfaCheck.appliesTo(makeDevice({ kind: 'nas', facts: device.facts }))).toBe(true);
    expect(missingMfaCheck.appliesTo(makeDevice())).toBe(false);
    // A camera's login page is left to the password checks: no second factor is offered there anyway.
    expect(await missingMfaCheck.run(makeDevice({ vendor: 'ReqCo', kind: 'camera', facts: device.facts }), makeContext(knowledge))).toEqual([]);
  });

  it('says "no second factor" only as possible when the vendor fact is not confirmed', async () => {
    const reported = vendors.map((facts) => ({ ...facts, checked: undefined, reported: '2026-01-01' }));
    const [finding] = await missingMfaCheck.run(makeDevice({ vendor: 'NoneCo' }), makeContext({ credentials: [], firmware: [], vendors: reported }));
    expect(finding).toMatchObject({ severity: 'medium', confidence: 'possible' });
    expect(finding!.evidence.join(' ')).toMatch(/not verified, reported 2026-01-01/);
    const [confirmed] = await missingMfaCheck.run(makeDevice({ vendor: 'NoneCo' }), makeContext(knowledge));
    expect(confirmed).toMatchObject({ confidence: 'likely' });
    expect(confirmed!.evidence.join(' ')).toMatch(/checked 2026-01-01/);
  });

  it('leaves a TP-Link range extender alone: the TP-Link ID matters for Tapo/Kasa devices', async () => {
    const shipped = makeContext(loadCheckKnowledge());
    expect(await missingMfaCheck.run(makeDevice({ vendor: 'TP-Link', kind: 'access-point' }), shipped)).toEqual([]);
    const [plug] = await missingMfaCheck.run(makeDevice({ vendor: 'TP-Link', kind: 'plug' }), shipped);
    expect(plug?.details.vendorFacts).toBe('tplink-kasa-tapo');
  });
});
