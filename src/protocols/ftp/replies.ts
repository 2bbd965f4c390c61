// FTP replies (RFC 959): a reply is "NNN text" or a multi-line "NNN-..." block closed by "NNN text".

export interface FtpReply {
  code: number;
  text: string;
  /** Bytes the reply took from the buffer. */
  length: number;
}

/** Parses the first complete reply at the start of `received`, or undefined when it is not complete. */
export function parseFtpReply(received: Buffer): FtpReply | undefined {
  const text = received.toString('latin1');
  const first = /^(\d{3})([ -])(.*)\r?\n/.exec(text);
  if (!first) return undefined;
  const code = Number(first[1]);
  if (first[2] === ' ') return { code, text: first[3]!.trim(), length: Buffer.byteLength(first[0], 'latin1') };
  const closing = new RegExp(`(?:^|\\n)${first[1]} (.*)\\r?\\n`, 'g');
  closing.lastIndex = first[0].length - 1;
  const end = closing.exec(text);
  if (!end) return undefined;
  const length = end.index + end[0].length;
  return { code, text: text.slice(4, length).replace(/\r/g, '').trim(), length: Buffer.byteLength(text.slice(0, length), 'latin1') };
}

/** "227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)" → the port; the host is ignored on purpose. */
export function parsePassivePort(text: string): number | undefined {
  const match = /(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(text);
  if (!match) return undefined;
  const port = Number(match[5]) * 256 + Number(match[6]);
  return port > 0 && port < 65536 ? port : undefined;
}
