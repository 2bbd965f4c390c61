// Renders a window of prepared lines; each line is exactly one terminal row.

import { Box, Text } from 'ink';
import { inkColour, type Palette } from '../palette.js';
import type { Line } from '../screens/line.js';

export interface LineViewProps {
  lines: Line[];
  offset: number;
  height: number;
  width: number;
  palette: Palette;
}

export function LineView({ lines, offset, height, width, palette }: LineViewProps) {
  const visible = lines.slice(offset, offset + height);
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {visible.map((row, rowIndex) => (
        <Text key={offset + rowIndex} wrap="truncate-end">
          {row.length === 0
            ? ' '
            : row.map((part, partIndex) => (
                <Text key={partIndex} color={inkColour(part.colour, palette)} bold={part.bold} dimColor={part.dim} inverse={part.inverse}>
                  {part.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
