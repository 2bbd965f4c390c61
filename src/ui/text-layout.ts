// Fixed-width text for a terminal grid: the dashboard lays out its own lines so that every view can
// scroll by whole rows and nothing wraps behind its back.

const ELLIPSIS = '…';

/** Cut to at most `width` characters, with an ellipsis when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return width === 1 ? ELLIPSIS : chars.slice(0, width - 1).join('') + ELLIPSIS;
}

/** Exactly `width` characters: truncated or padded on the right. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - Array.from(cut).length));
}

/** Word-wraps to lines of at most `width` characters; words longer than a line are split. */
export function wrap(text: string, width: number): string[] {
  const lineWidth = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = Array.from(word);
    while (rest.length > lineWidth) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, lineWidth).join(''));
      rest = rest.slice(lineWidth);
    }
    const piece = rest.join('');
    if (!piece) continue;
    const candidate = line ? `${line} ${piece}` : piece;
    if (Array.from(candidate).length <= lineWidth) line = candidate;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export function formatElapsed(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
