// Splits a byte stream into text lines, bounded so a device never buffers without limit.

export class LineTooLongError extends Error {
  override name = 'LineTooLongError';
}

/** Collects bytes and hands back complete lines (ending in LF, CR LF, CR NUL or a bare CR). */
export class LineBuffer {
  private pending = '';

  constructor(private readonly maxLineLength = 4096) {}

  push(chunk: Buffer | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    const lines: string[] = [];
    for (;;) {
      const match = /\r\n|\r\0|\n|\r(?=[^\n\0])/.exec(this.pending);
      if (!match) break;
      lines.push(this.pending.slice(0, match.index));
      this.pending = this.pending.slice(match.index + match[0].length);
    }
    if (this.pending.length > this.maxLineLength) {
      this.pending = '';
      throw new LineTooLongError(`line longer than ${this.maxLineLength} bytes`);
    }
    return lines;
  }
}
