// Discovery: what answers in scope, and what it says about itself.

export { discover, SOURCES, type DiscoverHooks, type DiscoveryResult } from './discover.js';
export { defaultDiscoverOptions, withDefaults, type DiscoverOptions, type DiscoverOptionsInput } from './options.js';
export { type DiscoverySourceRun, type SourceContext } from './source.js';
export { mergeObservations, normaliseMac, type OuiLookup } from './merge.js';
export { mdnsSource } from './mdns/source.js';
export { browseHostUnicast } from './mdns/unicast.js';
export { ssdpSource } from './ssdp/source.js';
export { wsdSource } from './wsd/source.js';
export { planDescriptionFetch, fetchDescription } from './ssdp/description.js';
export { parseDescription, DescriptionError } from '../protocols/upnp/parse-description.js';
export { parseSsdpReply } from '../protocols/ssdp/reply.js';
export { snmpSource, getSystemGroup } from './snmp.js';
export { tcpSource } from './tcp/source.js';
export { neighboursSource, parseArpTable } from './neighbours.js';
export { SWEEP_PORTS, LIVENESS_PORTS, type SweepPort, type PortProbe } from './ports.js';
export { sanitizeText } from '../util/sanitize.js';
