// Bounds on what one host may make the mDNS browse hold or ask.

export const MAX_TYPES_PER_HOST = 24;
export const MAX_INSTANCES_PER_HOST = 48;
export const MAX_RECORDS_PER_HOST = 512;
