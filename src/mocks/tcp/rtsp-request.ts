// Reads RTSP/1.0 requests (HTTP-like framing) from a byte stream, bounded.

export interface RtspRequest {
  method: string;
  uri: string;
  version: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
}

export class RtspRequestTooLargeError extends Error {
  override name = 'RtspRequestTooLargeError';
}

const MAX_HEAD_BYTES = 8 * 1024;
const MAX_BODY_BYTES = 16 * 1024;

export class RtspRequestReader {
  private buffered = Buffer.alloc(0);

  /** Returns every complete request in the stream so far; bodies are read and dropped. */
  push(chunk: Buffer): RtspRequest[] {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const requests: RtspRequest[] = [];
    for (;;) {
      const end = this.buffered.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.buffered.length > MAX_HEAD_BYTES) throw new RtspRequestTooLargeError('RTSP request head too large');
        return requests;
      }
      const [requestLine = '', ...headerLines] = this.buffered.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const bodyLength = Number(headers['content-length'] ?? 0);
      if (!Number.isFinite(bodyLength) || bodyLength < 0 || bodyLength > MAX_BODY_BYTES) {
        throw new RtspRequestTooLargeError('RTSP request body too large');
      }
      if (this.buffered.length < end + 4 + bodyLength) return requests;
      this.buffered = this.buffered.subarray(end + 4 + bodyLength);
      const [method = '', uri = '', version = ''] = requestLine.split(' ');
      requests.push({ method: method.toUpperCase(), uri, version, headers });
    }
  }
}
