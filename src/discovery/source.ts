// The shape every discovery source has: it reports observations and partial problems through its context.

import type { Observation, Scope } from '../model.js';
import type { DiscoverOptions } from './options.js';

export interface SourceContext {
  scope: Scope;
  options: DiscoverOptions;
  signal: AbortSignal;
  /** Something seen of a host in scope. */
  emit(observation: Observation): void;
  /** Part of the source could not run (the rest goes on): reported, never fatal. */
  problem(message: string): void;
  /** One more host done by this source (for progress). */
  hostDone(): void;
  /** True once another source has seen ip; false when every other side-by-side source is done without it. */
  seenElsewhere(ip: string): Promise<boolean>;
  /**
   * For a passive listener: resolves once every other side-by-side source is done (true), or at once (false)
   * when none runs beside it.
   */
  othersDone(): Promise<boolean>;
}

/** Runs until done or aborted; throwing marks the whole source as failed (reported, the scan goes on). */
export type DiscoverySourceRun = (ctx: SourceContext) => Promise<void>;
