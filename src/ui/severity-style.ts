// How a severity looks: a symbol and label that carry the meaning without colour (NO_COLOR), and a
// colour that reads on light and dark backgrounds alike (no black or white text).

import { SEVERITIES, type Risk, type Severity } from '../model.js';

export const RISK_ORDER: readonly Risk[] = [...SEVERITIES, 'none'];

const symbols: Record<Risk, string> = {
  critical: '!!!',
  high: '!!',
  medium: '!',
  low: '-',
  info: 'i',
  none: '✓',
};

const colours: Record<Risk, string | undefined> = {
  critical: 'red',
  high: 'magenta',
  medium: 'yellow',
  low: 'cyan',
  info: undefined,
  none: 'green',
};

export const riskSymbol = (risk: Risk): string => symbols[risk];

/** The colour for ink's `color` prop, or undefined when colour is off. */
export const riskColour = (risk: Risk, colour: boolean): string | undefined =>
  colour ? colours[risk] : undefined;

/** 0 for critical up to 5 for none: sorts the worst first. */
export const riskRank = (risk: Risk): number => RISK_ORDER.indexOf(risk);

export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);
