// A detached tmux session on a private server socket: what a person sees in a real terminal of a given
// size, read with capture-pane and driven with send-keys. Every wait polls with a deadline.

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Why the real-terminal tests cannot run here, or null when they can. */
export function tmuxUnavailableReason(): string | null {
  const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'tmux is not installed (apt-get install tmux)';
  const lowestUnprivileged = (() => {
    try {
      return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8').trim());
    } catch {
      return 1024;
    }
  })();
  // The mock devices listen on their real ports (23, 80, 554, …).
  if (process.getuid?.() !== 0 && lowestUnprivileged > 23) {
    return 'the mock fleet needs ports below 1024: run as root or set net.ipv4.ip_unprivileged_port_start=0';
  }
  return null;
}

export interface PaneOptions {
  /** Unique per test file run, so kill-server only ever ends this file's server. */
  socket: string;
  session: string;
  columns: number;
  rows: number;
  cwd: string;
  /** The shell command the pane runs. */
  command: string;
  env: Record<string, string>;
}

export class TmuxPane {
  private last = '';

  private constructor(private readonly options: PaneOptions) {}

  static start(options: PaneOptions): TmuxPane {
    const pane = new TmuxPane(options);
    pane.tmux(['new-session', '-d', '-s', options.session, '-x', String(options.columns), '-y', String(options.rows), '-c', options.cwd, options.command]);
    return pane;
  }

  /** The visible screen, one string per row, trailing blanks trimmed by tmux. */
  capture(): string[] {
    this.last = this.tmux(['capture-pane', '-p', '-t', this.options.session]);
    return this.last.replace(/\n$/, '').split('\n');
  }

  /** The visible screen with its SGR escape codes (colours, bold, inverse). */
  captureStyled(): string {
    return this.tmux(['capture-pane', '-p', '-e', '-t', this.options.session]);
  }

  /** A tmux format value of the pane, e.g. `#{alternate_on}` or `#{pane_width}`. */
  format(expression: string): string {
    return this.tmux(['display-message', '-p', '-t', this.options.session, expression]).trim();
  }

  sendKeys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.options.session, ...keys]);
  }

  resize(columns: number, rows: number): void {
    this.tmux(['resize-window', '-t', this.options.session, '-x', String(columns), '-y', String(rows)]);
  }

  /** Polls the screen until `predicate` holds; fails with what was on screen when the time is up. */
  async waitFor(what: string, predicate: (screen: string[]) => boolean, timeoutMs = 10_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (predicate(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(`tmux ${this.options.session} (${this.options.columns}x${this.options.rows}): no ${what} within ${timeoutMs} ms; the screen was:\n${screen.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Ends this file's tmux server and everything running in it; safe to call twice. */
  killServer(): void {
    spawnSync('tmux', ['-L', this.options.socket, 'kill-server'], { stdio: 'ignore' });
  }

  private tmux(args: string[]): string {
    // -f /dev/null: no user configuration; -u: the client speaks UTF-8 (›, …, ✓ come through).
    return execFileSync('tmux', ['-L', this.options.socket, '-f', '/dev/null', '-u', ...args], {
      encoding: 'utf8',
      env: this.options.env,
      timeout: 5_000,
    });
  }
}

/** A pristine environment for the pane: a colour terminal, UTF-8, no NO_COLOR or FORCE_COLOR. */
export function cleanTerminalEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: home,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
  };
}
