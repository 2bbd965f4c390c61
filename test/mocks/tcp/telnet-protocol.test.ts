import { describe, expect, it } from 'vitest';
import { LineBuffer, LineTooLongError } from '../../../src/mocks/tcp/line-buffer.js';
import { TelnetCommandStripper } from '../../../src/protocols/telnet/negotiation.js';

describe('TelnetCommandStripper', () => {
  it('drops option replies and sub-negotiations, keeps data and escaped 255, across chunk borders', () => {
    const stripper = new TelnetCommandStripper();
    // As a Linux telnet client answers: DO SGA, WILL NAWS, then NAWS 80x24, then "ro" + IAC IAC + "ot".
    const first = stripper.strip(Buffer.from([255, 253, 3, 255, 251, 31, 255, 250, 31, 0]));
    const second = stripper.strip(Buffer.from([80, 0, 24, 255, 240, 0x72, 0x6f, 255]));
    const third = stripper.strip(Buffer.from([255, 0x6f, 0x74]));
    expect(Buffer.concat([first, second, third])).toEqual(Buffer.from([0x72, 0x6f, 255, 0x6f, 0x74]));
  });
});

describe('LineBuffer', () => {
  it('ends lines at CR LF, CR NUL and LF, keeping a partial line for later', () => {
    const lines = new LineBuffer();
    expect(lines.push('root\r\npass\r\0ex')).toEqual(['root', 'pass']);
    expect(lines.push('it\n')).toEqual(['exit']);
  });

  it('refuses a line longer than its bound', () => {
    const lines = new LineBuffer(16);
    expect(() => lines.push('x'.repeat(17))).toThrow(LineTooLongError);
  });
});
