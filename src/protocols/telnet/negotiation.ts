// Telnet option negotiation (RFC 854/855/857/858/1073), both sides: the scanner strips IAC sequences
// from what a device sends and refuses every option; a mock telnetd opens with its offer and strips the
// client's answers. One stripper for both, so they cannot drift apart.

export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
export const SB = 250;
export const SE = 240;
export const OPTION_ECHO = 1;
export const OPTION_SUPPRESS_GO_AHEAD = 3;
export const OPTION_NAWS = 31;

/** What a BusyBox-like telnetd opens with: it echoes, suppresses go-ahead, and asks for the window size. */
export const OPENING_NEGOTIATION = Buffer.from([
  IAC, DO, OPTION_ECHO,
  IAC, DO, OPTION_NAWS,
  IAC, WILL, OPTION_ECHO,
  IAC, WILL, OPTION_SUPPRESS_GO_AHEAD,
]);

export interface StrippedTelnet {
  /** The printable bytes, negotiation removed. */
  text: Buffer;
  /** Our minimal answers: WONT to every DO, DONT to every WILL. */
  replies: Buffer;
  /** Bytes at the end that form an incomplete sequence: keep them for the next chunk. */
  rest: Buffer;
}

export function stripTelnetNegotiation(input: Buffer): StrippedTelnet {
  const text: number[] = [];
  const replies: number[] = [];
  let i = 0;
  while (i < input.length) {
    const byte = input[i]!;
    if (byte !== IAC) {
      text.push(byte);
      i += 1;
      continue;
    }
    if (i + 1 >= input.length) break;
    const command = input[i + 1]!;
    if (command === IAC) {
      text.push(IAC);
      i += 2;
    } else if (command === DO || command === DONT || command === WILL || command === WONT) {
      if (i + 2 >= input.length) break;
      const option = input[i + 2]!;
      if (command === DO) replies.push(IAC, WONT, option);
      if (command === WILL) replies.push(IAC, DONT, option);
      i += 3;
    } else if (command === SB) {
      const end = findSubnegotiationEnd(input, i + 2);
      if (end < 0) break;
      i = end;
    } else {
      i += 2;
    }
  }
  return { text: Buffer.from(text), replies: Buffer.from(replies), rest: input.subarray(i) };
}

function findSubnegotiationEnd(input: Buffer, from: number): number {
  for (let j = from; j + 1 < input.length; j += 1) {
    if (input[j] === IAC && input[j + 1] === SE) return j + 2;
  }
  return -1;
}

/** The same stripping over a stream: an incomplete sequence at a chunk's end waits for the next chunk. */
export class TelnetCommandStripper {
  private rest: Buffer = Buffer.alloc(0);

  strip(chunk: Buffer): Buffer {
    const { text, rest } = stripTelnetNegotiation(this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk);
    this.rest = Buffer.from(rest);
    return text;
  }
}
