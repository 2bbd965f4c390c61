// The explicit registry: every check the audit runs, in the order it runs them on a device.
// Knowledge-only checks come first; the ones that log in come last, after the device is known.

import type { Check } from './types.js';
import { outdatedFirmwareCheck } from './outdated-firmware.js';
import { missingMfaCheck } from './missing-mfa.js';
import { dataOutsideEuCheck } from './data-outside-eu.js';
import { cameraPrivacyCheck } from './camera-privacy.js';
import { remoteAccessCheck } from './remote-access.js';
import { plainHttpAdminCheck } from './plain-http-admin.js';
import { snmpDefaultCommunityCheck, snmpWriteCommunityCheck } from './snmp-communities.js';
import { portMappingsCheck } from './port-mappings.js';
import { mqttNoAuthCheck } from './mqtt-no-auth.js';
import { anonymousFtpCheck } from './anonymous-ftp.js';
import { defaultCredentialsCheck } from './default-credentials.js';

/** Checks that read only the device record, knowledge and the user's answers: no network. */
export const ANSWERABLE_CHECKS: readonly Check[] = [missingMfaCheck];

export const CHECKS: readonly Check[] = [
  outdatedFirmwareCheck,
  missingMfaCheck,
  dataOutsideEuCheck,
  cameraPrivacyCheck,
  remoteAccessCheck,
  plainHttpAdminCheck,
  snmpDefaultCommunityCheck,
  portMappingsCheck,
  mqttNoAuthCheck,
  anonymousFtpCheck,
  snmpWriteCommunityCheck,
  defaultCredentialsCheck,
];
