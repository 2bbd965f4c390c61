// Self-reported names: what a device says about itself names it when no rule does, is marked as the
// device's own word, and never overrules a confident rule.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFingerprints, identify, loadFingerprints, type FingerprintKnowledge } from '../../src/identify/index.js';
import { productPhrase } from '../../src/identify/self-reported.js';
import type { HostFacts, PortInfo } from '../../src/model.js';
import { emptyFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

const snmp = (sysDescr: string, sysObjectID?: string): Partial<HostFacts> => ({
  snmp: { community: 'public', version: '2c', sysDescr, ...(sysObjectID ? { sysObjectID } : {}) },
});
const port = (port: number, name: string, extra: Partial<PortInfo>): PortInfo => ({ transport: 'tcp', port, name, ...extra });
const describedBy = (description: Record<string, string>, deviceTypes: string[] = []): Partial<HostFacts> => ({
  ssdp: [{ types: [], description: { services: [], deviceTypes, ...description } }],
});

describe('names a device by what it says about itself', () => {
  it('takes the maker and model from an SNMP sysDescr, marked self-reported with the evidence', () => {
    const identity = identify(emptyFacts(snmp('Brother NC-130h, Firmware Ver.0.09  ,MID 8CA-A17-001')), knowledge);
    expect(identity).toMatchObject({ vendor: 'Brother', model: 'NC-130h' });
    expect(identity.selfReported).toContain('model');
    const evidence = identity.evidence.find((item) => item.ruleId === 'self-reported-snmp-sysdescr');
    expect(evidence?.detail).toMatch(/^self-reported: SNMP sysDescr="Brother NC-130h/);
  });

  it('reads the default name a printer announces over DNS-SD (instance "Brother HL-L2350DW series")', () => {
    const service = { type: '_ipp._tcp', instance: 'Brother HL-L2350DW series', port: 631, txt: {} };
    const identity = identify(emptyFacts({ mdns: [service] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Brother', model: 'HL-L2350DW', kind: 'printer' });
    expect(identity.evidence.find((item) => item.ruleId === 'self-reported-mdns-instance')?.detail).toMatch(/^self-reported: mDNS _ipp\._tcp instance="Brother HL-L2350DW series"/);
  });

  it('reads a UPnP friendlyName that is still the maker\'s default ("Roku Ultra"), weakly', () => {
    const identity = identify(emptyFacts(describedBy({ friendlyName: 'Roku Ultra - 4802' })), knowledge);
    expect(identity).toMatchObject({ vendor: 'Roku', selfReported: expect.arrayContaining(['vendor']) });
    expect(identity.confidence).toBeLessThan(0.5);
  });

  it('reads a product line glued to its number ("FRITZ!Box7590"), keeping the line in the model', () => {
    const identity = identify(emptyFacts({ ports: [port(21, 'ftp', { banner: 'FRITZ!Box7590 FTP server ready.' })] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'AVM', model: 'FRITZ!Box 7590', kind: 'router' });
  });

  it('ends a model at an address or a version ("ProFTPD Server (NETGEAR ReadyNAS) [192.168.1.10]")', () => {
    const identity = identify(emptyFacts({ ports: [port(21, 'ftp', { banner: 'ProFTPD Server (NETGEAR ReadyNAS) [192.168.1.10]' })] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Netgear', model: 'ReadyNAS' });
  });

  it('reads a maker only as a whole word: "PHP" is not HP', () => {
    const identity = identify(emptyFacts({ ports: [port(80, 'http', { http: { status: 200, headers: {}, server: 'PHP/8.2 Development Server' } })] }), knowledge);
    expect(identity.vendor).toBeNull();
  });

  it('keeps a product line in the model and the kind it names ("HP LaserJet M1536dnf MFP")', () => {
    const identity = identify(emptyFacts({ ports: [port(80, 'http', { http: { status: 200, headers: {}, title: 'HP LaserJet M1536dnf MFP' } })] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'HP', model: 'LaserJet M1536dnf', kind: 'printer' });
  });

  it('names maker, model and kind from a model series only one maker uses (a D-Link DCS camera)', () => {
    const identity = identify(emptyFacts({ ports: [port(21, 'ftp', { banner: 'hostname DCS-2100 FTP server ready.' })] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'D-Link', model: 'DCS-2100', kind: 'camera' });
    expect(identity.selfReported).toEqual(expect.arrayContaining(['vendor', 'model', 'kind']));
  });

  it('names the maker behind an SNMP enterprise number (IANA PEN 28866 is TRENDnet)', () => {
    // A sysDescr that names nobody: the vendor comes from the enterprise number alone, the kind from what TRENDnet mostly makes.
    const identity = identify(emptyFacts(snmp('Linux 2.6.36', '1.3.6.1.4.1.28866.3.1')), knowledge);
    expect(identity).toMatchObject({ vendor: 'TRENDnet', kind: 'router', selfReported: ['vendor'] });
    expect(identity.evidence.map((item) => item.detail).join('\n')).toContain('IANA enterprise 28866: TRENDnet, Inc.');
  });

  it('names camera, gateway and printer makers by their enterprise numbers too (Hikvision 39165, Technicolor 46366, Kodak 314)', () => {
    const named = (number: number) => identify(emptyFacts(snmp('Linux 2.6.36', `1.3.6.1.4.1.${number}.1`)), knowledge);
    expect(named(39165)).toMatchObject({ vendor: 'Hikvision', kind: 'camera' });
    expect(named(46366)).toMatchObject({ vendor: 'Technicolor', kind: 'router' });
    expect(named(314)).toMatchObject({ vendor: 'Kodak', kind: 'printer' });
    expect(named(39165).confidence).toBeLessThan(0.5);
  });

  it('reads a product named in words after its maker in a sysDescr, when the words end in what it is', () => {
    expect(identify(emptyFacts(snmp('3Com Enterprise AP: v3.1.00 v3.0.8')), knowledge)).toMatchObject({ vendor: '3Com', model: 'Enterprise AP', kind: 'access-point' });
    expect(productPhrase('Acme Wireless Print Server, firmware 2.1', { index: 0, end: 4 })).toEqual({ model: 'Wireless Print Server', kind: 'printer' });
    // Words that do not end in what the product is, a single word, or a maker named later name no product.
    expect(productPhrase('Cisco IOS Software, C880 Software', { index: 0, end: 5 })).toBeNull();
    expect(productPhrase('HP ETHERNET MULTI-ENVIRONMENT,ROM none', { index: 0, end: 2 })).toBeNull();
    expect(productPhrase('Acme Router', { index: 0, end: 4 })).toBeNull();
    expect(productPhrase('Linux box by Acme Wireless Router', { index: 13, end: 17 })).toBeNull();
  });

  it('takes a realm that is a bare model number as the model, and no realm that is a word or a phrase', () => {
    const realm = (value: string) => identify(emptyFacts({ ports: [port(80, 'http', { http: { status: 401, headers: {}, realm: value } })] }), knowledge);
    expect(realm('WGR614v9')).toMatchObject({ model: 'WGR614v9', selfReported: expect.arrayContaining(['model']) });
    expect(realm('DIR-615')).toMatchObject({ vendor: 'D-Link', model: 'DIR-615', kind: 'router' });
    expect(realm('access').model).toBeNull();
    expect(realm('Protected Area 51').model).toBeNull();
  });

  it('adds nothing of its own where a confident rule names the device (no repeated evidence)', () => {
    const said = identify(emptyFacts(snmp('Brother NC-8300h, Firmware Ver.1.03', '1.3.6.1.4.1.2435.2.3.9.1')), knowledge);
    expect(said.vendor).toBe('Brother');
    expect(said.evidence.some((item) => item.ruleId === 'self-reported-snmp-sysobjectid')).toBe(false);
  });

  it('takes make and model from printer TXT keys on any printer service', () => {
    const facts = emptyFacts({
      mdns: [{ instance: 'Kantoor', type: '_pdl-datastream._tcp', port: 9100, txt: { usb_MFG: 'EPSON', usb_MDL: 'XP-6000 Series' } }],
    });
    expect(identify(facts, knowledge)).toMatchObject({ vendor: 'Epson', model: 'XP-6000 Series', kind: 'printer' });
  });

  it('takes the model from modelNumber when modelName is only a phrase', () => {
    const facts = emptyFacts(describedBy({ manufacturer: 'Acme Networks', modelName: 'Home Gateway', modelNumber: 'AG-200' }, ['urn:schemas-upnp-org:device:InternetGatewayDevice:1']));
    const identity = identify(facts, knowledge);
    expect(identity).toMatchObject({ vendor: 'Acme Networks', model: 'AG-200', kind: 'router' });
    expect(identity.selfReported).toEqual(['vendor', 'model']);
  });

  it('takes a maker rule\'s model from modelNumber when modelName only says what the device is', () => {
    const gateway = describedBy({ manufacturer: 'LINKSYS', modelName: 'Wireless-G ADSL Home Gateway', modelNumber: 'WAG200G' }, ['urn:schemas-upnp-org:device:InternetGatewayDevice:1']);
    expect(identify(emptyFacts(gateway), knowledge)).toMatchObject({ vendor: 'Linksys', model: 'WAG200G', kind: 'router' });
    // A version is no model number, and a name that is a product's own name stays.
    const versioned = describedBy({ manufacturer: 'LINKSYS', modelName: 'Wireless Router', modelNumber: 'V1.0' });
    expect(identify(emptyFacts(versioned), knowledge).model).toBe('Wireless Router');
    const named = describedBy({ manufacturer: 'LINKSYS', modelName: 'Velop', modelNumber: 'WHW03' });
    expect(identify(emptyFacts(named), knowledge).model).toBe('Velop');
  });

  it('guesses the kind from what the maker mostly makes only when nothing says it, and not as a confident claim', () => {
    const identity = identify(emptyFacts({ ports: [port(80, 'http', { http: { status: 200, headers: {}, server: 'Mikrotik HttpProxy' } })] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'MikroTik', kind: 'router' });
    expect(identity.evidence.find((item) => item.ruleId === 'maker-kind-guess')?.detail).toContain('what MikroTik mostly makes');
    expect(identity.confidence).toBeLessThan(0.5);
  });
});

describe('never lets a self-reported name overrule a confident rule', () => {
  const rules = compileFingerprints([
    {
      file: 'test.yaml',
      data: {
        rules: [
          { id: 'confident', match: { ssdp: { serialNumber: '^X' } }, give: { vendor: 'Acme', kind: 'camera' }, confidence: 0.55, source: 'test' },
          // Together these two would outweigh the rule (1 - 0.5 × 0.5 = 0.75).
          { id: 'says', match: { ssdp: { manufacturer: '\\w' } }, give: { vendor: '{ssdp.manufacturer}', kind: 'tv' }, confidence: 0.5, selfReported: true, source: 'test' },
          { id: 'says-again', match: { ssdp: { modelDescription: '\\w' } }, give: { vendor: '{ssdp.manufacturer}', kind: 'tv' }, confidence: 0.5, selfReported: true, source: 'test' },
        ],
      },
    },
  ]);

  it('keeps the rule\'s vendor and kind although the device says otherwise more strongly', () => {
    const identity = identify(emptyFacts(describedBy({ manufacturer: 'Other Maker', modelDescription: 'Other TV', serialNumber: 'X1' })), rules);
    expect(identity).toMatchObject({ vendor: 'Acme', kind: 'camera' });
    expect(identity.selfReported).toBeUndefined();
  });

  it('refuses a self-reported rule surer than 0.5', () => {
    const rule = { id: 'too-sure', match: { ssdp: { manufacturer: '\\w' } }, give: { vendor: 'X' }, confidence: 0.8, selfReported: true, source: 'test' };
    expect(() => compileFingerprints([{ file: 'sure.yaml', data: { rules: [rule] } }])).toThrow(/sure\.yaml: rule "too-sure": a self-reported rule may not be surer than 0\.5/);
  });

  it('takes the device\'s word where no confident rule speaks', () => {
    const identity = identify(emptyFacts(describedBy({ manufacturer: 'Other Maker' })), rules);
    expect(identity).toMatchObject({ vendor: 'Other Maker', kind: 'tv', selfReported: ['vendor', 'kind'] });
  });
});

describe('kind from what a device says it is', () => {
  const wemo = (type: string): HostFacts =>
    emptyFacts(describedBy({ manufacturer: 'Belkin International Inc.', modelName: 'LightSwitch', deviceType: type }, [type]));

  it('tells a WeMo light switch, bridge and humidifier from a WeMo plug', () => {
    expect(identify(wemo('urn:Belkin:device:lightswitch:1'), knowledge).kind).toBe('light');
    expect(identify(wemo('urn:Belkin:device:bridge:1'), knowledge).kind).toBe('hub');
    expect(identify(wemo('urn:Belkin:device:Humidifier:1'), knowledge).kind).toBe('appliance');
    expect(identify(wemo('urn:Belkin:device:controllee:1'), knowledge).kind).toBe('plug');
  });
});

describe('a maker\'s name glued to its model number', () => {
  const telnet = (banner: string): HostFacts => emptyFacts({ ports: [port(23, 'telnet', { banner })] });

  it('splits a mixed-case name off the model and takes the kind from the model\'s series ("LinksysWRT54G")', () => {
    const identity = identify(emptyFacts({ ports: [port(21, 'ftp', { banner: 'ProFTPD 1.3.1 Server (LinksysWRT54G) [10.0.0.1]' })] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Linksys', model: 'WRT54G', kind: 'router' });
    expect(identity.selfReported).toEqual(expect.arrayContaining(['vendor', 'model']));
  });

  it('keeps a name in capitals as part of the model, as the maker spells it ("SMCWBR14-N")', () => {
    expect(identify(telnet('SMCWBR14-N login:'), knowledge)).toMatchObject({ vendor: 'SMC Networks', model: 'SMCWBR14-N' });
  });

  it('needs a capital or digit right after the name and a model-like rest: "Axisymmetric3" is no Axis', () => {
    expect(identify(telnet('Axisymmetric3 login:'), knowledge).vendor).toBeNull();
  });
});

describe('kind from a maker\'s own identifiers', () => {
  const board = (model: string): HostFacts => emptyFacts({ mdns: [{ type: '_device-info._tcp', instance: 'x', port: 0, txt: { model } }] });

  it('tells an iPhone board from an iPod touch board, and says nothing of an iPad\'s', () => {
    expect(identify(board('D101AP'), knowledge)).toMatchObject({ vendor: 'Apple', kind: 'phone' });
    expect(identify(board('N53AP'), knowledge)).toMatchObject({ vendor: 'Apple', kind: 'phone' });
    expect(identify(board('N81AP'), knowledge)).toMatchObject({ vendor: 'Apple', kind: 'media-player' });
    expect(identify(board('J207AP'), knowledge)).toMatchObject({ vendor: 'Apple', kind: 'unknown' });
  });

  it('names a Brother print server by its NC-<n>h series without the maker\'s name', () => {
    expect(identify(emptyFacts(snmp('SP NC-8100h, Firmware Ver.1.02')), knowledge)).toMatchObject({ vendor: 'Brother', model: 'NC-8100h', kind: 'printer' });
  });

  it('reads a JetDirect FTP greeting, a Cisco IOS enable realm and a MiniUPnPd Server header', () => {
    expect(identify(emptyFacts({ ports: [port(21, 'ftp', { banner: 'JD FTP Server Ready' })] }), knowledge)).toMatchObject({ vendor: 'HP', kind: 'printer' });
    const realm = port(80, 'http', { http: { status: 401, headers: {}, realm: 'level_15_access', authScheme: 'basic' } });
    expect(identify(emptyFacts({ ports: [realm] }), knowledge)).toMatchObject({ vendor: 'Cisco', kind: 'router' });
    const upnp = port(5000, 'http', { http: { status: 200, headers: {}, server: 'Linux/3.10 UPnP/1.1 MiniUPnPd/2.1' } });
    expect(identify(emptyFacts({ ports: [upnp] }), knowledge).kind).toBe('router');
  });
});

describe('the self-reported tables', () => {
  const folderWith = (name: string, text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'self-reported-'));
    mkdirSync(join(dir, 'self-reported'));
    writeFileSync(join(dir, 'self-reported', name), text);
    return dir;
  };

  it('refuse a kind that is not a device kind, naming the file', () => {
    const dir = folderWith('words.yaml', 'kindWords:\n  - { kind: toaster, words: [Toaster], confidence: 0.3, source: test }\n');
    expect(() => loadFingerprints(dir)).toThrow(/words\.yaml: kindWords: "toaster" is not a device kind/);
  });

  it('refuse a model series that does not compile, naming the maker', () => {
    const dir = folderWith('makers.yaml', "makers:\n  - { vendor: Acme, series: [{ pattern: '^(AB', kind: camera }], source: test }\n");
    expect(() => loadFingerprints(dir)).toThrow(/makers\.yaml: maker "Acme": could not compile series/);
  });

  it('refuse a confidence above 0.5: the device\'s own word is never confident', () => {
    const dir = folderWith('texts.yaml', 'readers:\n  - { field: snmp.sysDescr, confidence: 0.9 }\n');
    expect(() => loadFingerprints(dir)).toThrow(/texts\.yaml: readers › 0.*confidence/);
  });
});
