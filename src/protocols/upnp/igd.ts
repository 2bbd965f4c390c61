// A UPnP IGD SOAP client for the router's port mappings (UPnP WANIPConnection:1 / WANPPPConnection:1):
// GetExternalIPAddress and GetGenericPortMappingEntry by index until a fault (713) or a cap. It only
// talks to the router itself: a control URL on another host is refused.

import { safeXmlParser } from '../safe-xml.js';
import { ProbeHttpClient } from '../http/probe-client.js';
import { LoginProbeError, type ProbeOptions } from '../probe/types.js';
import { timeLimit } from '../../util/wait.js';

/** More entries than any home router holds; a device that keeps answering is cut off here. */
export const MAX_PORT_MAPPINGS = 128;
/** A router that answers each call slowly is cut off here too: reading its list never takes longer than this. */
export const MAX_MAPPING_READ_MS = 12_000;

export const WAN_CONNECTION_SERVICE = /^urn:schemas-upnp-org:service:WAN(IP|PPP)Connection:\d+$/;

export interface IgdPortMapping {
  index: number;
  remoteHost: string;
  externalPort: number;
  protocol: string;
  internalPort: number;
  internalClient: string;
  enabled: boolean;
  description: string;
  leaseDuration: number;
}

export class OutOfScopeUrlError extends Error {
  override name = 'OutOfScopeUrlError';
  constructor(readonly url: string, readonly deviceIp: string) {
    super(`control URL ${url} is not on the router ${deviceIp}: not contacted`);
  }
}

export interface IgdEndpoint {
  ip: string;
  port: number;
  path: string;
  serviceType: string;
}

/** Resolves a control URL against the description's address; refuses anything off the router. */
export function resolveControlUrl(deviceIp: string, location: string, controlURL: string, serviceType: string): IgdEndpoint {
  let url: URL;
  try {
    url = new URL(controlURL, location);
  } catch (error) {
    throw new LoginProbeError('upnp', { ip: deviceIp, port: 0 }, `bad control URL '${controlURL.slice(0, 80)}'`, { cause: error });
  }
  if (url.protocol !== 'http:' || url.hostname !== deviceIp) throw new OutOfScopeUrlError(url.href, deviceIp);
  return { ip: deviceIp, port: Number(url.port || 80), path: `${url.pathname}${url.search}`, serviceType };
}

const parser = safeXmlParser();

type SoapBody = Record<string, unknown>;

function soapEnvelope(serviceType: string, action: string, args: Record<string, string | number>): string {
  const inner = Object.entries(args).map(([k, v]) => `<${k}>${v}</${k}>`).join('');
  return (
    '<?xml version="1.0"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">' +
    `<s:Body><u:${action} xmlns:u="${serviceType}">${inner}</u:${action}></s:Body></s:Envelope>`
  );
}

interface SoapAnswer {
  response?: SoapBody;
  faultCode?: number;
}

async function callAction(client: ProbeHttpClient, endpoint: IgdEndpoint, action: string, args: Record<string, string | number>): Promise<SoapAnswer> {
  const answer = await client.send({
    method: 'POST',
    path: endpoint.path,
    headers: { 'content-type': 'text/xml; charset="utf-8"', soapaction: `"${endpoint.serviceType}#${action}"` },
    body: soapEnvelope(endpoint.serviceType, action, args),
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(answer.body) as Record<string, unknown>;
  } catch (error) {
    throw new LoginProbeError('upnp', client.target, `${action}: unreadable SOAP answer`, { cause: error });
  }
  const body = ((doc.Envelope as SoapBody | undefined)?.Body ?? {}) as SoapBody;
  const fault = body.Fault as SoapBody | undefined;
  if (fault) {
    const code = Number(((fault.detail as SoapBody | undefined)?.UPnPError as SoapBody | undefined)?.errorCode ?? NaN);
    return { faultCode: Number.isFinite(code) ? code : -1 };
  }
  if (answer.status !== 200) return { faultCode: -answer.status };
  return { response: (body[`${action}Response`] ?? {}) as SoapBody };
}

const text = (body: SoapBody, key: string): string => String(body[key] ?? '').trim();

export interface IgdReading {
  externalIp?: string;
  mappings: IgdPortMapping[];
  /** Why enumeration ended: a fault code, the cap, or an error. */
  stoppedBy: string;
  /** The list was cut off by a cap (count or time), not ended by the router: later entries are unread. */
  cutOff?: boolean;
}

export interface ReadLimits {
  /** The whole reading (every call), ms. */
  budgetMs?: number;
}

export async function readPortMappings(endpoint: IgdEndpoint, options: ProbeOptions, limits: ReadLimits = {}): Promise<IgdReading> {
  const budgetMs = limits.budgetMs ?? MAX_MAPPING_READ_MS;
  const budgetLimit = timeLimit(budgetMs);
  const budget = budgetLimit.signal;
  const signal = AbortSignal.any([options.signal, budget]);
  const client = new ProbeHttpClient({ ip: endpoint.ip, port: endpoint.port }, signal, options.timeoutMs);
  const mappings: IgdPortMapping[] = [];
  let externalIp: string | undefined;
  try {
    return await readAll(client, endpoint, signal, mappings, (ip) => (externalIp = ip));
  } catch (error) {
    if (!budget.aborted || options.signal.aborted) throw error;
    return { externalIp, mappings, stoppedBy: `time cap of ${budgetMs} ms after ${mappings.length} entries`, cutOff: true };
  } finally {
    budgetLimit.end();
    await client.close();
  }
}

async function readAll(
  client: ProbeHttpClient,
  endpoint: IgdEndpoint,
  signal: AbortSignal,
  mappings: IgdPortMapping[],
  onExternalIp: (ip: string | undefined) => void,
): Promise<IgdReading> {
  const external = await callAction(client, endpoint, 'GetExternalIPAddress', {}).catch(() => ({}) as SoapAnswer);
  const externalIp = external.response ? text(external.response, 'NewExternalIPAddress') || undefined : undefined;
  onExternalIp(externalIp);
  for (let index = 0; index < MAX_PORT_MAPPINGS; index += 1) {
    signal.throwIfAborted();
    const answer = await callAction(client, endpoint, 'GetGenericPortMappingEntry', { NewPortMappingIndex: index });
    if (!answer.response) return { externalIp, mappings, stoppedBy: `fault ${answer.faultCode} at index ${index}` };
    const r = answer.response;
    mappings.push({
      index,
      remoteHost: text(r, 'NewRemoteHost'),
      externalPort: Number(text(r, 'NewExternalPort')),
      protocol: text(r, 'NewProtocol').toUpperCase(),
      internalPort: Number(text(r, 'NewInternalPort')),
      internalClient: text(r, 'NewInternalClient'),
      enabled: /^(1|true)$/i.test(text(r, 'NewEnabled')),
      description: text(r, 'NewPortMappingDescription'),
      leaseDuration: Number(text(r, 'NewLeaseDuration') || 0),
    });
  }
  return { externalIp, mappings, stoppedBy: `cap of ${MAX_PORT_MAPPINGS} entries`, cutOff: true };
}
