// Peak memory of this process: RSS sampled while work runs, and the kernel's own peak (maxRSS).

export interface MemoryPeak {
  sampledRssMb: number;
  maxRssMb: number;
}

/** Samples RSS every intervalMs until stopped; the timer never keeps the process alive. */
export function watchMemory(intervalMs = 25): { stop(): MemoryPeak } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      // resourceUsage().maxRSS is in kilobytes on Linux and macOS.
      return { sampledRssMb: toMb(peak), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
    },
  };
}

function toMb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
