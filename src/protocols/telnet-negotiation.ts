// Telnet option negotiation (RFC 854/855): strip IAC sequences from what the device sends and refuse
// every option it proposes, so the conversation stays plain text.

const IAC = 255;
const DONT = 254;
const DO = 253;
const WONT = 252;
const WILL = 251;
const SB = 250;
const SE = 240;

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
