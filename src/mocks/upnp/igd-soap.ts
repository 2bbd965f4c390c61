// The WANIPConnection control point of a router, answering the SOAP actions scanners use to read
// port mappings. Past the last mapping it answers fault 713, as miniupnpd does. Pure: no sockets.

import type { Fleet, PortMapping, SsdpSpec } from '../types.js';
import { escapeXml } from './description.js';
import { WAN_IP_CONNECTION } from './igd-layout.js';

export interface SoapResponse {
  status: number;
  body: string;
}

const envelope = (inner: string): string =>
  '<?xml version="1.0"?>\r\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" ' +
  's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>' + inner + '</s:Body></s:Envelope>\r\n';

function actionResponse(action: string, values: Record<string, string | number>): SoapResponse {
  const fields = Object.entries(values).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`).join('');
  return { status: 200, body: envelope(`<u:${action}Response xmlns:u="${WAN_IP_CONNECTION}">${fields}</u:${action}Response>`) };
}

export function soapFault(code: number, description: string): SoapResponse {
  return {
    status: 500,
    body: envelope(
      '<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>' +
        '<UPnPError xmlns="urn:schemas-upnp-org:control-1-0">' +
        `<errorCode>${code}</errorCode><errorDescription>${description}</errorDescription>` +
        '</UPnPError></detail></s:Fault>',
    ),
  };
}

/** The action name from a SOAPAction header: "urn:…:WANIPConnection:1#GetExternalIPAddress". */
export function soapActionName(header: string | undefined): string | null {
  const match = /#([A-Za-z]+)"?\s*$/.exec(header ?? '');
  return match ? match[1]! : null;
}

function argument(body: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${name}[^>]*>\\s*([^<]*?)\\s*</(?:\\w+:)?${name}>`).exec(body)?.[1];
}

/** A mapping's internal client as the router reports it: device ids become their addresses. */
export function internalClientAddress(fleet: Fleet, mapping: PortMapping): string {
  return fleet.devices.find((device) => device.id === mapping.internalClient)?.address ?? mapping.internalClient;
}

function mappingValues(fleet: Fleet, mapping: PortMapping): Record<string, string | number> {
  return {
    NewRemoteHost: '',
    NewExternalPort: mapping.externalPort,
    NewProtocol: mapping.protocol,
    NewInternalPort: mapping.internalPort,
    NewInternalClient: internalClientAddress(fleet, mapping),
    NewEnabled: mapping.enabled ? 1 : 0,
    NewPortMappingDescription: mapping.description,
    NewLeaseDuration: 0,
  };
}

export function answerIgdAction(fleet: Fleet, igd: NonNullable<SsdpSpec['igd']>, action: string | null, body: string): SoapResponse {
  switch (action) {
    case 'GetExternalIPAddress':
      // A router that did not say its WAN address in the recording does not say one now.
      return igd.externalIp === undefined ? soapFault(501, 'Action Failed') : actionResponse(action, { NewExternalIPAddress: igd.externalIp });
    case 'GetStatusInfo':
      return actionResponse(action, { NewConnectionStatus: 'Connected', NewLastConnectionError: 'ERROR_NONE', NewUptime: 86400 });
    case 'GetGenericPortMappingEntry': {
      const index = Number(argument(body, 'NewPortMappingIndex'));
      if (!Number.isInteger(index) || index < 0) return soapFault(402, 'Invalid Args');
      const mapping = igd.portMappings[index];
      if (!mapping) return soapFault(713, 'SpecifiedArrayIndexInvalid');
      return actionResponse(action, mappingValues(fleet, mapping));
    }
    case 'GetSpecificPortMappingEntry': {
      const port = Number(argument(body, 'NewExternalPort'));
      const protocol = (argument(body, 'NewProtocol') ?? '').toUpperCase();
      const mapping = igd.portMappings.find((m) => m.externalPort === port && m.protocol === protocol);
      if (!mapping) return soapFault(714, 'NoSuchEntryInArray');
      const { NewRemoteHost: _host, NewExternalPort: _port, NewProtocol: _protocol, ...rest } = mappingValues(fleet, mapping);
      return actionResponse(action, rest);
    }
    default:
      return soapFault(401, 'Invalid Action');
  }
}
