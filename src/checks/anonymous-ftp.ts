// anonymous-ftp: an FTP server that lets "anonymous" in shares its files with everyone on the network.

import { etsi, makeFinding, owasp } from './finding.js';
import { probeFtpLogin } from '../protocols/ftp/login.js';
import type { Check } from './types.js';
import { isRefused, ledgerOf } from './login/ledger.js';

/** The password anonymous FTP conventionally asks for: an e-mail-like string (RFC 1635). */
const ANONYMOUS_PASSWORD = 'guest@example.org';
/** How many listed names the evidence shows. */
const SHOWN_NAMES = 5;

export const anonymousFtpCheck: Check = {
  id: 'anonymous-ftp',
  description: 'An FTP server that accepts the anonymous user',
  appliesTo: (device) => device.facts.ports.some((p) => p.transport === 'tcp' && p.name === 'ftp'),
  async run(device, ctx) {
    if (!ctx.options.login) return [];
    const findings = [];
    for (const port of device.facts.ports.filter((p) => p.transport === 'tcp' && p.name === 'ftp')) {
      // A refused anonymous login is a failed login on the device: it goes through the device's budget.
      const contact = { kind: 'ftp', protocol: 'ftp' as const, port: port.port, label: 'FTP', software: port.banner };
      const result = await ledgerOf(ctx).attempt(ctx, device, contact, 'anonymous', () =>
        probeFtpLogin({ ip: device.ip, port: port.port }, 'anonymous', ANONYMOUS_PASSWORD, {
          signal: ctx.signal,
          timeoutMs: ctx.options.timeoutMs,
          listTopDirectory: true,
        }),
      );
      if (isRefused(result)) {
        ctx.onNote?.(device.id, `anonymous FTP on :${port.port} not tried: ${result.refused}`);
        continue;
      }
      if (result.outcome !== 'success') continue;
      const listing = result.listing ?? [];
      // Files on show are worse than an empty drop box: high when anything is listed.
      const severity = listing.length > 0 ? 'high' : 'medium';
      const shown = listing.slice(0, SHOWN_NAMES).map((n) => n.replace(/[^\p{L}\p{N} ._/-]/gu, '?').slice(0, 40));
      findings.push(
        makeFinding({
          check: 'anonymous-ftp',
          device,
          key: `ftp:${port.port}`,
          severity,
          title: {
            en: `FTP on port ${port.port} lets anyone in as "anonymous"`,
            nl: `FTP op poort ${port.port} laat iedereen binnen als "anonymous"`,
          },
          evidence: [
            `FTP on :${port.port} accepted anonymous (${result.proof})`,
            listing.length > 0 ? `top directory lists ${listing.length} name(s): ${shown.join(', ')}` : 'top directory listing empty or refused',
          ],
          standards: [etsi('5.1-1'), etsi('5.8-2'), owasp('I1'), owasp('I6')],
          confidence: 'confirmed',
          details: { service: 'ftp', port: port.port, listed: listing.length },
        }),
      );
    }
    return findings;
  },
};
