// WS-Discovery (udp/3702): Probe out, ProbeMatches in; shared by the discovery source and the mock fleet.

export * from './constants.js';
export { buildProbe, newMessageId, parseProbe, type WsdProbe } from './probe.js';
export { parseProbeMatches, onvifScope, type ProbeMatchesReply, MAX_MATCHES, MAX_SCOPES, MAX_TYPES, MAX_XADDRS } from './probe-match.js';
export { WsdMessageError, MAX_MESSAGE_BYTES, MAX_ELEMENTS } from './soap.js';
