// Why a scope could not be built, naming the target or interface at fault.

export class ScopeError extends Error {
  override name = 'ScopeError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
