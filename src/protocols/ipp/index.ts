export { encodeGetPrinterAttributes, encodeIppResponse, ippValueText, parseIppRequest, parseIppResponse, IppParseError, type IppResponse, type IppValue } from './encoding.js';
export { getPrinterAttributes, IPP_PRINTER_PATH, IppStatusError, type IppRequestOptions } from './client.js';
export { deviceIdMakerAndModel, parseDeviceId } from './device-id.js';
export { heldPrinterAttributes, PRINTER_ATTRIBUTES } from './printer-attributes.js';
