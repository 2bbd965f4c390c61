// exposed-by-port-mapping: the router's UPnP port mappings, read with GetGenericPortMappingEntry.
// Each mapping becomes a finding on the inside device it exposes to the internet.

import type { Device, Finding, Severity } from '../model.js';
import { etsi, makeFinding, owasp } from './finding.js';
import { OutOfScopeUrlError, readPortMappings, resolveControlUrl, WAN_CONNECTION_SERVICE, type IgdEndpoint, type IgdPortMapping } from '../protocols/upnp/igd.js';
import type { Check } from './types.js';

/** What an internal port usually carries, when the inside device's own facts do not say. */
const WELL_KNOWN: Record<number, string> = {
  21: 'ftp', 22: 'ssh', 23: 'telnet', 80: 'http', 443: 'https', 554: 'rtsp', 1883: 'mqtt', 2323: 'telnet',
  3389: 'rdp', 5000: 'http', 5001: 'https', 5555: 'adb', 5900: 'vnc', 8000: 'http', 8080: 'http', 8443: 'https', 8554: 'rtsp',
};

/** Severity by what is exposed: a shell or unauthenticated control is critical, admin pages and streams high. */
const SEVERITY_BY_SERVICE: Record<string, Severity> = {
  telnet: 'critical', adb: 'critical', vnc: 'critical', ssh: 'high', rdp: 'high', http: 'high', https: 'high', rtsp: 'high', ftp: 'high', mqtt: 'high',
};

const KIND_LABEL: Partial<Record<Device['kind'], { en: string; nl: string }>> = {
  camera: { en: 'Camera', nl: 'Camera' },
  doorbell: { en: 'Doorbell', nl: 'Deurbel' },
  'baby-monitor': { en: 'Baby monitor', nl: 'Babyfoon' },
  nas: { en: 'NAS', nl: 'NAS' },
  printer: { en: 'Printer', nl: 'Printer' },
};

/** The router's WAN connection control endpoints; one on another host is refused, never contacted. */
function wanEndpoints(router: Device): IgdEndpoint[] {
  const endpoints: IgdEndpoint[] = [];
  const refused: OutOfScopeUrlError[] = [];
  for (const ssdp of router.facts.ssdp) {
    if (!ssdp.location || !ssdp.description) continue;
    for (const service of ssdp.description.services) {
      if (!WAN_CONNECTION_SERVICE.test(service.serviceType) || !service.controlURL) continue;
      try {
        endpoints.push(resolveControlUrl(router.ip, ssdp.location, service.controlURL, service.serviceType));
      } catch (error) {
        if (!(error instanceof OutOfScopeUrlError)) throw error;
        refused.push(error);
      }
    }
  }
  if (endpoints.length === 0 && refused[0]) throw refused[0];
  return endpoints;
}

function serviceName(inside: Device | undefined, mapping: IgdPortMapping): string {
  const known = inside?.facts.ports.find((p) => p.port === mapping.internalPort && p.transport === mapping.protocol.toLowerCase());
  return known?.name ?? WELL_KNOWN[mapping.internalPort] ?? 'unknown';
}

function mappingFinding(router: Device, inside: Device | undefined, mapping: IgdPortMapping, externalIp: string | undefined): Finding {
  const service = serviceName(inside, mapping);
  const label = (inside && KIND_LABEL[inside.kind]) ?? { en: 'Device', nl: 'Apparaat' };
  const where = `${mapping.internalClient}:${mapping.internalPort}`;
  const outside = `${externalIp ?? 'the internet address'}:${mapping.externalPort}`;
  return makeFinding({
    check: 'exposed-by-port-mapping',
    device: inside ?? router,
    key: `${mapping.protocol.toLowerCase()}:${mapping.externalPort}`,
    severity: SEVERITY_BY_SERVICE[service] ?? 'medium',
    title: {
      en: `${label.en} ${where} reachable from the internet on port ${mapping.externalPort}`,
      nl: `${label.nl} ${where} bereikbaar vanaf internet op poort ${mapping.externalPort}`,
    },
    evidence: [
      `router ${router.ip} UPnP mapping #${mapping.index}: ${mapping.protocol} ${outside} → ${where} (${service})` +
        (mapping.description ? `, described as '${mapping.description.replace(/[^\p{L}\p{N} ._-]/gu, '?').slice(0, 40)}'` : ''),
    ],
    standards: [etsi('5.6-1'), etsi('5.6-2'), owasp('I2'), owasp('I9')],
    confidence: 'confirmed',
    details: {
      routerId: router.id,
      protocol: mapping.protocol,
      externalPort: mapping.externalPort,
      internalClient: mapping.internalClient,
      internalPort: mapping.internalPort,
      service,
      insideKnown: inside !== undefined,
    },
  });
}

export const portMappingsCheck: Check = {
  id: 'exposed-by-port-mapping',
  description: "Reads the router's UPnP port mappings: inside devices opened to the internet",
  appliesTo: (device) =>
    device.facts.ssdp.some((s) => s.description?.services.some((svc) => WAN_CONNECTION_SERVICE.test(svc.serviceType) && svc.controlURL)),
  async run(router, ctx) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const endpoint of wanEndpoints(router)) {
      const reading = await readPortMappings(endpoint, { signal: ctx.signal, timeoutMs: ctx.options.timeoutMs });
      if (reading.cutOff) {
        ctx.onNote?.(router.id, `port mappings at ${endpoint.ip}:${endpoint.port}${endpoint.path} cut off by the ${reading.stoppedBy}: later entries not read`, 'exposed-by-port-mapping');
      }
      for (const mapping of reading.mappings) {
        const key = `${mapping.protocol}:${mapping.externalPort}`;
        if (!mapping.enabled || seen.has(key)) continue;
        seen.add(key);
        const inside = ctx.devices.find((d) => d.ip === mapping.internalClient);
        findings.push(mappingFinding(router, inside, mapping, reading.externalIp));
      }
    }
    return findings;
  },
};
