// How a severity looks: a symbol and label that carry the meaning without colour (NO_COLOR), and a
// colour that reads on light and dark backgrounds alike (no black or white text).

import type { Risk } from '../model.js';
import type { NamedColour } from './palette.js';

const symbols: Record<Risk, string> = {
  critical: '!!!',
  high: '!!',
  medium: '!',
  low: '-',
  info: 'i',
  none: '✓',
};

// The terminal's named colours; on a 256-colour terminal the palette (palette.ts) swaps in fixed ones.
const colours: Record<Risk, NamedColour | undefined> = {
  critical: 'red',
  high: 'magenta',
  medium: 'yellow',
  low: 'cyan',
  info: undefined,
  none: 'green',
};

/** The same colours for text that is not a severity: done or saved, a warning, a failure. */
export const TONE_COLOURS = { good: 'green', warning: 'yellow', bad: 'red' } as const satisfies Record<string, NamedColour>;

export const riskSymbol = (risk: Risk): string => symbols[risk];

/** The colour for ink's `color` prop, or undefined when colour is off. */
export const riskColour = (risk: Risk, colour: boolean): string | undefined =>
  colour ? colours[risk] : undefined;
