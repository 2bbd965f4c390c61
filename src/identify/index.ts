// What the identification stage offers the rest of the pipeline.

export { identify, macVendorOf } from './identify.js';
export { loadFingerprints, compileFingerprints, DEFAULT_FINGERPRINT_DIR, FINGERPRINT_SCHEMA } from './load-fingerprints.js';
export { lookupOui, ouiOrganisation, normaliseMac, isLocallyAdministered } from './oui.js';
export { normaliseVendor } from './vendor-names.js';
export { deviceNames } from './device-names.js';
export { sanitizeText } from '../util/sanitize.js';
export type * from './types.js';
export { modelWithoutVendor } from './model-name.js';
