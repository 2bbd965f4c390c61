// Identification from WS-Discovery: the Types of a ProbeMatch give the kind (ONVIF video transmitter,
// WS-Print printer, published computer), ONVIF scopes give the camera's own model and maker, marked as
// self-reported and never over a confident rule. Facts come from the recorded reply (agsh/onvif, MIT).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import type { WsdInfo } from '../../src/model.js';
import { parseProbeMatches } from '../../src/protocols/wsd/index.js';
import { emptyFacts } from '../helpers/host-facts.js';

const knowledge = loadFingerprints();
const wsd = (info: Partial<WsdInfo>): WsdInfo => ({ endpoint: 'urn:uuid:1', types: [], scopes: [], xaddrs: [], ...info });

describe('identification from WS-Discovery', () => {
  it('calls an ONVIF video transmitter a camera and takes its hardware scope as its own model', () => {
    const recorded = parseProbeMatches(readFileSync(new URL('../fixtures/wsd/agsh-onvif-predator-probe-match.xml', import.meta.url))).matches;
    const identity = identify(emptyFacts({ wsd: recorded, discoveredBy: ['wsd'] }), knowledge);
    expect(identity.kind).toBe('camera');
    expect(identity.model).toBe('HD_PREDATOR');
    expect(identity.selfReported).toContain('model');
    expect(identity.selfReported).not.toContain('kind');
    expect(identity.evidence).toContainEqual(expect.objectContaining({ source: 'wsd', ruleId: 'wsd-onvif-video-transmitter' }));
  });

  it('reads a maker from the manufacturer scope and from a known maker in the name scope, both as the device\'s own word', () => {
    const byScope = identify(emptyFacts({ wsd: [wsd({ types: ['tdn:NetworkVideoTransmitter'], scopes: ['onvif://www.onvif.org/manufacturer/Hikvision', 'onvif://www.onvif.org/hardware/DS-2CD2143G2'] })] }), knowledge);
    expect(byScope).toMatchObject({ vendor: 'Hikvision', model: 'DS-2CD2143G2', kind: 'camera' });
    expect(byScope.selfReported).toEqual(expect.arrayContaining(['vendor', 'model']));
    const byName = identify(emptyFacts({ wsd: [wsd({ types: ['dn:NetworkVideoTransmitter'], scopes: ['onvif://www.onvif.org/name/Dahua', 'onvif://www.onvif.org/hardware/IPC-HDW2431T'] })] }), knowledge);
    expect(byName).toMatchObject({ vendor: 'Dahua', model: 'IPC-HDW2431T', kind: 'camera' });
  });

  it('calls a camera by its scopes alone, and a print device, a scanner and a published computer by their types', () => {
    expect(identify(emptyFacts({ wsd: [wsd({ scopes: ['onvif://www.onvif.org/type/video_encoder'] })] }), knowledge).kind).toBe('camera');
    expect(identify(emptyFacts({ wsd: [wsd({ types: ['wsdp:Device', 'wprt:PrintDeviceType'] })] }), knowledge).kind).toBe('printer');
    expect(identify(emptyFacts({ wsd: [wsd({ types: ['wsdp:Device', 'wscn:ScanDeviceType'] })] }), knowledge).kind).toBe('printer');
    const computer = identify(emptyFacts({ wsd: [wsd({ types: ['wsdp:Device', 'pub:Computer'] })] }), knowledge);
    expect(computer.kind).toBe('computer');
    expect(computer.confidence).toBeLessThan(0.5);
    expect(identify(emptyFacts({ wsd: [wsd({ types: ['wsdp:Device'] })] }), knowledge).kind).toBe('unknown');
  });

  it('never lets a camera\'s own model overrule a confident rule\'s, nor a published Computer a NAS rule', () => {
    const camera = identify(emptyFacts({
      wsd: [wsd({ types: ['dn:NetworkVideoTransmitter'], scopes: ['onvif://www.onvif.org/hardware/OEM1'] })],
      mdns: [{ instance: 'Tuin', type: '_http._tcp', port: 5000, txt: { vendor: 'Synology', model: 'BC500' } }],
    }), knowledge);
    expect(camera.model).toBe('BC500');
    const nas = identify(emptyFacts({
      wsd: [wsd({ types: ['wsdp:Device', 'pub:Computer'] })],
      mdns: [{ instance: 'nas', type: '_http._tcp', port: 5000, txt: { vendor: 'Synology', model: 'DS920+' } }],
    }), knowledge);
    expect(nas).toMatchObject({ vendor: 'Synology', model: 'DS920+', kind: 'nas' });
  });
});
