// Renders the dashboard in ink-testing-library with the fixture's fake audit, and names the keys.

import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { Dashboard } from '../../src/ui/components/Dashboard.js';
import type { DashboardOutcome, DashboardProps } from '../../src/ui/types.js';
import { fakeAudit, plan } from './fixture.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  ctrlC: '\u0003',
  pageDown: '\u001B[6~',
};

export function renderDashboard(overrides: Partial<DashboardProps> = {}) {
  const onExit = vi.fn<(outcome: DashboardOutcome) => void>();
  const props: DashboardProps = { plan, runAudit: fakeAudit(), lang: 'en', yes: true, colour: false, ...overrides };
  const instance = render(<Dashboard {...props} onExit={onExit} />);
  const frame = (): string => instance.lastFrame() ?? '';
  const press = async (key: string): Promise<void> => {
    instance.stdin.write(key);
    // Let ink's input parser and React's render run before the next key.
    await new Promise((resolve) => setTimeout(resolve, 30));
  };
  /** Waits until the screen shows `text` (or matches it). */
  const waitFor = async (text: string | RegExp): Promise<string> => {
    await vi.waitFor(
      () => {
        const current = frame();
        const ok = typeof text === 'string' ? current.includes(text) : text.test(current);
        if (!ok) throw new Error(`screen does not show ${String(text)}:\n${current}`);
      },
      { timeout: 10_000, interval: 20 },
    );
    return frame();
  };
  return { ...instance, onExit, frame, press, waitFor, props };
}

/** Waits until the result views are up (the device table header is on screen). */
export async function waitForResults(view: ReturnType<typeof renderDashboard>, header = 'worst finding'): Promise<void> {
  await view.waitFor(header);
}
