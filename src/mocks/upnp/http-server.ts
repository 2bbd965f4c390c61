// The HTTP side of a UPnP device: the description XML, service descriptions, the IGD control URL,
// and the DIAL Application-URL header for TVs. Honours delay, slow and silent.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockBindError } from '../errors.js';
import type { PersonaContext, RunningPersona, SsdpSpec } from '../types.js';
import { wait } from '../../util/wait.js';
import { personaLifetime } from '../wait.js';
import { DIAL_SERVICE_TYPE, everyServiceType, descriptionXml, scpdXml, servicePaths } from './description.js';
import { answerIgdAction, soapActionName } from './igd-soap.js';
import { WAN_IP_CONNECTION } from './igd-layout.js';
import { withAddress } from './address-placeholder.js';

const MAX_SOAP_BODY = 16 * 1024;
const SLOW_CHUNK = 256;

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function upnpDescriptionUrl(address: string, spec: SsdpSpec, path = spec.descriptionPath): string {
  return `http://${address}:${spec.port}${path}`;
}

export async function startUpnpHttp(ctx: PersonaContext): Promise<RunningPersona> {
  const { device, fleet } = ctx;
  const spec = device.ssdp;
  if (!spec) throw new Error(`device "${device.id}" has no ssdp section to serve a UPnP description for`);
  const life = personaLifetime(ctx.signal);
  const baseUrl = `http://${device.address}:${spec.port}/`;
  // No Server header where the fleet names none: a recorded device that sent none replays without one.
  const serverHeader: Record<string, string> = spec.server === undefined ? {} : { Server: spec.server };
  const xmlHeaders = { 'Content-Type': 'text/xml; charset="utf-8"', ...serverHeader };
  const scpdPaths = new Set([...everyServiceType(spec), ...(spec.igd ? [WAN_IP_CONNECTION] : [])].map((t) => servicePaths(t).scpd));

  function route(method: string, path: string, soapAction: string | undefined, body: string): Reply {
    if (method === 'GET' && path === spec!.descriptionPath) {
      const headers: Record<string, string> = { ...xmlHeaders };
      if (spec!.serviceTypes.includes(DIAL_SERVICE_TYPE)) headers['Application-URL'] = `${baseUrl}apps/`;
      const recorded = spec!.descriptionXml;
      return { status: 200, headers, body: recorded === undefined ? descriptionXml(device, spec!, baseUrl) : withAddress(recorded, device.address) };
    }
    const document = method === 'GET' ? spec!.documents?.[path] : undefined;
    if (document !== undefined) return { status: 200, headers: xmlHeaders, body: withAddress(document, device.address) };
    if (method === 'GET' && scpdPaths.has(path)) return { status: 200, headers: xmlHeaders, body: scpdXml() };
    if (method === 'POST' && spec!.igd && path === spec!.igd.controlPath) {
      const answer = answerIgdAction(fleet, spec!.igd, soapActionName(soapAction), body);
      return { status: answer.status, headers: xmlHeaders, body: answer.body };
    }
    return { status: 404, headers: { 'Content-Type': 'text/html', ...serverHeader }, body: '<html><body><h1>404 Not Found</h1></body></html>' };
  }

  async function send(response: http.ServerResponse, reply: Reply): Promise<void> {
    response.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) });
    if (device.knobs.slowMs <= 0) {
      response.end(reply.body);
      return;
    }
    const bytes = Buffer.from(reply.body);
    for (let offset = 0; offset < bytes.length; offset += SLOW_CHUNK) {
      if (offset > 0 && !(await wait(device.knobs.slowMs, life.signal))) return;
      response.write(bytes.subarray(offset, offset + SLOW_CHUNK));
    }
    response.end();
  }

  const server = http.createServer((request, response) => {
    // A silent device keeps the connection open and says nothing, like a hung web server.
    if (device.knobs.silent) return;
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_SOAP_BODY) request.destroy();
    });
    request.on('end', () => {
      void (async () => {
        if (!(await wait(device.knobs.delayMs, life.signal))) return;
        const path = new URL(request.url ?? '/', baseUrl).pathname;
        const soapAction = request.headers.soapaction;
        await send(response, route(request.method ?? 'GET', path, Array.isArray(soapAction) ? soapAction[0] : soapAction, body));
      })().catch(() => response.destroy());
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new MockBindError(device.id, 'upnp-http', device.address, spec.port, { cause: error })));
    server.listen(spec.port, device.address, () => resolve());
  });

  return {
    served: [{ deviceId: device.id, address: device.address, protocol: 'upnp-http', port: (server.address() as AddressInfo).port, transport: 'tcp' }],
    async close() {
      life.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
