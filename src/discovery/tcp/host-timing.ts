// Connect time-outs that follow each host's round-trip times (RFC 6298's smoothed estimate, as nmap
// keeps per host), and the rule for when a silence is ambiguous enough to be asked again.

export interface ConnectTiming {
  /** The time-out before a host has answered anything, and the least ever used. */
  connectTimeoutMs: number;
  /** The most a connect may wait, however slow the host looks. */
  maxConnectTimeoutMs: number;
}

export class HostTiming {
  private srtt: number | undefined;
  private rttvar = 0;
  /** An open port or a reset came back: the host is there, so a silence may be a lost or late answer. */
  present = false;

  /**
   * lossless: a loopback address, where the local kernel answers at once and nothing is ever lost, so a
   * silence is a device's choice: the configured time-out and no second try, as on an idle LAN.
   */
  constructor(
    private readonly limits: ConnectTiming,
    private readonly lossless = false,
  ) {}

  /** One answered connect (open or reset) and how long it took. */
  sample(ms: number): void {
    this.present = true;
    if (this.srtt === undefined) {
      this.srtt = ms;
      this.rttvar = ms / 2;
      return;
    }
    this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - ms);
    this.srtt = 0.875 * this.srtt + 0.125 * ms;
  }

  /** The estimate of how long an answer may take, or undefined before any answer. */
  get estimateMs(): number | undefined {
    return this.srtt === undefined ? undefined : this.srtt + 4 * this.rttvar;
  }

  /** The time-out for the next connect: never below the configured one, longer for a slow host. */
  timeoutMs(): number {
    const estimate = this.estimateMs;
    if (estimate === undefined || this.lossless) return this.limits.connectTimeoutMs;
    return clamp(2 * estimate, this.limits.connectTimeoutMs, this.limits.maxConnectTimeoutMs);
  }

  /** The longer time-out a second try gets. */
  retryTimeoutMs(usedMs: number): number {
    return clamp(Math.max(usedMs, 4 * (this.estimateMs ?? 0)), this.limits.connectTimeoutMs, this.limits.maxConnectTimeoutMs);
  }

  /**
   * A silence deserves a second try when the host is known to be there, unless the try was made with
   * a time-out many times the host's known round trip: then the port is filtered, not slow.
   */
  isAmbiguous(usedMs: number, estimateAtStart: number | undefined): boolean {
    if (!this.present || this.lossless) return false;
    if (estimateAtStart !== undefined && 4 * estimateAtStart < usedMs && 4 * (this.estimateMs ?? 0) < usedMs) return false;
    return true;
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
