// Random tokens (nonces, CSRF tokens, session ids) kept in a capped store, oldest dropped first.

import { randomBytes } from 'node:crypto';

export class BoundedTokens<T = true> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 1024) {}

  issue(value: T): string {
    const token = randomBytes(16).toString('hex');
    this.entries.set(token, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return token;
  }

  get(token: string | undefined): T | undefined {
    return token === undefined ? undefined : this.entries.get(token);
  }

  set(token: string, value: T): void {
    if (this.entries.has(token)) this.entries.set(token, value);
  }

  /** Returns the value and forgets the token: single use. */
  take(token: string | undefined): T | undefined {
    if (token === undefined) return undefined;
    const value = this.entries.get(token);
    this.entries.delete(token);
    return value;
  }
}
