// Errors a TCP persona raises, naming the device, address and port that failed.

export class MockServiceError extends Error {
  override name = 'MockServiceError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
