import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveScope, ScopeError } from '../../src/scope/index.js';

type Ifaces = ReturnType<typeof os.networkInterfaces>;

function ipv4(address: string, netmask: string, internal = false) {
  return { address, netmask, family: 'IPv4' as const, mac: '02:00:00:00:00:01', internal, cidr: null };
}

function system(interfaces: Ifaces) {
  return { networkInterfaces: () => interfaces };
}

const home = system({
  lo: [ipv4('127.0.0.1', '255.0.0.0', true)],
  eth0: [ipv4('192.168.1.23', '255.255.255.0')],
  wlan0: [ipv4('10.20.0.5', '255.255.254.0'), ipv4('169.254.3.4', '255.255.0.0')],
  tun0: [ipv4('100.72.1.2', '255.255.255.0')],
  wan0: [ipv4('84.12.1.2', '255.255.255.0')],
});

describe('resolveScope targets', () => {
  it('expands a CIDR without its network and broadcast addresses', () => {
    const scope = resolveScope({ targets: ['127.80.0.0/30'] }, home);
    expect(scope.targets).toEqual(['127.80.0.0/30']);
    expect(scope.hosts).toEqual(['127.80.0.1', '127.80.0.2']);
  });

  it('normalises a CIDR written with host bits to its network', () => {
    expect(resolveScope({ targets: ['192.168.1.77/29'] }, home).targets).toEqual(['192.168.1.72/29']);
  });

  it('keeps both addresses of a /31 and the one of a /32', () => {
    expect(resolveScope({ targets: ['10.0.0.4/31', '10.0.0.9/32'] }, home).hosts).toEqual(['10.0.0.4', '10.0.0.5', '10.0.0.9']);
  });

  it('reads short and long ranges and single addresses, deduplicated and sorted', () => {
    const scope = resolveScope(
      { targets: ['192.168.1.20-22', '192.168.1.5', '192.168.1.21-192.168.1.23', '192.168.1.5'] },
      home,
    );
    expect(scope.targets).toEqual(['192.168.1.5', '192.168.1.20-192.168.1.22', '192.168.1.21-192.168.1.23']);
    expect(scope.hosts).toEqual(['192.168.1.5', '192.168.1.20', '192.168.1.21', '192.168.1.22', '192.168.1.23']);
  });

  it('sorts hosts numerically, not as text', () => {
    expect(resolveScope({ targets: ['10.0.0.100', '10.0.0.9'] }, home).hosts).toEqual(['10.0.0.9', '10.0.0.100']);
  });

  it.each(['8.8.8.8', '192.168.0.0/15', '172.32.0.1', '100.64.0.1'])('refuses %s, naming it', (target) => {
    expect(() => resolveScope({ targets: [target] }, home)).toThrow(ScopeError);
    expect(() => resolveScope({ targets: [target] }, home)).toThrow(`"${target}"`);
  });

  it.each(['300.1.1.1', '10.0.0.0/33', '10.0.0.9-3', 'router.local', '10.0.0.1-10.0.1'])('rejects malformed %s', (target) => {
    expect(() => resolveScope({ targets: [target] }, home)).toThrow(ScopeError);
  });

  it('allows loopback and link-local targets', () => {
    expect(resolveScope({ targets: ['127.80.0.9', '169.254.1.1'] }, home).hosts).toEqual(['127.80.0.9', '169.254.1.1']);
  });

  it('needs allowLarge beyond a /22 and says which flag', () => {
    expect(resolveScope({ targets: ['10.1.0.0/22'] }, home).hosts).toHaveLength(1022);
    expect(() => resolveScope({ targets: ['10.1.0.0/21'] }, home)).toThrow('--allow-large');
    expect(resolveScope({ targets: ['10.1.0.0/21'], allowLarge: true }, home).hosts).toHaveLength(2046);
  });

  it('refuses more than a /16 even with allowLarge', () => {
    expect(() => resolveScope({ targets: ['10.0.0.0/8'], allowLarge: true }, home)).toThrow(/narrow --target/);
  });
});

describe('resolveScope defaults and multicast interfaces', () => {
  it("defaults to the private subnets of the host's up, non-internal interfaces", () => {
    const scope = resolveScope({ targets: [] }, home);
    expect(scope.targets).toEqual(['10.20.0.0/23', '192.168.1.0/24']);
    expect(scope.hosts).toHaveLength(510 + 254);
    expect(scope.multicastInterfaces).toEqual([
      { name: 'eth0', address: '192.168.1.23' },
      { name: 'wlan0', address: '10.20.0.5' },
    ]);
  });

  it('restricts defaults and multicast to the chosen interface', () => {
    const scope = resolveScope({ targets: [], interface: 'eth0' }, home);
    expect(scope.targets).toEqual(['192.168.1.0/24']);
    expect(scope.multicastInterfaces).toEqual([{ name: 'eth0', address: '192.168.1.23' }]);
  });

  it('names the missing interface and the ones that exist', () => {
    expect(() => resolveScope({ targets: [], interface: 'eth9' }, home)).toThrow(/"eth9".*eth0/);
  });

  it('fails clearly when no private subnet exists', () => {
    const bare = system({ lo: [ipv4('127.0.0.1', '255.0.0.0', true)], wan0: [ipv4('84.12.1.2', '255.255.255.0')] });
    expect(() => resolveScope({ targets: [] }, bare)).toThrow(/--target/);
  });

  it('gives no multicast interface for a loopback scope or a scope that covers part of a subnet', () => {
    expect(resolveScope({ targets: ['127.80.0.0/24'] }, home).multicastInterfaces).toEqual([]);
    expect(resolveScope({ targets: ['192.168.1.0/25'] }, home).multicastInterfaces).toEqual([]);
    expect(resolveScope({ targets: ['192.168.0.0/23'] }, home).multicastInterfaces).toEqual([{ name: 'eth0', address: '192.168.1.23' }]);
  });
});
