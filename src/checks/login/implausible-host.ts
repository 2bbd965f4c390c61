// A host that accepts a connection on most of the ports discovery sweeps is no single device: a
// firewall or tarpit answers for every port. Its ports that said nothing when discovery connected
// are no login services, and a guess there would wait out its whole time-out for nothing.

import { SWEEP_PORTS } from '../../discovery/ports.js';
import type { Device } from '../../model.js';

/** Open on at least this share of the swept TCP ports: a home device opens a handful of them. */
export const IMPLAUSIBLE_SHARE_OF_SWEPT_PORTS = 0.5;

/** Why a login on this TCP port of the device is not tried, or undefined when it may be. */
export function silentOnImplausibleHost(device: Pick<Device, 'facts'>, port: number): string | undefined {
  const open = device.facts.ports.filter((p) => p.transport === 'tcp');
  if (open.length < Math.ceil(SWEEP_PORTS.length * IMPLAUSIBLE_SHARE_OF_SWEPT_PORTS)) return undefined;
  const info = open.find((p) => p.port === port);
  if (!info || info.banner !== undefined || info.http !== undefined) return undefined;
  return `not tried: the device accepts a connection on ${open.length} of the ${SWEEP_PORTS.length} swept ports and said nothing on this one`;
}
