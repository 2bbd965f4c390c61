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

describe('vendor facts of the second pass (2026-12-01)', () => {
  const context = makeContext(knowledge);

  it('confirms Amazon\'s optional two-step verification and its data going to Amazon.com, Inc., with the menu path of the help page', () => {
    const amazon = facts('amazon-alexa');
    expect(amazon).toMatchObject({ mfa: 'optional', dataOutsideEu: true, checked: '2026-12-01' });
    expect(amazon.reported).toBeUndefined();
    expect(isLandingPage(amazon.url ?? ''), amazon.url).toBe(false);
    expect(amazon.mfaHowTo?.en).toMatch(/Login & security, choose Turn on next to 2-Step Verification/);
  });

  it('tells an Echo owner both, as confirmed facts', async () => {
    const echo = makeDevice({ vendor: 'Amazon', model: 'Echo Dot', kind: 'speaker' });
    const data = await dataOutsideEuCheck.run(echo, context);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ confidence: 'likely', details: { vendorFacts: 'amazon-alexa' } });
    const mfa = (await missingMfaCheck.run(echo, context)).filter((finding) => finding.details.vendorFacts === 'amazon-alexa');
    expect(mfa).toHaveLength(1);
    expect(String(mfa[0]!.details.howToEn)).toMatch(/Login & security/);
  });

  it('drops NETGEAR\'s unsourced "optional" and its how-to: a Nighthawk owner hears nothing about the NETGEAR account', async () => {
    expect(facts('netgear')).toMatchObject({ mfa: 'unknown', reported: '2026-11-22' });
    expect(facts('netgear').mfaHowTo).toBeUndefined();
    const findings = await missingMfaCheck.run(makeDevice({ vendor: 'Netgear', model: 'RAX50', kind: 'router' }), context);
    expect(findings.filter((finding) => finding.details.vendorFacts === 'netgear')).toEqual([]);
  });

  it('keeps Homey\'s two-factor authentication reported (a forum post) and no longer names a menu nothing supports', () => {
    const homey = facts('homey');
    expect(homey).toMatchObject({ mfa: 'optional', reported: '2026-11-22' });
    expect(homey.checked).toBeUndefined();
    expect(homey.mfaHowTo?.en).not.toMatch(/accounts\.athom\.com/);
    expect(homey.url).toMatch(/community\.homey\.app/);
  });

  it('leaves Sonos, LG and Nanit reported: the pages read name the company, not where it processes the data', () => {
    for (const id of ['sonos', 'lg-thinq', 'nanit']) {
      expect(facts(id).checked, id).toBeUndefined();
      expect(isLandingPage(facts(id).url ?? ''), id).toBe(false);
    }
  });

  it('knows Quatt and Intergas, says nothing about them that no page of theirs states', async () => {
    for (const [vendor, id] of [['Quatt', 'quatt'], ['Intergas', 'intergas-incomfort']] as const) {
      expect(facts(id)).toMatchObject({ mfa: 'unknown', dataOutsideEu: 'unknown', cloudRequired: 'unknown', reported: '2026-12-01' });
      const device = makeDevice({ vendor, kind: 'thermostat' });
      expect(await dataOutsideEuCheck.run(device, context), vendor).toEqual([]);
      expect((await missingMfaCheck.run(device, context)).filter((finding) => finding.details.vendorFacts === id), vendor).toEqual([]);
    }
  });
});
