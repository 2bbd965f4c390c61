// Runs the discovery sources side by side over a scope and merges what they saw, one record per host.
// A failing source is reported as a SourceProblem; the neighbour table is read last, once the others
// have made the kernel resolve the hosts they contacted.

import { setMaxListeners } from 'node:events';
import type { AuditEvent, DiscoverySource, HostFacts, Observation, Scope, SourceProblem } from '../model.js';
import { mergeObservations, type OuiLookup } from './merge.js';
import { mdnsSource } from './mdns/source.js';
import { neighboursSource } from './neighbours.js';
import { withDefaults, type DiscoverOptionsInput } from './options.js';
import { errorText } from '../util/error-text.js';
import { Sightings } from './sightings.js';
import { snmpSource } from './snmp.js';
import type { DiscoverySourceRun, SourceContext } from './source.js';
import { ssdpSource } from './ssdp/source.js';
import { wsdSource } from './wsd/source.js';
import { sweepAnnouncedPorts, tcpSource } from './tcp/source.js';
import { announcedPorts, type AnnouncedPort } from './announced-ports.js';
import { atagSource } from './atag/source.js';
import { readAnnouncedPrinters } from './tcp/announced-ipp.js';
import type { SweepPort } from './ports.js';

export interface DiscoverHooks {
  signal?: AbortSignal;
  onEvent?: (event: AuditEvent) => void;
}

export interface DiscoveryResult {
  hosts: HostFacts[];
  problems: SourceProblem[];
}

export const SOURCES: Record<DiscoverySource, DiscoverySourceRun> = {
  mdns: mdnsSource,
  ssdp: ssdpSource,
  snmp: snmpSource,
  tcp: tcpSource,
  atag: atagSource,
  neighbours: neighboursSource,
  wsd: wsdSource,
};

/**
 * Sources that only listen: they run beside the others and end when those are done, and nobody waits on them
 * for a "not seen" (a host they hear still counts as seen the moment it is heard).
 */
const PASSIVE_SOURCES: ReadonlySet<DiscoverySource> = new Set(['atag']);

export async function discover(scope: Scope, input: DiscoverOptionsInput = {}, hooks: DiscoverHooks = {}): Promise<DiscoveryResult> {
  const options = withDefaults(input);
  // Hundreds of waits listen on the signal at once by design: a child signal without the listener warning.
  const signal = AbortSignal.any([hooks.signal ?? new AbortController().signal]);
  setMaxListeners(0, signal);
  const onEvent = hooks.onEvent ?? (() => {});
  const observations: Observation[] = [];
  const problems: SourceProblem[] = [];
  const found = new Set<string>();
  const inScope = new Set(scope.hosts);

  const enabled = (Object.keys(SOURCES) as DiscoverySource[]).filter((s) => options.sources[s]);
  const sideBySide = enabled.filter((s) => s !== 'neighbours');
  const active = sideBySide.filter((s) => !PASSIVE_SOURCES.has(s));
  const sightings = new Sightings(active, signal);
  let activeDone: Promise<unknown> = Promise.resolve();
  const total = enabled.length * scope.hosts.length;
  let done = 0;

  const report = (problem: SourceProblem) => {
    problems.push(problem);
    onEvent({ type: 'source-problem', problem });
  };

  const contextFor = (source: DiscoverySource): SourceContext => ({
    scope,
    options,
    signal,
    emit(observation) {
      // A source never speaks for an address outside scope, whatever a device claimed.
      if (observation.source !== source || !inScope.has(observation.ip) || signal.aborted) return;
      observations.push(observation);
      sightings.record(observation.ip, source);
      const key = `${source} ${observation.ip}`;
      if (!found.has(key)) {
        found.add(key);
        onEvent({ type: 'host-found', ip: observation.ip, source });
      }
    },
    problem: (message) => report({ source, message }),
    hostDone() {
      done = Math.min(total, done + 1);
      onEvent({ type: 'stage-progress', stage: 'discovery', done, total });
    },
    seenElsewhere: (ip) => sightings.seenElsewhere(ip, source),
    othersDone: () => {
      const others = active.filter((s) => s !== source);
      return others.length === 0 ? Promise.resolve(false) : activeDone.then(() => true);
    },
  });

  const run = async (source: DiscoverySource) => {
    try {
      await SOURCES[source](contextFor(source));
    } catch (error) {
      if (!signal.aborted) report({ source, message: errorText(error) });
    } finally {
      sightings.finished(source);
    }
  };

  activeDone = Promise.all(active.map(run));
  await Promise.all([activeDone, ...sideBySide.filter((s) => PASSIVE_SOURCES.has(s)).map(run)]);
  if (options.sources.tcp && !signal.aborted) await sweepAnnounced(contextFor('tcp'), observations, options.tcp.ports);
  if (options.sources.tcp && !signal.aborted) {
    await readAnnouncedPrinters(contextFor('tcp'), mergeObservations(observations)).catch((error) => {
      if (!signal.aborted) report({ source: 'tcp', message: `announced printers: ${errorText(error)}` });
    });
  }
  if (enabled.includes('neighbours') && !signal.aborted) await run('neighbours');

  return { hosts: mergeObservations(observations, options.lookupOui && orNothing(options.lookupOui)), problems };
}

/** Ports the hosts announced (mDNS SRV, SSDP LOCATION, URLBase, presentationURL, redirects) that the sweep did not try. */
async function sweepAnnounced(ctx: SourceContext, observations: readonly Observation[], swept: readonly SweepPort[]): Promise<void> {
  const tried = new Set(swept.map((p) => p.port));
  const portsByHost = new Map<string, AnnouncedPort[]>();
  for (const facts of mergeObservations(observations)) {
    const ports = announcedPorts(facts, tried);
    if (ports.length > 0) portsByHost.set(facts.ip, ports);
  }
  if (portsByHost.size === 0) return;
  try {
    await sweepAnnouncedPorts({ ...ctx, hostDone() {} }, portsByHost);
  } catch (error) {
    if (!ctx.signal.aborted) ctx.problem(`announced ports: ${errorText(error)}`);
  }
}

/** The OUI registry is a nicety: when it cannot load, vendors stay unknown and the scan goes on. */
function orNothing(lookup: OuiLookup): OuiLookup {
  return (mac) => {
    try {
      return lookup(mac);
    } catch {
      return null;
    }
  };
}
