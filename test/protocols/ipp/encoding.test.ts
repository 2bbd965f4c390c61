// IPP encoding: the request we send, and the parser on recorded bytes from CUPS's ippeveprinter (Debian
// cups-ipp-utils 2.4.2, run with an attributes file naming its firmware) and on hostile truncations.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeGetPrinterAttributes, encodeIppResponse, IppParseError, parseIppRequest, parseIppResponse } from '../../../src/protocols/ipp/index.js';

const RECORDED = readFileSync(new URL('../../fixtures/ipp/ippeveprinter-get-printer-attributes.bin', import.meta.url));

const text = (values: ReturnType<typeof parseIppResponse>['attributes'], name: string) =>
  values.get(name)?.map((value) => (value.kind === 'text' ? value.text : value.kind === 'octets' ? `octets:${value.bytes.toString('utf8')}` : value.value));

describe('IPP Get-Printer-Attributes', () => {
  it('encodes the operation, the printer URI and every requested attribute', () => {
    const request = encodeGetPrinterAttributes('ipp://192.0.2.40:631/ipp/print', ['printer-firmware-string-version', 'printer-make-and-model'], 9);
    expect(request.subarray(0, 8)).toEqual(Buffer.from([1, 1, 0x00, 0x0b, 0, 0, 0, 9]));
    const parsed = parseIppRequest(request)!;
    expect(parsed).toEqual({ operation: 0x0b, requestId: 9, requested: ['printer-firmware-string-version', 'printer-make-and-model'] });
    expect(request.includes(Buffer.from('ipp://192.0.2.40:631/ipp/print'))).toBe(true);
  });

  it('reads the firmware attributes of ippeveprinter\'s recorded answer', () => {
    const answer = parseIppResponse(RECORDED);
    expect(answer.statusCode).toBe(0);
    expect(answer.requestId).toBe(7);
    expect(text(answer.attributes, 'printer-firmware-string-version')).toEqual(['2.4.1']);
    expect(text(answer.attributes, 'printer-firmware-version')).toEqual(['octets:2.4.1']);
    expect(text(answer.attributes, 'printer-make-and-model')).toEqual(['Quillon JetDesk 410']);
  });

  it('refuses an answer cut anywhere inside an attribute, naming the byte', () => {
    for (const cut of [5, 20, 100, RECORDED.length - 1]) {
      expect(() => parseIppResponse(RECORDED.subarray(0, cut)), `cut at ${cut}`).toThrow(IppParseError);
    }
    expect(() => parseIppResponse(RECORDED.subarray(0, 100))).toThrow(/byte \d+/);
  });

  it('round-trips the mock printer\'s answer', () => {
    const answer = parseIppResponse(encodeIppResponse(3, { 'printer-firmware-string-version': 'TDF1FNPP1N001.2009A.00' }));
    expect(text(answer.attributes, 'printer-firmware-string-version')).toEqual(['TDF1FNPP1N001.2009A.00']);
  });
});
