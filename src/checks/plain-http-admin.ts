// plain-http-admin: an admin login page served over plain HTTP sends the password readable to anyone
// on the network. Worse when the device offers no HTTPS at all.

import type { Device, Finding, PortInfo } from '../model.js';
import { etsi, makeFinding, owasp } from './finding.js';
import type { Check } from './types.js';

const PASSWORD_INPUT = /<input[^>]+type\s*=\s*["']?password/i;
const LOGIN_WORDS = /log\s*in|sign\s*in|inloggen|aanmelden|anmelden|password|wachtwoord/i;

/** Why this port looks like an admin login, or undefined. */
export function adminLoginSign(port: PortInfo): string | undefined {
  const http = port.http;
  // RTSP answers in HTTP's shape too: a camera stream login is not a web admin page.
  if (!http || port.tls || port.name === 'https' || port.name.startsWith('rtsp')) return undefined;
  const scheme = (http.authScheme ?? '').toLowerCase();
  if (http.status === 401 && (scheme === 'basic' || scheme === 'digest')) {
    return `HTTP ${scheme === 'basic' ? 'Basic' : 'Digest'} login${http.realm ? ` (realm '${http.realm.slice(0, 50)}')` : ''}`;
  }
  if (PASSWORD_INPUT.test(http.bodyExcerpt ?? '')) return `a password form${http.title ? ` on '${http.title.slice(0, 50)}'` : ''}`;
  if (http.title && LOGIN_WORDS.test(http.title)) return `login page '${http.title.slice(0, 50)}'`;
  return undefined;
}

function hasHttps(device: Device): boolean {
  return device.facts.ports.some((p) => p.transport === 'tcp' && (p.tls === true || p.name === 'https'));
}

export const plainHttpAdminCheck: Check = {
  id: 'plain-http-admin',
  description: 'An admin login page served over plain HTTP',
  appliesTo: (device) => device.facts.ports.some((p) => adminLoginSign(p) !== undefined),
  async run(device) {
    const https = hasHttps(device);
    const findings: Finding[] = [];
    for (const port of device.facts.ports) {
      const sign = adminLoginSign(port);
      if (!sign) continue;
      findings.push(
        makeFinding({
          check: 'plain-http-admin',
          device,
          key: `http:${port.port}`,
          // Without any HTTPS the password can only ever travel in the clear.
          severity: https ? 'low' : 'medium',
          title: {
            en: `Admin login over plain HTTP on port ${port.port}`,
            nl: `Beheerlogin via onversleuteld HTTP op poort ${port.port}`,
          },
          evidence: [`:${port.port} serves ${sign} without TLS${https ? '; the device also offers HTTPS' : '; the device offers no HTTPS'}`],
          standards: [etsi('5.5-1'), owasp('I7')],
          confidence: 'confirmed',
          details: { service: 'http', port: port.port, httpsAvailable: https },
        }),
      );
    }
    return findings;
  },
};
