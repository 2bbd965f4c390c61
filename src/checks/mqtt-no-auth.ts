// mqtt-no-auth: an MQTT broker that accepts a CONNECT without credentials lets anyone in the house
// read and send the home's device messages.

import { etsi, makeFinding, owasp } from './finding.js';
import { probeMqttAnonymous } from '../protocols/mqtt/login.js';
import type { Check } from './types.js';
import { isRefused, ledgerOf } from './login/ledger.js';

const MQTT_NAMES = new Set(['mqtt', 'mqtts', 'secure-mqtt']);

export const mqttNoAuthCheck: Check = {
  id: 'mqtt-no-auth',
  description: 'An MQTT broker that accepts clients without a user name and password',
  appliesTo: (device) => device.facts.ports.some((p) => p.transport === 'tcp' && MQTT_NAMES.has(p.name)),
  async run(device, ctx) {
    // An anonymous CONNECT is a login attempt too: --no-login skips it.
    if (!ctx.options.login) return [];
    const findings = [];
    for (const port of device.facts.ports.filter((p) => p.transport === 'tcp' && MQTT_NAMES.has(p.name))) {
      // A refused anonymous CONNECT is a failed login on the device: it goes through the device's budget.
      const contact = { kind: 'mqtt', protocol: 'mqtt' as const, port: port.port, label: 'MQTT', software: port.banner };
      const result = await ledgerOf(ctx).attempt(ctx, device, contact, '', () =>
        probeMqttAnonymous(
          { ip: device.ip, port: port.port, tls: port.tls === true || port.name !== 'mqtt' },
          { signal: ctx.signal, timeoutMs: ctx.options.timeoutMs },
        ),
      );
      if (isRefused(result)) {
        ctx.onNote?.(device.id, `anonymous MQTT on :${port.port} not tried: ${result.refused}`);
        continue;
      }
      if (result.outcome !== 'success') continue;
      findings.push(
        makeFinding({
          check: 'mqtt-no-auth',
          device,
          key: `mqtt:${port.port}`,
          severity: 'high',
          title: {
            en: `MQTT broker on port ${port.port} lets anyone connect without a password`,
            nl: `MQTT-broker op poort ${port.port} laat iedereen verbinden zonder wachtwoord`,
          },
          evidence: [`MQTT on :${port.port} accepted a CONNECT without credentials (${result.proof})`],
          standards: [etsi('5.1-1'), etsi('5.5-1'), owasp('I1'), owasp('I3')],
          confidence: 'confirmed',
          details: { service: 'mqtt', port: port.port },
        }),
      );
    }
    return findings;
  },
};
