// A UPnP MediaServer device type says a host serves media, not what it is: NAS boxes, PCs' media programs, tuner
// cards and set-top boxes all serve one. Only beside a file-sharing port (FTP, SMB) does it make the host a NAS.

import { beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts, PortInfo } from '../../src/model.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import type { FingerprintKnowledge } from '../../src/identify/types.js';
import { emptyFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

const MEDIA_SERVER = 'urn:schemas-upnp-org:device:MediaServer:1';
const server = (ports: PortInfo[]): HostFacts =>
  emptyFacts({
    ssdp: [{ types: [MEDIA_SERVER], description: { deviceType: MEDIA_SERVER, friendlyName: 'Media', services: [], deviceTypes: [MEDIA_SERVER] } }],
    ports,
    discoveredBy: ['ssdp'],
  });

describe('a UPnP media server', () => {
  it('gives no kind on its own (a tuner card or a PC program serves one too)', () => {
    expect(identify(server([{ transport: 'tcp', port: 8200, name: 'http' }]), knowledge).kind).toBe('unknown');
  });

  it('makes a host that also shares files over FTP or SMB a NAS', () => {
    expect(identify(server([{ transport: 'tcp', port: 21, name: 'ftp' }, { transport: 'tcp', port: 8200, name: 'http' }]), knowledge).kind).toBe('nas');
    expect(identify(server([{ transport: 'tcp', port: 445, name: 'smb' }]), knowledge).kind).toBe('nas');
  });
});
