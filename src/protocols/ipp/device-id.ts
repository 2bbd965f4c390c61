// The IEEE 1284 device ID a printer reports (IPP printer-device-id, USB, mDNS usb_* keys):
// "MFG:HP;MDL:OfficeJet Pro 9010;CMD:PCL,PDF;". Keys have a long and a short spelling.

/** The first value of each key, keys in upper case; a malformed pair is skipped, not an error. */
export function parseDeviceId(deviceId: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const pair of deviceId.split(';')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) continue;
    const key = pair.slice(0, colon).trim().toUpperCase();
    const value = pair.slice(colon + 1).trim();
    if (key && value && !fields.has(key)) fields.set(key, value);
  }
  return fields;
}

const first = (fields: ReadonlyMap<string, string>, ...keys: string[]): string | undefined => keys.map((key) => fields.get(key)).find(Boolean);

/** Maker and model as the device ID names them (MANUFACTURER or MFG, MODEL or MDL). */
export function deviceIdMakerAndModel(deviceId: string): { maker?: string; model?: string } {
  const fields = parseDeviceId(deviceId);
  const maker = first(fields, 'MANUFACTURER', 'MFG');
  const model = first(fields, 'MODEL', 'MDL');
  return { ...(maker ? { maker } : {}), ...(model ? { model } : {}) };
}
