// Errors of the mock fleet that say what failed, where, and what to do about it.

export class MockBindError extends Error {
  override name = 'MockBindError';
  constructor(
    readonly deviceId: string,
    readonly protocol: string,
    readonly address: string,
    readonly port: number,
    options: { cause?: unknown } = {},
  ) {
    super(describeBindFailure(deviceId, protocol, address, port, options.cause), options);
  }
}

function describeBindFailure(deviceId: string, protocol: string, address: string, port: number, cause: unknown): string {
  const code = (cause as { code?: string } | undefined)?.code;
  const where = `device "${deviceId}" cannot serve ${protocol} on ${address}:${port}`;
  if (code === 'EACCES' && port < 1024) {
    return (
      `${where}: ports below 1024 need privileges. Run as root, or allow them once with ` +
      '`sudo sysctl net.ipv4.ip_unprivileged_port_start=0`'
    );
  }
  if (code === 'EADDRINUSE') {
    return `${where}: the address is already in use (another fleet or program runs there; stop it or pick another range)`;
  }
  if (code === 'EADDRNOTAVAIL') {
    return `${where}: the address does not exist on this machine (on macOS only 127.0.0.1 exists without aliases)`;
  }
  return `${where}: ${(cause as Error | undefined)?.message ?? String(cause)}`;
}

export class FleetStartError extends Error {
  override name = 'FleetStartError';
}
