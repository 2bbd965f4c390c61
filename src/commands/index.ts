// The commands the CLI dispatches to; each returns its exit code.

import { scanCommand } from './scan.js';
import { demoCommand } from './demo.js';
import { mockCommand } from './mock.js';
import { historyCommand } from './history.js';

export const commands = {
  scan: scanCommand,
  demo: demoCommand,
  mock: mockCommand,
  history: historyCommand,
};
