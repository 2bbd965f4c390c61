// Multicast DNS-SD browse with bonjour-service, on one interface at a time (only those scope allows).

import { Bonjour, type Service } from 'bonjour-service';
import type { MdnsService, MulticastInterface } from '../../model.js';
import { wait } from '../../util/wait.js';
import { sanitizeText } from '../../util/sanitize.js';
import { parseTxt, parseTxtSent, serviceTypeLabel } from '../../protocols/mdns/records.js';

export interface MulticastMdnsHit {
  ip: string;
  service: MdnsService;
  hostname?: string;
}

function txtOf(service: Service): Record<string, string> {
  const raw = service.txt as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== 'object') return {};
  return parseTxt(Object.entries(raw).map(([k, v]) => `${k}=${Buffer.isBuffer(v) ? v.toString('utf8') : String(v)}`));
}

/** The address a service lives at: an announced IPv4 in scope, else the address that sent the answer. */
function addressOf(service: Service, inScope: (ip: string) => boolean): string | null {
  const announced = (service.addresses ?? []).find((a) => a.includes('.') && inScope(a));
  if (announced) return announced;
  const referer = service.referer?.address;
  return referer && inScope(referer) ? referer : null;
}

export function toMdnsService(service: Service): MdnsService {
  const out: MdnsService = {
    instance: sanitizeText(String(service.name ?? ''), 128),
    type: serviceTypeLabel(`_${service.type}._${service.protocol ?? 'tcp'}`),
    port: Number.isInteger(service.port) ? service.port : 0,
    txt: txtOf(service),
  };
  // bonjour-service keeps the TXT record's strings as they came (rawTxt) beside its decoded object.
  const raw = (service as { rawTxt?: unknown }).rawTxt;
  if (raw !== undefined) out.txtSent = parseTxtSent(raw);
  if (service.host) out.host = sanitizeText(String(service.host).toLowerCase(), 128);
  return out;
}

export async function browseMulticast(
  iface: MulticastInterface,
  listenMs: number,
  inScope: (ip: string) => boolean,
  signal: AbortSignal,
  onHit: (hit: MulticastMdnsHit) => void,
): Promise<void> {
  let failure: unknown = null;
  // bind 0.0.0.0 receives the group; `interface` picks where queries go out (LIBRARIES.md).
  const bonjour = new Bonjour({ interface: iface.address, bind: '0.0.0.0' } as never, (error: unknown) => {
    failure = error;
  });
  // EADDRINUSE and friends surface here, not through the callback above.
  const inner = (bonjour as unknown as { server?: { mdns?: NodeJS.EventEmitter } }).server?.mdns;
  inner?.on('error', (error: unknown) => {
    failure = error;
  });
  inner?.on('warning', () => {});
  try {
    const browser = bonjour.find(null, (service) => {
      const ip = addressOf(service, inScope);
      if (!ip) return;
      const hit: MulticastMdnsHit = { ip, service: toMdnsService(service) };
      if (hit.service.host) hit.hostname = hit.service.host;
      onHit(hit);
    });
    await wait(listenMs, signal);
    browser.stop();
  } finally {
    await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  }
  if (failure) throw failure;
}
