// snmp-default-community / snmp-write-community: an SNMP agent that answers a factory community
// ("public") tells anyone what the device is and does; one that accepts a SET with a guessable
// community ("private") lets anyone change its settings. The write test sets a value to what it
// already is, so nothing on the device changes.

import { credentialsFor } from '../knowledge/credentials-for.js';
import type { Device, Finding } from '../model.js';
import { etsi, makeFinding, owasp } from './finding.js';
import { maskSecret } from '../util/mask-secret.js';
import { probeSnmpReadCommunity, probeSnmpWriteCommunity } from '../protocols/snmp/communities.js';
import { randomToken } from '../protocols/probe/step.js';
import { isRefused, ledgerOf, type LoginContact } from './login/ledger.js';
import type { LoginResult } from '../protocols/probe/types.js';
import type { Check, CheckContext } from './types.js';

const SNMP_PORT = 161;

function snmpPort(device: Device): number {
  return device.facts.ports.find((p) => p.transport === 'udp' && p.name === 'snmp')?.port ?? SNMP_PORT;
}

/** The agent already answered discovery: a right community answers within milliseconds on a home LAN. */
const COMMUNITY_TIMEOUT_MS = 1000;

const snmpContact = (port: number): LoginContact => ({ kind: 'snmp', protocol: 'snmp', port, label: 'SNMP' });

/** One community tried through the device's ledger; undefined when the budget refuses it. */
async function trySnmp(
  device: Device,
  ctx: CheckContext,
  port: number,
  community: string,
  probe: typeof probeSnmpReadCommunity,
): Promise<LoginResult | undefined> {
  // Communities are secrets, not accounts: the coverage lists none of them.
  const result = await ledgerOf(ctx).attempt(ctx, device, snmpContact(port), '', () =>
    probe({ ip: device.ip, port }, community, { signal: ctx.signal, timeoutMs: Math.min(ctx.options.timeoutMs, COMMUNITY_TIMEOUT_MS) }),
  );
  return isRefused(result) ? undefined : result;
}

/** The read check's verdict, reused by the write check: an agent that ignores a random community's GET ignores its SET. */
const refusesRandomRead = new WeakMap<Device, boolean>();

/** An agent that answers a random community answers every one: nothing is a "factory" community then. */
async function answersAnyCommunity(device: Device, ctx: CheckContext, port: number, probe: typeof probeSnmpReadCommunity): Promise<boolean> {
  if (probe === probeSnmpWriteCommunity && refusesRandomRead.get(device) === true) return false;
  const decoy = await trySnmp(device, ctx, port, randomToken(12), probe);
  const answered = decoy?.outcome === 'success';
  if (probe === probeSnmpReadCommunity && decoy) refusesRandomRead.set(device, !answered);
  return answered;
}

function defaultCommunities(device: Device, ctx: CheckContext): Set<string> {
  const entries = credentialsFor(device, 'snmp', ctx.knowledge, Number.MAX_SAFE_INTEGER);
  return new Set(entries.map((e) => e.password));
}

export const snmpDefaultCommunityCheck: Check = {
  id: 'snmp-default-community',
  description: 'An SNMP agent that answers a factory community such as "public"',
  appliesTo: (device) => device.facts.snmp !== null,
  async run(device, ctx) {
    const snmp = device.facts.snmp;
    // Discovery already got an answer with this community: no further traffic is needed.
    if (!snmp || !defaultCommunities(device, ctx).has(snmp.community)) return [];
    const port = snmpPort(device);
    // One random community read (not with --no-login): an agent that answers it answers anything.
    if (ctx.options.login && (await answersAnyCommunity(device, ctx, port, probeSnmpReadCommunity))) {
      return [anyCommunityFinding(device, port, 'read')];
    }
    const said = snmp.sysDescr ? ` (sysDescr '${snmp.sysDescr.slice(0, 60)}')` : '';
    return [
      makeFinding({
        check: 'snmp-default-community',
        device,
        key: `snmp:${snmpPort(device)}`,
        severity: 'medium',
        title: {
          en: `SNMP answers the factory community "${snmp.community}"`,
          nl: `SNMP antwoordt op de fabriekscommunity "${snmp.community}"`,
        },
        evidence: [`SNMP v${snmp.version} on udp/${snmpPort(device)} answered community '${snmp.community}'${said}`],
        standards: [etsi('5.1-1'), etsi('5.6-1'), owasp('I1'), owasp('I9')],
        confidence: 'confirmed',
        details: { service: 'snmp', port: snmpPort(device), community: snmp.community, access: 'read' },
      }),
    ];
  },
};

export const snmpWriteCommunityCheck: Check = {
  id: 'snmp-write-community',
  description: 'An SNMP agent that accepts a SET with a guessable community (tested without changing anything)',
  appliesTo: (device) => device.facts.snmp !== null,
  async run(device, ctx) {
    if (!ctx.options.login || !device.facts.snmp) return [];
    const port = snmpPort(device);
    const writeCandidates = credentialsFor(device, 'snmp', ctx.knowledge, Number.MAX_SAFE_INTEGER)
      .filter((e) => e.access === 'write')
      .map((e) => e.password);
    // The community that already answered may be writable too: it goes first.
    const communities = [...new Set([device.facts.snmp.community, ...writeCandidates])].slice(0, ctx.options.maxAttempts);
    const findings: Finding[] = [];
    for (const community of communities) {
      const result = await trySnmp(device, ctx, port, community, probeSnmpWriteCommunity);
      if (!result) break;
      if (result.outcome !== 'success') continue;
      if (await answersAnyCommunity(device, ctx, port, probeSnmpWriteCommunity)) {
        findings.push(anyCommunityFinding(device, port, 'write'));
        break;
      }
      // "public" is printed as is (it is the well-known read community); anything else is masked.
      const shown = community === 'public' ? community : maskSecret(community);
      findings.push(
        makeFinding({
          check: 'snmp-write-community',
          device,
          key: `snmp:${port}`,
          severity: 'high',
          title: {
            en: 'SNMP lets anyone change settings with a guessable community',
            nl: 'SNMP laat iedereen instellingen wijzigen met een te raden community',
          },
          evidence: [`SNMP on udp/${port} accepted a SET with community '${shown}' (${result.proof}; nothing was changed)`],
          standards: [etsi('5.1-1'), etsi('5.6-1'), owasp('I1'), owasp('I9')],
          confidence: 'confirmed',
          details: { service: 'snmp', port, communityMasked: shown, access: 'write' },
        }),
      );
      break;
    }
    return findings;
  },
};

function anyCommunityFinding(device: Device, port: number, access: 'read' | 'write'): Finding {
  const write = access === 'write';
  return makeFinding({
    check: write ? 'snmp-write-community' : 'snmp-default-community',
    device,
    key: `snmp:${port}`,
    severity: write ? 'high' : 'medium',
    title: write
      ? { en: 'SNMP lets anyone change settings with any community', nl: 'SNMP laat iedereen instellingen wijzigen met elke community' }
      : { en: 'SNMP answers any community', nl: 'SNMP antwoordt op elke community' },
    evidence: [
      `SNMP on udp/${port} ${write ? 'accepted a SET' : 'answered'} with a random 12-character community too${write ? ' (nothing was changed)' : ''}; no factory community is claimed`,
    ],
    standards: [etsi('5.1-1'), etsi('5.6-1'), owasp('I1'), owasp('I9')],
    confidence: 'confirmed',
    details: { service: 'snmp', port, access, anyCommunity: true },
  });
}
