// Errors the CLI turns into exit code 2 with their message: wrong flags, bad files, refused scopes.

export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
