// A screen is a list of one-row lines, each made of styled segments. Building screens as data keeps
// them pure and testable, and lets one component scroll any of them by whole rows.

import { wrap } from '../text-layout.js';

export interface Segment {
  text: string;
  colour?: string | undefined;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type Line = Segment[];

export type SegmentStyle = Omit<Segment, 'text'>;

export const segment = (text: string, style: SegmentStyle = {}): Segment => ({ text, ...style });

export const line = (text: string, style: SegmentStyle = {}): Line => [segment(text, style)];

export const blank = (): Line => [];

/** Word-wrapped text as lines: the first line after `firstPrefix`, the rest indented to match. */
export function wrapped(text: string, width: number, style: SegmentStyle = {}, firstPrefix = '', indent = firstPrefix.length): Line[] {
  const rows = wrap(text, Math.max(10, width - Math.max(indent, firstPrefix.length)));
  return rows.map((row, index) => [segment((index === 0 ? firstPrefix : ' '.repeat(indent)) + row, style)]);
}

/** A line's plain text, for tests and for measuring. */
export const lineText = (value: Line): string => value.map((part) => part.text).join('');
