// WS-Discovery over SOAP-over-UDP: the fixed group, port and namespaces (WS-Discovery, April 2005, the
// version ONVIF devices, Windows and printers speak; SOAP-over-UDP section 3).

export const WSD_GROUP = '239.255.255.250';
export const WSD_PORT = 3702;

export const NS_SOAP = 'http://www.w3.org/2003/05/soap-envelope';
export const NS_ADDRESSING = 'http://schemas.xmlsoap.org/ws/2004/08/addressing';
export const NS_DISCOVERY = 'http://schemas.xmlsoap.org/ws/2005/04/discovery';
/** The discovery service's well-known address (WS-Discovery 2005/04, section 2.4). */
export const DISCOVERY_TO = 'urn:schemas-xmlsoap-org:ws:2005:04:discovery';
export const ACTION_PROBE = `${NS_DISCOVERY}/Probe`;
export const ACTION_PROBE_MATCHES = `${NS_DISCOVERY}/ProbeMatches`;

/**
 * The type prefixes a Probe may name, with their namespaces: Devices Profile (wsdp:Device, what Windows and
 * wsdd answer), ONVIF's video transmitter (ONVIF Core 7.3.2.2), Windows print devices and published computers.
 */
export const TYPE_NAMESPACES: Readonly<Record<string, string>> = {
  wsdp: 'http://schemas.xmlsoap.org/ws/2006/02/devprof',
  dn: 'http://www.onvif.org/ver10/network/wsdl',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  wprt: 'http://schemas.microsoft.com/windows/2006/08/wdp/print',
  wscn: 'http://schemas.microsoft.com/windows/2006/08/wdp/scan',
  pub: 'http://schemas.microsoft.com/windows/pub/2005/07',
};
