// Fixed names and sizes of multicast DNS (RFC 6762) and DNS-SD (RFC 6763).

/** The DNS-SD meta-query name that lists every service type a responder has (RFC 6763 §9). */
export const SERVICES_META = '_services._dns-sd._udp.local';
/** RFC 6762 §17: an mDNS message is at most 9000 bytes; anything larger is refused unread. */
export const MAX_MDNS_PACKET = 9000;
export const MDNS_GROUP = '224.0.0.251';
export const MDNS_PORT = 5353;
