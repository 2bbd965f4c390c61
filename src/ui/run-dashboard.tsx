// Entry point: shows the dashboard on the terminal's alternate screen, waits until the user quits,
// and hands back the result. The caller decides beforehand that stdout is a terminal.

import { render } from 'ink';
import { Dashboard } from './components/Dashboard.js';
import { paletteFor } from './palette.js';
import { keepStderrPlain } from './plain-stderr.js';
import type { DashboardOutcome, DashboardProps } from './types.js';

export type { DashboardOutcome, DashboardProps, ScanPlan, RunAudit, WriteReports, SaveAnswer, ReportRequest, AnswerableQuestion } from './types.js';

// Entering the alternate screen keeps the cursor where it was: home it so the first frame starts at the top.
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H';
const EXIT_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

export interface DashboardIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

export class DashboardError extends Error {
  override name = 'DashboardError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** NO_COLOR (https://no-color.org): set and not empty turns colour off. */
export const colourWanted = (env: NodeJS.ProcessEnv): boolean => !env.NO_COLOR;

export async function runDashboard(
  props: DashboardProps,
  io: DashboardIo = { stdin: process.stdin, stdout: process.stdout },
): Promise<DashboardOutcome> {
  const { stdin, stdout } = io;
  let outcome: DashboardOutcome = { result: null, aborted: true };
  keepStderrPlain();
  const alternate = Boolean(stdout.isTTY);
  const restore = (): void => {
    if (alternate) stdout.write(SHOW_CURSOR + EXIT_ALTERNATE_SCREEN);
  };
  // Should the process end some other way, the user still gets their normal screen back.
  process.once('exit', restore);
  if (alternate) stdout.write(ENTER_ALTERNATE_SCREEN);
  try {
    const instance = render(
      <Dashboard
        {...props}
        colour={props.colour ?? colourWanted(process.env)}
        palette={props.palette ?? paletteFor(process.env)}
        onExit={(final) => {
          outcome = final;
        }}
      />,
      // Stray console output would tear the screen: route it through ink, but only on the real console.
      { stdin, stdout, exitOnCtrlC: false, patchConsole: stdout === process.stdout },
    );
    await instance.waitUntilExit();
    instance.cleanup();
  } catch (error) {
    throw new DashboardError(`the dashboard stopped unexpectedly: ${(error as Error).message ?? String(error)}`, { cause: error });
  } finally {
    process.off('exit', restore);
    restore();
  }
  return outcome;
}
