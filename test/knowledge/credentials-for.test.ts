import { describe, expect, it } from 'vitest';
import { loadCheckKnowledge } from '../../src/knowledge/check-knowledge.js';
import { credentialsFor } from '../../src/knowledge/credentials-for.js';
import type { CheckKnowledge, CredentialEntry } from '../../src/knowledge/types.js';
import { makeDevice } from '../checks/knowledge-helpers.js';

const base = { source: 'test', checked: '2026-01-01' };
const small: CheckKnowledge = {
  credentials: [
    { ...base, id: 'g-admin', vendor: '*', protocols: ['http'], username: 'admin', password: 'admin' },
    { ...base, id: 'g-root', vendor: '*', protocols: ['http'], username: 'root', password: 'root' },
    { ...base, id: 'v-all', vendor: 'Acme', protocols: ['http'], username: 'admin', password: 'acme' },
    { ...base, id: 'v-model', vendor: 'Acme', models: ['X-1*'], protocols: ['http'], username: 'admin', password: 'x1' },
    { ...base, id: 'v-dup', vendor: 'Acme', protocols: ['http', 'telnet'], username: 'admin', password: 'admin' },
    { ...base, id: 'v-telnet', vendor: 'Acme', protocols: ['telnet'], username: 'root', password: '' },
    { ...base, id: 'o-other', vendor: 'Other', protocols: ['http'], username: 'x', password: 'y' },
  ] satisfies CredentialEntry[],
  firmware: [],
  vendors: [],
};

const ids = (entries: CredentialEntry[]) => entries.map((entry) => entry.id);

describe('credentialsFor', () => {
  it('tries the model, then the vendor, then the generic list, without duplicates', () => {
    const device = makeDevice({ vendor: 'ACME Corp.', model: 'X-100' });
    expect(ids(credentialsFor(device, 'http', small, 10))).toEqual(['v-model', 'v-all', 'v-dup', 'g-root']);
  });

  it('skips model entries for other models and caps at max', () => {
    const device = makeDevice({ vendor: 'Acme', model: 'Z-9' });
    expect(ids(credentialsFor(device, 'http', small, 2))).toEqual(['v-all', 'v-dup']);
    expect(credentialsFor(device, 'http', small, 0)).toEqual([]);
  });

  it('falls back to the generic list for an unknown vendor, and to the MAC vendor when identification has none', () => {
    expect(ids(credentialsFor(makeDevice(), 'http', small, 5))).toEqual(['g-admin', 'g-root']);
    const byMac = makeDevice({ facts: { macVendor: 'Acme Technologies Ltd.' } });
    expect(ids(credentialsFor(byMac, 'telnet', small, 5))).toEqual(['v-dup', 'v-telnet']);
  });

  it('is deterministic', () => {
    const device = makeDevice({ vendor: 'Acme', model: 'X-1' });
    expect(credentialsFor(device, 'http', small, 4)).toEqual(credentialsFor(device, 'http', small, 4));
  });

  it('puts Hikvision admin/12345 first for a Hikvision camera with the shipped knowledge', () => {
    const knowledge = loadCheckKnowledge();
    const hikvision = credentialsFor(makeDevice({ vendor: 'Hangzhou Hikvision Digital Technology Co., Ltd.', model: 'DS-2CD2042WD-I' }), 'http', knowledge, 5);
    expect(hikvision[0]).toMatchObject({ username: 'admin', password: '12345' });
    expect(hikvision.length).toBe(5);
    // D-Link's own communities (default-passwords.csv) come first, read before write, then the generic secret.
    const snmp = credentialsFor(makeDevice({ vendor: 'D-Link' }), 'snmp', knowledge, 5);
    expect(snmp.map((entry) => `${entry.password}/${entry.access}`)).toEqual(['public/read', 'private/write', 'secret/write']);
  });

  it('puts pairs whose user a hint says first, before the cut to max, and takes a make a hint names for an unknown vendor', () => {
    const unknown = makeDevice({ vendor: null, model: null });
    expect(ids(credentialsFor(unknown, 'http', small, 1, ['Login as root']))).toEqual(['g-root']);
    // "administrator" is not the word "admin": only whole words count.
    expect(ids(credentialsFor(unknown, 'http', small, 5, ['administrator area']))).toEqual(['g-admin', 'g-root']);
    expect(ids(credentialsFor(unknown, 'http', small, 3, ['ACME Corp. router']))).toEqual(['v-all', 'v-dup', 'g-root']);
    // A vendor identification found wins over what a hint says.
    expect(ids(credentialsFor(makeDevice({ vendor: 'Other' }), 'http', small, 5, ['ACME router']))).toEqual(['o-other', 'g-admin', 'g-root']);
  });
});

