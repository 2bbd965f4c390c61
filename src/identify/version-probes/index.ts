export { readFirmwareVersions, probesFor, DEFAULT_VERSION_PROBE_CAPS, type ProbeGet, type VersionProbeOptions } from './run-probes.js';
export { createProbeGet } from './http-get.js';
export { readVersion } from './read-answer.js';
