export { encodeGetPrinterAttributes, encodeIppResponse, parseIppRequest, parseIppResponse, IppParseError, type IppResponse, type IppValue } from './encoding.js';
export { getPrinterAttributes, IPP_PRINTER_PATH, IppStatusError, type IppRequestOptions } from './client.js';
export { deviceIdMakerAndModel, parseDeviceId } from './device-id.js';
