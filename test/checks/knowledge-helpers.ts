// Builds device records and check contexts for the knowledge-driven checks, without any network.

import type { Device, HostFacts, Identity } from '../../src/model.js';
import type { CheckKnowledge } from '../../src/knowledge/types.js';
import type { Answers } from '../../src/model.js';
import type { CheckContext } from '../../src/checks/types.js';
import { emptyFacts } from '../helpers/host-facts.js';

export type DeviceOverrides = Partial<Omit<Device, 'identity' | 'facts'>> & {
  identity?: Partial<Identity>;
  facts?: Partial<HostFacts>;
};

export function makeDevice(overrides: DeviceOverrides = {}): Device {
  const { identity, facts, ...rest } = overrides;
  const ip = rest.ip ?? '127.0.0.1';
  const vendor = rest.vendor ?? null;
  const model = rest.model ?? null;
  const firmware = rest.firmware ?? null;
  const kind = rest.kind ?? 'unknown';
  return {
    id: rest.id ?? `dev-${ip}`,
    ip,
    mac: null,
    names: [],
    vendor,
    model,
    firmware,
    kind,
    services: [],
    discoveredBy: ['tcp'],
    risk: 'none',
    ...rest,
    identity: {
      vendor,
      model,
      firmware,
      kind,
      confidence: 0.9,
      attributes: { vendor: 0.9, model: 0.9, kind: 0.9 },
      evidence: [],
      components: [],
      ...identity,
    },
    facts: emptyFacts({ ip, discoveredBy: ['tcp'], ...facts }),
  };
}

export function makeContext(knowledge: CheckKnowledge, options: { now?: string; answers?: Answers } = {}): CheckContext {
  const now = new Date(options.now ?? '2026-11-22T12:00:00Z');
  return {
    signal: new AbortController().signal,
    knowledge,
    devices: [],
    options: { login: false, maxAttempts: 5, timeoutMs: 1000, attemptSpacingMs: 0 },
    answers: options.answers ?? {},
    onLoginAttempt() {
      throw new Error('knowledge-driven checks never log in');
    },
    now: () => now,
  };
}
