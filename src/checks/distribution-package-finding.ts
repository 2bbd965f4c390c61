// The info finding for a component built by a distribution: its upstream version says nothing about known
// vulnerabilities, because the distribution patches it; the advice is to keep the system's updates running.

import type { Device, Finding, SoftwareComponent } from '../model.js';
import type { DistributionPackage } from './distribution-package.js';
import { etsi, makeFinding, owasp } from './finding.js';

export function distributionPackageFinding(device: Device, component: SoftwareComponent, found: DistributionPackage): Finding {
  return makeFinding({
    check: 'outdated-firmware',
    device,
    key: `component:${component.name.toLowerCase()}:distribution-package`,
    severity: 'info',
    title: {
      nl: `${component.name} ${component.version} is een pakket van ${found.distribution}: ${found.distribution} werkt het bij; houd de systeemupdates aan`,
      en: `${component.name} ${component.version} is a ${found.distribution} package: ${found.distribution} patches it; keep the system updates running`,
    },
    evidence: [
      `${component.name} version ${component.version}`,
      `seen as: ${component.evidence}`,
      `distribution revision ${found.revision}: ${found.distribution} backports security fixes without changing the upstream version, so no vulnerability is claimed from it`,
    ],
    standards: [etsi('5.3-2'), owasp('I4')],
    confidence: 'likely',
    details: {
      component: component.name,
      version: component.version,
      distribution: found.distribution,
      revision: found.revision,
      advice: 'distribution-updates',
    },
  });
}
