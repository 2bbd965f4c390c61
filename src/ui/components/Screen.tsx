// The frame around every screen: a title bar with the views, the body, a notice line and the keys.

import { Box, Text } from 'ink';
import { inkColour, type Palette } from '../palette.js';
import type { Line } from '../screens/line.js';
import { TONE_COLOURS } from '../severity-style.js';
import { LineView } from './LineView.js';

export interface Tab {
  label: string;
  active: boolean;
}

export interface ScreenProps {
  title: string;
  tabs: Tab[];
  /** Right side of the title bar: language, summary. */
  status: string;
  body: Line[];
  offset: number;
  bodyHeight: number;
  width: number;
  /** Already wrapped to the width: a long path is shown whole, over as many rows as it needs. */
  notice: { lines: string[]; tone: 'info' | 'error' } | null;
  keys: string;
  /** "12-30/45" when the body scrolls. */
  position: string;
  colour: boolean;
  palette: Palette;
}

export function Screen(props: ScreenProps) {
  const { title, tabs, status, body, offset, bodyHeight, width, notice, keys, position, colour, palette } = props;
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Text bold wrap="truncate-end">
          {title}
        </Text>
        {tabs.map((tab) => (
          <Text key={tab.label} bold={tab.active} inverse={tab.active} dimColor={!tab.active}>
            {` ${tab.label} `}
          </Text>
        ))}
        <Box flexGrow={1} />
        <Text dimColor wrap="truncate-start">
          {status}
        </Text>
      </Box>
      <LineView lines={body} offset={offset} height={bodyHeight} width={width} palette={palette} />
      {(notice?.lines.length ? notice.lines : [' ']).map((row, index) => (
        <Box width={width} key={`notice-${index}`}>
          <Text
            wrap="truncate-end"
            bold={notice?.tone === 'error'}
            color={colour && notice ? inkColour(notice.tone === 'error' ? TONE_COLOURS.bad : TONE_COLOURS.good, palette) : undefined}
          >
            {row}
          </Text>
          <Box flexGrow={1} />
          {index === 0 ? <Text dimColor>{position}</Text> : null}
        </Box>
      ))}
      <Text dimColor wrap="truncate-end">
        {keys}
      </Text>
    </Box>
  );
}
