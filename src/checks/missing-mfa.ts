// missing-mfa: what the vendor's account offers (from the knowledge base), since the network cannot show it.
// Optional → install-phase finding "turn on two-step verification in <app>" (medium); not offered → buy-phase
// finding (medium when the device needs the cloud, else low); required or unknown → nothing. The admin page
// of a router or NAS (the devices that guard the network and the files) that asks only for a password → low;
// on other devices a second factor is hardly ever offered, and their logins are judged by other checks. The user's answer "mfa-enabled" settles the account finding:
// it stays in the report as info with settledBy, so the household sees it was looked at.

import type { Device, DeviceKind, Finding, PortInfo } from '../model.js';
import { vendorFactsFor } from '../knowledge/lookup.js';
import { isVerified, provenanceNote } from '../knowledge/provenance.js';
import type { VendorFacts } from '../knowledge/types.js';
import { etsi, makeFinding, owasp } from './finding.js';
import type { Check, CheckContext } from './types.js';

export const MFA_ANSWER = 'mfa-enabled';

const ACCOUNT_NORMS = [owasp('I3'), owasp('I1')];
const LOCAL_PAGE_NORMS = [etsi('5.5-5'), owasp('I1')];

function settled(finding: Finding, answer: unknown): Finding {
  if (answer !== true) return finding;
  return { ...finding, severity: 'info', settledBy: `answer: ${MFA_ANSWER} = yes` };
}

function accountFinding(device: Device, facts: VendorFacts): Finding | null {
  const source = `vendor facts "${facts.id}" (${facts.source}, ${provenanceNote(facts)})`;
  if (facts.mfa === 'optional') {
    return makeFinding({
      check: 'missing-mfa',
      device,
      key: `account:${facts.id}`,
      severity: 'medium',
      title: {
        nl: `Zet verificatie in twee stappen aan in ${facts.app}`,
        en: `Turn on two-step verification in ${facts.app}`,
      },
      evidence: [`${facts.app} offers two-step verification but does not require it`, source],
      standards: ACCOUNT_NORMS,
      confidence: 'possible',
      details: {
        phase: 'install',
        app: facts.app,
        mfa: facts.mfa,
        howToNl: facts.mfaHowTo?.nl ?? '',
        howToEn: facts.mfaHowTo?.en ?? '',
        vendorFacts: facts.id,
      },
    });
  }
  if (facts.mfa === 'none') {
    return makeFinding({
      check: 'missing-mfa',
      device,
      key: `account:${facts.id}`,
      severity: facts.cloudRequired === true ? 'medium' : 'low',
      title: {
        nl: `${facts.app} biedt geen verificatie in twee stappen`,
        en: `${facts.app} offers no two-step verification`,
      },
      evidence: [
        `${facts.app} offers no second factor`,
        ...(facts.cloudRequired === true ? ['the device needs this account and cloud to work'] : []),
        source,
      ],
      standards: ACCOUNT_NORMS,
      // An MFA fact not confirmed against its source is at most possible.
      confidence: isVerified(facts) ? 'likely' : 'possible',
      details: { phase: 'buy', app: facts.app, mfa: facts.mfa, cloudRequired: facts.cloudRequired === true, vendorFacts: facts.id },
    });
  }
  return null;
}

const GUARDING_KINDS: readonly DeviceKind[] = ['router', 'nas'];

/** Web admin pages of a router or NAS that answered with a login challenge. */
function passwordOnlyAdminPages(device: Device): PortInfo[] {
  if (!GUARDING_KINDS.includes(device.kind)) return [];
  return device.facts.ports.filter(
    (port) => port.http !== undefined && (port.http.authScheme !== undefined || port.http.status === 401),
  );
}

function localPageFinding(device: Device, port: PortInfo): Finding {
  const scheme = port.http?.authScheme ?? 'login';
  return makeFinding({
    check: 'missing-mfa',
    device,
    key: `local-admin:${port.transport}:${port.port}`,
    severity: 'low',
    title: {
      nl: `De beheerpagina op poort ${port.port} is alleen met een wachtwoord beveiligd`,
      en: `The admin page on port ${port.port} is protected by a password only`,
    },
    evidence: [
      `${port.tls ? 'https' : 'http'} on port ${port.port} asks for ${scheme} authentication${port.http?.realm ? ` (realm "${port.http.realm}")` : ''}`,
    ],
    standards: LOCAL_PAGE_NORMS,
    confidence: 'likely',
    details: { phase: 'install', port: port.port, scheme },
  });
}

export const missingMfaCheck: Check = {
  id: 'missing-mfa',
  description: "Two-step verification for the vendor's account, and admin pages protected by a password only",
  appliesTo(device) {
    return device.vendor !== null || passwordOnlyAdminPages(device).length > 0;
  },
  async run(device: Device, ctx: CheckContext): Promise<Finding[]> {
    ctx.signal.throwIfAborted();
    const findings: Finding[] = [];
    const facts = vendorFactsFor(device, ctx.knowledge);
    const account = facts ? accountFinding(device, facts) : null;
    if (account) findings.push(settled(account, ctx.answers[device.id]?.[MFA_ANSWER]));
    for (const port of passwordOnlyAdminPages(device)) findings.push(localPageFinding(device, port));
    return findings;
  },
};
