import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { keepStderrPlain } from '../../src/ui/plain-stderr.js';

describe('a redirected stderr', () => {
  it('gets no cursor-control bytes, but keeps the words', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (c: Buffer) => (written += c.toString()));
    keepStderrPlain(stream);
    stream.write('\u001B[?25h');
    stream.write('homeaudit: wrote /tmp/a.html\n');
    stream.write('\u001B[?25lhidden\u001B[2K\n');
    expect(written).toBe('homeaudit: wrote /tmp/a.html\nhidden\n');
    expect(written).not.toMatch(/\u001B/);
  });

  it('leaves a terminal alone', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
    const before = stream.write;
    keepStderrPlain(stream);
    expect(stream.write).toBe(before);
  });
});
