export {
  readFirmwareVersions,
  probesFor,
  withFirmware,
  DEFAULT_VERSION_PROBE_CAPS,
  type ProbeGet,
  type ProbeIpp,
  type ProbeSnmp,
  type ProbeTransports,
  type VersionProbeOptions,
} from './run-probes.js';
export { createProbeTransports } from './transports.js';
export { readVersion, readFields } from './read-answer.js';
export { readFirmwareAfterLogin, afterLoginProbesFor, type ConfirmedWebLogin, type AfterLoginOptions } from './after-login.js';
