// The SSDP side of a seen device as a fleet's `ssdp`: one recorded reply per root (ST, USN, SERVER as
// seen, the LOCATION's path) and each root's description served at that path on the first LOCATION's port.

import type { SsdpHeader } from '../../model.js';
import type { RawDevice } from '../fleet-defaults.js';
import type { SsdpReplySpec } from '../types.js';

export interface SeenRoot {
  location?: string;
  st?: string;
  usn?: string;
  server?: string;
  /** Each reply's header block as sent: replayed as it is (the LOCATION pointing at the replay). */
  headerBlocks?: SsdpHeader[][];
  /** The description to serve at the LOCATION's path, when one was read. */
  xml?: string;
}

const DEFAULT_DESCRIPTION_PORT = 49152;

/** Port and path of an http(s) URL; undefined for anything else. */
export function urlParts(url: string | undefined): { port: number; path: string } | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return { port: parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80, path: parsed.pathname || '/' };
  } catch {
    return undefined;
  }
}

/** `takenPorts`: ports the device's web services use; the description then moves to a port of its own. */
export function ssdpOfRoots(roots: readonly SeenRoot[], takenPorts: ReadonlySet<number> = new Set()): NonNullable<RawDevice['ssdp']> {
  const seenPort = roots.map((root) => urlParts(root.location)?.port).find((port) => port !== undefined);
  const port = seenPort !== undefined && !takenPorts.has(seenPort) ? seenPort : DEFAULT_DESCRIPTION_PORT;
  const documents: Record<string, string> = {};
  const replies = roots.flatMap((root, index): SsdpReplySpec[] => {
    const path = urlParts(root.location)?.path ?? `/description-${index + 1}.xml`;
    if (root.xml !== undefined) documents[path] = root.xml;
    // Every reply as the device sent it, where discovery kept the block; else the fields it decoded.
    if (root.headerBlocks && root.headerBlocks.length > 0) return root.headerBlocks.map((headers) => ({ path, headers: headers.map((h) => ({ ...h })) }));
    return [{
      path,
      ...(root.st === undefined ? {} : { st: root.st }),
      ...(root.usn === undefined ? {} : { usn: root.usn }),
      ...(root.server === undefined ? {} : { server: root.server }),
    }];
  });
  const [first, ...more] = Object.entries(documents);
  return {
    port,
    replies,
    ...(first ? { descriptionPath: first[0], descriptionXml: first[1] } : {}),
    ...(more.length > 0 ? { documents: Object.fromEntries(more) } : {}),
  };
}
