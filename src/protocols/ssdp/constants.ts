// Fixed address and port of SSDP (UPnP Device Architecture 1.1, section 1).

export const SSDP_GROUP = '239.255.255.250';
export const SSDP_PORT = 1900;
