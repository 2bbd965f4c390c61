// Firmware versions that devices write in their own banners, read by the generic fingerprint rules:
// only where the word "firmware" (or "fw") names the number, never a protocol or component version.

import { describe, expect, it } from 'vitest';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { emptyFacts } from '../helpers/host-facts.js';

const knowledge = loadFingerprints();

describe('firmware from banners', () => {
  it('reads "firmware 2.4.1" from an SNMP sysDescr, as a banner', () => {
    const identity = identify(emptyFacts({ snmp: { community: 'public', version: '2c', sysDescr: 'Quillon JetDesk 410; firmware 2.4.1' } }), knowledge);
    expect(identity.firmware).toBe('2.4.1');
    expect(identity.firmwareEvidence).toMatchObject({ via: 'banner', ruleId: 'snmp-sysdescr-firmware-word' });
  });

  it('reads the firmware a telnet banner states before its login prompt', () => {
    const identity = identify(
      emptyFacts({ ports: [{ transport: 'tcp', port: 23, name: 'telnet', banner: 'EyeCam C2 (firmware 1.0.7) eyecam-c2 login:' }] }),
      knowledge,
    );
    expect(identity.firmware).toBe('1.0.7');
  });

  it('takes no protocol or server version for the firmware', () => {
    const identity = identify(
      emptyFacts({
        snmp: { community: 'public', version: '2c', sysDescr: 'Linux router 5.10.0 #1 SMP UPnP/1.0' },
        ports: [{ transport: 'tcp', port: 80, name: 'http', http: { status: 200, server: 'lighttpd/1.4.69', headers: {} } }],
      }),
      knowledge,
    );
    expect(identity.firmware).toBeNull();
  });

  it('an announcement keeps its provenance: UPnP softwareVersion is an announcement', () => {
    const identity = identify(
      emptyFacts({ ssdp: [{ types: [], description: { manufacturer: 'Samsung Electronics', firmware: 'T-MSLDEUC-1340.3', services: [], deviceTypes: [] } }] }),
      knowledge,
    );
    expect(identity.firmware).toBe('T-MSLDEUC-1340.3');
    expect(identity.firmwareEvidence?.via).toBe('announcement');
  });
});
