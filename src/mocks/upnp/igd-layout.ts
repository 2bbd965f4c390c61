// The fixed shape of an InternetGatewayDevice:1 as routers (miniupnpd, FRITZ!OS) describe it:
// WANDevice › WANConnectionDevice › WANIPConnection.

export const WAN_DEVICE = 'urn:schemas-upnp-org:device:WANDevice:1';
export const WAN_CONNECTION_DEVICE = 'urn:schemas-upnp-org:device:WANConnectionDevice:1';
export const WAN_COMMON_INTERFACE_CONFIG = 'urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1';
export const WAN_IP_CONNECTION = 'urn:schemas-upnp-org:service:WANIPConnection:1';
export const WAN_IP_CONNECTION_CONTROL = '/ctl/IPConn';

export function igdEmbeddedTypes(): string[] {
  return [WAN_DEVICE, WAN_CONNECTION_DEVICE, WAN_COMMON_INTERFACE_CONFIG, WAN_IP_CONNECTION];
}
