// Issue 12: the vendor facts confirmed on 2026-12-01 against the vendors' own pages, the corrections found while
// checking them, and what the checks make of them for a household's devices.

import { describe, expect, it } from 'vitest';
import { dataOutsideEuCheck } from '../../src/checks/data-outside-eu.js';
import { missingMfaCheck } from '../../src/checks/missing-mfa.js';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { isLandingPage } from '../../src/knowledge/landing-page.js';
import { makeContext, makeDevice } from '../checks/knowledge-helpers.js';

const knowledge = loadCheckKnowledge();
const facts = (id: string) => {
  const entry = knowledge.vendors.find((vendor) => vendor.id === id);
  if (!entry) throw new Error(`no vendor entry ${id}`);
  return entry;
};

describe('vendor facts confirmed on 2026-12-01', () => {
  it.each(['ring', 'arlo', 'qnap', 'apple-home', 'enphase', 'irobot'])('%s cites the record it was checked against', (id) => {
    const entry = facts(id);
    expect(entry.checked).toBe('2026-12-01');
    expect(entry.reported).toBeUndefined();
    expect(isLandingPage(entry.url ?? ''), entry.url).toBe(false);
  });

  it('keeps what the pages say about two-step verification', () => {
    // Ring and Arlo ask every account for a second step; QNAP's QTS leaves it to the user.
    expect(facts('ring').mfa).toBe('required');
    expect(facts('arlo').mfa).toBe('required');
    expect(facts('qnap').mfa).toBe('optional');
    expect(facts('qnap').mfaHowTo?.en).toMatch(/Options > 2-step verification/);
  });

  it('drops data locations no page stated', () => {
    // Arlo's European notice names an Irish controller; QNAP's "false" had no source.
    expect(facts('arlo').dataOutsideEu).toBe('unknown');
    expect(facts('qnap').dataOutsideEu).toBe('unknown');
    expect(facts('ring').dataOutsideEu).toBe(true);
  });

  it('keeps Apple\'s processing by Apple Inc. and drops the "required" no Apple page confirmed', () => {
    expect(facts('apple-home')).toMatchObject({ dataOutsideEu: true, mfa: 'unknown' });
  });

  it('adds Enphase and iRobot, whose privacy statements name a controller in the United States, and nothing unsourced', () => {
    for (const id of ['enphase', 'irobot']) {
      expect(facts(id)).toMatchObject({ dataOutsideEu: true, mfa: 'unknown', cloudRequired: 'unknown', supportPeriodPublished: 'unknown' });
    }
  });
});

describe('what a household hears about these vendors', () => {
  const context = makeContext(knowledge);

  it('tells the owner of a Roomba that iRobot processes data outside the EU, as a confirmed fact', async () => {
    const findings = await dataOutsideEuCheck.run(makeDevice({ vendor: 'iRobot', model: 'Roomba', kind: 'vacuum' }), context);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'low', confidence: 'likely', details: { vendorFacts: 'irobot' } });
  });

  it('tells the owner of an Envoy the same about Enphase', async () => {
    const findings = await dataOutsideEuCheck.run(makeDevice({ vendor: 'Enphase', model: 'Envoy', kind: 'energy-meter' }), context);
    expect(findings.map((finding) => finding.details.vendorFacts)).toEqual(['enphase']);
  });

  it('no longer tells Arlo owners their data leaves the EU', async () => {
    expect(await dataOutsideEuCheck.run(makeDevice({ vendor: 'Arlo', kind: 'camera' }), context)).toEqual([]);
  });

  it('asks a QNAP owner to turn on 2-step verification, with the QTS menu path', async () => {
    const findings = await missingMfaCheck.run(makeDevice({ vendor: 'QNAP', model: 'TS-253D', kind: 'nas' }), context);
    const account = findings.filter((finding) => finding.details.vendorFacts === 'qnap');
    expect(account).toHaveLength(1);
    expect(String(account[0]!.details.howToEn)).toMatch(/Options > 2-step verification/);
  });

  it('says nothing about two-step verification to a Ring owner: every Ring account already has it', async () => {
    const findings = await missingMfaCheck.run(makeDevice({ vendor: 'Ring', kind: 'doorbell' }), context);
    expect(findings.filter((finding) => finding.details.vendorFacts === 'ring')).toEqual([]);
  });
});
