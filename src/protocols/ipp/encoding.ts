// IPP/1.1 message encoding (RFC 8010 §3): a Get-Printer-Attributes request, and a parser for the answer
// that reads only what it needs, never past the buffer it was given (the answer is untrusted).

export const IPP_GET_PRINTER_ATTRIBUTES = 0x000b;

const PRINTER_ATTRIBUTES_TAG = 0x04;

const TAG = {
  operationAttributes: 0x01,
  endOfAttributes: 0x03,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
} as const;

/** One attribute's values as IPP typed them; text kinds decoded as UTF-8, octetString kept as bytes. */
export type IppValue = { kind: 'text'; text: string } | { kind: 'octets'; bytes: Buffer } | { kind: 'integer'; value: number };

export interface IppResponse {
  version: string;
  statusCode: number;
  requestId: number;
  /** Every attribute of every group, by name; values in the order sent. */
  attributes: Map<string, IppValue[]>;
}

export class IppParseError extends Error {
  override name = 'IppParseError';
}

function attribute(tag: number, name: string, value: string | Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const valueBytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const head = Buffer.alloc(3);
  head.writeUInt8(tag, 0);
  head.writeUInt16BE(nameBytes.length, 1);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(valueBytes.length, 0);
  return Buffer.concat([head, nameBytes, length, valueBytes]);
}

/** Get-Printer-Attributes for printerUri, asking only for the named attributes. */
export function encodeGetPrinterAttributes(printerUri: string, requested: readonly string[], requestId = 1): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt8(1, 0); // IPP/1.1: every IPP printer answers it (RFC 8011 §4.1.8)
  header.writeUInt8(1, 1);
  header.writeUInt16BE(IPP_GET_PRINTER_ATTRIBUTES, 2);
  header.writeUInt32BE(requestId, 4);
  const parts = [
    header,
    Buffer.from([TAG.operationAttributes]),
    attribute(TAG.charset, 'attributes-charset', 'utf-8'),
    attribute(TAG.naturalLanguage, 'attributes-natural-language', 'en'),
    attribute(TAG.uri, 'printer-uri', printerUri),
    // Additional values of a multi-valued attribute have an empty name (RFC 8010 §3.1.5).
    ...requested.map((name, index) => attribute(TAG.keyword, index === 0 ? 'requested-attributes' : '', name)),
    Buffer.from([TAG.endOfAttributes]),
  ];
  return Buffer.concat(parts);
}

/** An attribute's value as text: octets that are printable as they are, binary ones as dotted bytes (PWG 5100.13 versions). */
export function ippValueText(value: IppValue): string {
  if (value.kind === 'text') return value.text;
  if (value.kind === 'integer') return String(value.value);
  return /^[\x20-\x7e]*$/.test(value.bytes.toString('latin1')) ? value.bytes.toString('utf8') : [...value.bytes].join('.');
}

/** Attributes whose syntax is not text (PWG 5100.13 §5.2), so the mock sends them typed as printers do. */
const ATTRIBUTE_TAGS: Readonly<Record<string, number>> = { 'printer-firmware-version': TAG.octetString, 'printer-firmware-name': TAG.name };

/** A printer's answer carrying the given attributes in its printer group, each with its syntax's tag: what the mock printer serves. */
export function encodeIppResponse(requestId: number, printerText: Readonly<Record<string, string>>, statusCode = 0): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt8(1, 0);
  header.writeUInt8(1, 1);
  header.writeUInt16BE(statusCode, 2);
  header.writeUInt32BE(requestId, 4);
  return Buffer.concat([
    header,
    Buffer.from([TAG.operationAttributes]),
    attribute(TAG.charset, 'attributes-charset', 'utf-8'),
    attribute(TAG.naturalLanguage, 'attributes-natural-language', 'en'),
    Buffer.from([PRINTER_ATTRIBUTES_TAG]),
    ...Object.entries(printerText).map(([name, text]) => attribute(ATTRIBUTE_TAGS[name] ?? TAG.text, name, text)),
    Buffer.from([TAG.endOfAttributes]),
  ]);
}

/** The request's id and requested attributes, for the mock printer; undefined when it is no IPP request. */
export function parseIppRequest(buffer: Buffer): { operation: number; requestId: number; requested: string[] } | undefined {
  if (buffer.length < 9) return undefined;
  try {
    const parsed = parseIppResponse(buffer);
    const requested = (parsed.attributes.get('requested-attributes') ?? []).flatMap((value) => (value.kind === 'text' ? [value.text] : []));
    return { operation: parsed.statusCode, requestId: parsed.requestId, requested };
  } catch {
    return undefined;
  }
}

function decodeValue(tag: number, bytes: Buffer): IppValue | undefined {
  if (tag === TAG.octetString) return { kind: 'octets', bytes };
  if ((tag === TAG.integer || tag === TAG.enum) && bytes.length === 4) return { kind: 'integer', value: bytes.readInt32BE(0) };
  if (tag === TAG.textWithLanguage || tag === TAG.nameWithLanguage) {
    // language length, language, text length, text
    if (bytes.length < 2) return undefined;
    const languageLength = bytes.readUInt16BE(0);
    const at = 2 + languageLength;
    if (bytes.length < at + 2) return undefined;
    const textLength = bytes.readUInt16BE(at);
    return { kind: 'text', text: bytes.subarray(at + 2, at + 2 + textLength).toString('utf8') };
  }
  if (tag >= TAG.text && tag <= TAG.mimeMediaType) return { kind: 'text', text: bytes.toString('utf8') };
  return undefined; // dates, resolutions, ranges, collections: nothing a version is read from
}

/** Parses an IPP response; throws IppParseError naming the offset where the bytes stop making sense. */
export function parseIppResponse(buffer: Buffer): IppResponse {
  if (buffer.length < 9) throw new IppParseError(`IPP answer of ${buffer.length} bytes is shorter than its 8-byte header`);
  const response: IppResponse = {
    version: `${buffer.readUInt8(0)}.${buffer.readUInt8(1)}`,
    statusCode: buffer.readUInt16BE(2),
    requestId: buffer.readUInt32BE(4),
    attributes: new Map(),
  };
  let at = 8;
  let current: string | undefined;
  while (at < buffer.length) {
    const tag = buffer.readUInt8(at);
    if (tag === TAG.endOfAttributes) return response;
    if (tag < 0x10) {
      at += 1; // a group delimiter: the next group's attributes follow
      current = undefined;
      continue;
    }
    if (at + 3 > buffer.length) throw new IppParseError(`IPP attribute at byte ${at} is cut off`);
    const nameLength = buffer.readUInt16BE(at + 1);
    const valueAt = at + 3 + nameLength;
    if (valueAt + 2 > buffer.length) throw new IppParseError(`IPP attribute name at byte ${at} runs past the answer`);
    const name = buffer.subarray(at + 3, valueAt).toString('utf8');
    const valueLength = buffer.readUInt16BE(valueAt);
    const end = valueAt + 2 + valueLength;
    if (end > buffer.length) throw new IppParseError(`IPP value at byte ${valueAt} runs past the answer`);
    if (name !== '') current = name;
    const value = decodeValue(tag, buffer.subarray(valueAt + 2, end));
    if (current !== undefined && value) {
      const values = response.attributes.get(current) ?? [];
      values.push(value);
      response.attributes.set(current, values);
    }
    at = end;
  }
  throw new IppParseError('IPP answer ends without its end-of-attributes tag');
}
