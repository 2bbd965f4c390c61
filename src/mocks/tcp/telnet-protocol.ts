// Telnet option bytes (RFC 854/857/858/1073): what a BusyBox-like telnetd offers, and stripping replies.

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

/** The opening negotiation: we echo and suppress go-ahead, and ask for the window size. */
export const OPENING_NEGOTIATION = Buffer.from([
  IAC, DO, OPTION_ECHO,
  IAC, DO, OPTION_NAWS,
  IAC, WILL, OPTION_ECHO,
  IAC, WILL, OPTION_SUPPRESS_GO_AHEAD,
]);

/** Removes telnet commands from a byte stream, keeping state across chunks. */
export class TelnetCommandStripper {
  private state: 'data' | 'iac' | 'option' | 'subnegotiation' | 'subnegotiation-iac' = 'data';

  strip(chunk: Buffer): Buffer {
    const kept: number[] = [];
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'iac';
          else kept.push(byte);
          break;
        case 'iac':
          if (byte === IAC) {
            kept.push(IAC);
            this.state = 'data';
          } else if (byte === SB) this.state = 'subnegotiation';
          else if (byte >= WILL && byte <= DONT) this.state = 'option';
          else this.state = 'data';
          break;
        case 'option':
          this.state = 'data';
          break;
        case 'subnegotiation':
          if (byte === IAC) this.state = 'subnegotiation-iac';
          break;
        case 'subnegotiation-iac':
          this.state = byte === SE ? 'data' : 'subnegotiation';
          break;
      }
    }
    return Buffer.from(kept);
  }
}
