// Families of devices and programs named by what every one of them sends (docs/fingerprints.md, "Families named
// after batches 1, 2 and 4"): media-server programs on computers, TV receivers' device types, devolo's device API,
// and makers' own names in banners. Each case is a device of the family the wild corpus does not hold, and
// look-alikes must not trigger the rule.

import { beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts, MdnsService, PortInfo, UpnpDescription } from '../../src/model.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import type { FingerprintKnowledge } from '../../src/identify/types.js';
import { CONFIDENT_RULE } from '../../src/identify/combine.js';
import { normaliseVendor } from '../../src/identify/vendor-names.js';
import { emptyFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

const ssdp = (description: Partial<UpnpDescription>): HostFacts =>
  emptyFacts({ ssdp: [{ types: [], description: { services: [], deviceTypes: [], ...description } }], discoveredBy: ['ssdp'] });
const mdns = (service: Partial<MdnsService> & { type: string }): HostFacts =>
  emptyFacts({ mdns: [{ instance: '', port: 80, txt: {}, ...service }], discoveredBy: ['mdns'] });
const port = (info: Omit<PortInfo, 'transport'>): HostFacts => emptyFacts({ ports: [{ transport: 'tcp', ...info }] });
const http = (fields: { title?: string; server?: string; realm?: string }): HostFacts =>
  port({ port: 80, name: 'http', http: { status: fields.realm ? 401 : 200, headers: fields.server ? { server: fields.server } : {}, ...fields, ...(fields.realm ? { authScheme: 'basic' } : {}) } });
const ruleIds = (facts: HostFacts): string[] => identify(facts, knowledge).evidence.map((item) => item.ruleId ?? '');

describe('media-server programs on computers', () => {
  it('names the program and calls its host a computer, from the fields every installation sends', () => {
    const mediaServer = 'urn:schemas-upnp-org:device:MediaServer:1';
    expect(identify(ssdp({ deviceType: mediaServer, manufacturer: 'PMS', manufacturerURL: 'http://ps3mediaserver.blogspot.com', modelName: 'PMS', friendlyName: 'PS3 Media Server [den]' }), knowledge))
      .toMatchObject({ vendor: 'PS3 Media Server', kind: 'computer' });
    expect(identify(ssdp({ deviceType: mediaServer, manufacturer: 'UMS', manufacturerURL: 'https://www.universalmediaserver.com/', modelName: 'UMS', friendlyName: 'Universal Media Server' }), knowledge))
      .toMatchObject({ vendor: 'Universal Media Server', kind: 'computer' });
    expect(identify(ssdp({ deviceType: mediaServer, manufacturer: 'GeeXboX Team', manufacturerURL: 'http://ushare.geexbox.org/', modelName: 'uShare', friendlyName: 'uShare: films' }), knowledge))
      .toMatchObject({ vendor: 'GeeXboX', kind: 'computer' });
    expect(identify(ssdp({ deviceType: 'urn:schemas-upnp-org:device:KodakMediaServer:1', manufacturer: 'Kodak', friendlyName: 'Kodak Picture Transfer Service - STUDY' }), knowledge))
      .toMatchObject({ vendor: 'Kodak', kind: 'computer' });
  });

  it('never names a program or its host\'s kind with confidence: the same programs run on NAS boxes too', () => {
    const identity = identify(ssdp({ deviceType: 'urn:schemas-upnp-org:device:MediaServer:1', manufacturer: 'UMS', manufacturerURL: 'http://www.universalmediaserver.com', modelName: 'UMS', modelNumber: '13.2.1' }), knowledge);
    expect(identity.kind).toBe('computer');
    expect(identity.confidence).toBeLessThan(CONFIDENT_RULE);
  });

  it('leaves a site that only contains a program\'s name alone', () => {
    expect(ruleIds(ssdp({ manufacturerURL: 'http://www.notmakemkv.com' }))).not.toContain('makemkv-upnp');
    expect(ruleIds(ssdp({ manufacturerURL: 'http://example.org/?ref=universalmediaserver.com' }))).not.toContain('universal-media-server-upnp');
  });

  it('lets a program\'s name give way to a stronger rule of the box it runs on, taking the kind with it', () => {
    const facts = ssdp({ manufacturer: 'UMS', manufacturerURL: 'https://www.universalmediaserver.com/', modelName: 'UMS' });
    facts.ssdp[0]!.server = 'AVM FRITZ!Box 7590 154.07.29';
    expect(identify(facts, knowledge)).toMatchObject({ vendor: 'AVM', kind: 'router' });
  });

  it('names Kodi weakly as the program the host runs, never as a confident maker', () => {
    const identity = identify(mdns({ type: '_xbmc-jsonrpc-h._tcp', port: 8080 }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Kodi', kind: 'media-player' });
    expect(identity.evidence.find((item) => item.ruleId === 'kodi-jsonrpc-program')).toBeDefined();
    expect(identity.confidence).toBeLessThan(CONFIDENT_RULE);
  });
});

describe('TV receivers', () => {
  it('calls an OpenCable host and a PBDA tuner media players', () => {
    expect(identify(ssdp({ deviceType: 'urn:schemas-opencable-com:device:OCAP_HOST:1', manufacturer: 'Cisco', modelName: 'Explorer 8642HDC' }), knowledge).kind).toBe('media-player');
    expect(identify(ssdp({ deviceType: 'urn:schemas-microsoft-com:device:tv:pbda:1', manufacturer: 'Hauppauge' }), knowledge).kind).toBe('media-player');
  });

  it('calls a box that names itself an STB a media player, even under a maker that mostly makes routers', () => {
    const identity = identify(ssdp({ deviceType: 'urn:schemas-upnp-org:device:MediaServer:1', manufacturer: 'zyxel', modelName: 'STB1001H', friendlyName: 'IPTV STB 192.168.1.30' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Zyxel', kind: 'media-player' });
    expect(identity.selfReported).toContain('kind');
    expect(identify(ssdp({ manufacturer: 'Awox', friendlyName: 'Kitchen', modelDescription: 'Awox Media Renderer 3.0' }), knowledge).kind).toBe('media-player');
  });

  it('does not take a word that merely holds the letters STB for one', () => {
    expect(identify(ssdp({ manufacturer: 'Globex', friendlyName: 'STBX-42 controller' }), knowledge).kind).not.toBe('media-player');
  });
});

describe('devolo\'s device API', () => {
  it('calls the Home Control Central Unit a hub by its article number, and a Wi-Fi adapter an access point by its features', () => {
    expect(identify(mdns({ type: '_dvl-deviceapi._tcp', txt: { MT: '2601', Features: '' } }), knowledge)).toMatchObject({ vendor: 'devolo', kind: 'hub', model: 'Home Control Central Unit' });
    expect(identify(mdns({ type: '_dvl-deviceapi._tcp', txt: { MT: '3210', Product: 'Magic 2 WiFi next', Features: 'reset,update,wifi1,led' } }), knowledge)).toMatchObject({ vendor: 'devolo', kind: 'access-point' });
  });

  it('gives a powerline adapter without Wi-Fi, or another article number, neither kind', () => {
    const plain = identify(mdns({ type: '_dvl-deviceapi._tcp', txt: { MT: '2260', Features: 'reset,update,led,wifi10' } }), knowledge);
    expect(plain.vendor).toBe('devolo');
    expect(plain.kind).toBe('unknown');
    expect(ruleIds(mdns({ type: '_http._tcp', txt: { MT: '2600', Features: 'wifi1' } }))).not.toContain('devolo-home-control-central-mdns');
  });
});

describe('makers\' own names in banners', () => {
  it('names an Avigilon camera by its RTSP server and an ACT Security camera by its telnet stack', () => {
    expect(identify(port({ port: 554, name: 'rtsp', banner: 'RTSP/1.0 200 OK', http: { status: 200, server: 'AvigilonOnvifNvt/2.4.4.38', headers: { server: 'AvigilonOnvifNvt/2.4.4.38' } } }), knowledge)).toMatchObject({ vendor: 'Avigilon', kind: 'camera' });
    expect(identify(port({ port: 23, name: 'telnet', banner: 'UDP/TCP/IP Stack: ACT Video security V6.1 Password:' }), knowledge)).toMatchObject({ vendor: 'ACT Security', kind: 'camera' });
    expect(ruleIds(port({ port: 23, name: 'telnet', banner: 'Please ACT on this: Video security training' }))).not.toContain('act-security-telnet');
  });

  it('names wireless, router, printer and NAS makers by their product and interface names, weakly', () => {
    const cases: Array<[HostFacts, string, string]> = [
      [http({ title: 'Ruckus Wireless Admin - ZoneDirector' }), 'Ruckus', 'access-point'],
      [http({ title: 'Aerohive HiveManager' }), 'Aerohive', 'access-point'],
      [http({ realm: 'NetVanta 3448' }), 'ADTRAN', 'router'],
      [http({ server: 'Oce Express WebTools/2.0' }), 'Océ', 'printer'],
      [http({ title: 'Isilon OneFS' }), 'EMC', 'nas'],
      [port({ port: 21, name: 'ftp', banner: '220 NASFTPD Turbo station 1.3.2 Server (ProFTPD)' }), 'QNAP', 'nas'],
      [emptyFacts({ snmp: { community: 'public', version: '2c', sysDescr: 'Deliberant APC 2M-14 V2, v6.95' } }), 'LigoWave', 'access-point'],
    ];
    for (const [facts, vendor, kind] of cases) {
      const identity = identify(facts, knowledge);
      expect(`${identity.vendor} ${identity.kind}`, vendor).toBe(`${vendor} ${kind}`);
      expect(identity.selfReported, vendor).toContain('vendor');
      expect(identity.confidence, vendor).toBeLessThan(CONFIDENT_RULE);
    }
  });

  it('reads the model and the kind of a Honeywell or Intermec label printer from its sysDescr', () => {
    expect(identify(emptyFacts({ snmp: { community: 'public', version: '2c', sysDescr: 'Honeywell PD43;P10.11.013310' } }), knowledge)).toMatchObject({ vendor: 'Honeywell', model: 'PD43', kind: 'printer' });
    expect(ruleIds(emptyFacts({ snmp: { community: 'public', version: '2c', sysDescr: 'Honeywell PM100 Thermostat' } }))).not.toContain('label-printer-honeywell-intermec-sysdescr');
  });

  it('spells the makers the way their own names are normalised', () => {
    expect(normaliseVendor('Elgato Systems GmbH', knowledge.aliases)).toBe('Elgato');
    expect(normaliseVendor('PSAudio', knowledge.aliases)).toBe('PS Audio');
    expect(normaliseVendor('GeeXboX Team', knowledge.aliases)).toBe('GeeXboX');
    expect(normaliseVendor('Deliberant', knowledge.aliases)).toBe('LigoWave');
  });
});

// Batch 5 of the wild corpus (README there): a Lorex recorder's realm was read as a sure Dahua.
describe('firmware one maker builds for other brands', () => {
  it('calls a host with Dahua\'s login realm a camera surely, but names Dahua only weakly: Lorex and Amcrest recorders send the same realm', () => {
    const identity = identify(http({ realm: 'Login to 6G04B2EPAZ71C33' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Dahua', kind: 'camera' });
    expect(identity.confidence).toBeLessThan(CONFIDENT_RULE);
    expect(identity.evidence.find((item) => item.ruleId === 'dahua-digest-realm')?.detail).toContain('camera');
  });

  it('lets the brand\'s own evidence name the maker over Dahua\'s realm', () => {
    const facts = http({ realm: 'Login to ND021903000123' });
    facts.mac = '00:1f:54:12:34:56';
    expect(identify(facts, knowledge)).toMatchObject({ vendor: 'Lorex', kind: 'camera' });
  });
});

// Families named after batch 5 of the wild corpus (docs/fingerprints.md): each on a device of the family the corpus
// does not hold, and a look-alike that must not be taken for it.
describe('makers and series named after batch 5', () => {
  const telnet = (banner: string): HostFacts => port({ port: 23, name: 'telnet', banner });
  const ftp = (banner: string): HostFacts => port({ port: 21, name: 'ftp', banner });
  const rtsp = (headers: Record<string, string>): HostFacts =>
    port({ port: 554, name: 'rtsp', banner: 'RTSP/1.0 200 OK', http: { status: 200, headers, ...(headers.server ? { server: headers.server } : {}) } });

  it('reads former company names as the same maker', () => {
    expect(normaliseVendor('KYOCERA MITA', knowledge.aliases)).toBe('Kyocera');
    expect(normaliseVendor('Kyocera Document Solutions', knowledge.aliases)).toBe('Kyocera');
    expect(normaliseVendor('Samsung Techwin', knowledge.aliases)).toBe('Hanwha');
    expect(normaliseVendor('Hanwha Vision', knowledge.aliases)).toBe('Hanwha');
    expect(normaliseVendor('Samsung', knowledge.aliases)).toBe('Samsung');
  });

  it('names Sharp\'s MX printers, and leaves Canon\'s PIXMA MX numbers (no dash) to Canon', () => {
    expect(identify(http({ title: 'MX-2640N' }), knowledge)).toMatchObject({ vendor: 'Sharp', kind: 'printer' });
    expect(identify(http({ title: 'MX922' }), knowledge).vendor).not.toBe('Sharp');
  });

  it('names TP-Link\'s older ADSL routers with or without the dash', () => {
    expect(identify(http({ realm: 'TD-8840T' }), knowledge)).toMatchObject({ vendor: 'TP-Link', kind: 'router' });
    expect(identify(http({ realm: 'TD8817' }), knowledge)).toMatchObject({ vendor: 'TP-Link', kind: 'router' });
  });

  it('names ZTE\'s fibre terminals by their F number, and not a longer number', () => {
    expect(identify(telnet('F660\r\nLogin:'), knowledge)).toMatchObject({ vendor: 'ZTE', kind: 'router' });
    expect(identify(telnet('F6000\r\nLogin:'), knowledge).vendor).not.toBe('ZTE');
  });

  it('names Digi\'s TransPort routers and Crestron\'s DigitalMedia receivers by their series', () => {
    expect(identify(http({ title: 'WR21 Configuration and Management' }), knowledge)).toMatchObject({ vendor: 'Digi', kind: 'router' });
    expect(identify(http({ title: 'WR2 Configuration' }), knowledge).vendor).not.toBe('Digi');
    expect(identify(http({ title: 'DM-RMC-4K-100-C' }), knowledge)).toMatchObject({ vendor: 'Crestron', kind: 'media-player' });
  });

  it('names Eltex\'s IPTV boxes by the host name they log in with, Telekom\'s Speedports and Phoenix Contact\'s FL WLAN line', () => {
    expect(identify(telnet('eltex-nv102 login:'), knowledge)).toMatchObject({ vendor: 'Eltex', kind: 'media-player' });
    expect(identify(ftp('Speedport W 724V Typ A FTP Server ready'), knowledge)).toMatchObject({ vendor: 'Deutsche Telekom', kind: 'router' });
    expect(identify(telnet('(FL WLAN 1100)'), knowledge).vendor).toBe('Phoenix Contact');
  });

  it('names a camera whose realm calls it a Rubetek IP camera, weakly', () => {
    const identity = identify(http({ realm: 'Rubetek IP camera' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Rubetek', kind: 'camera' });
    expect(identity.confidence).toBeLessThan(CONFIDENT_RULE);
  });

  it('reads Dahua\'s bare RTSP server name as a camera and Dahua weakly, and another version as no maker', () => {
    const identity = identify(rtsp({ server: 'Rtsp Server/3.0' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Dahua', kind: 'camera' });
    expect(identity.confidence).toBeLessThan(CONFIDENT_RULE);
    expect(identify(rtsp({ server: 'Rtsp Server/2.0' }), knowledge).vendor).toBeNull();
  });

  it('names Sony\'s Ze-PRO cameras by their RTSP Server header on any kernel version, weakly', () => {
    const identity = identify(rtsp({ server: 'Linux/2.6.35.13_nl-xarina+ Ze-PRO' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Sony', kind: 'camera' });
    expect(identity.confidence).toBeLessThan(CONFIDENT_RULE);
  });
});

// Families named after batch 6 of the wild corpus (docs/fingerprints.md): each on a device of the family the corpus
// does not hold, and a look-alike that must not be taken for it.
describe('makers, series and words named after batch 6', () => {
  const telnet = (banner: string): HostFacts => port({ port: 23, name: 'telnet', banner });
  it('names a Canon printer and its model by the title of its Remote UI login page, of any Canon line', () => {
    const identity = identify(http({ title: 'Remote UI: Login: iR-ADV C5535: Office 2nd floor' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Canon', kind: 'printer', model: 'iR-ADV C5535' });
    expect(ruleIds(http({ title: 'Remote UI: Login: MF746C: MF746C' }))).toContain('canon-remote-ui-title');
  });

  it('does not take another program\'s "Remote UI" page, or a login title without a model, for a Canon', () => {
    expect(identify(http({ title: 'Remote UI' }), knowledge).vendor).not.toBe('Canon');
    expect(ruleIds(http({ title: 'Remote UI: Login' }))).not.toContain('canon-remote-ui-title');
    expect(ruleIds(http({ title: 'Media Center Remote UI: Login: Kodi: living room' }))).not.toContain('canon-remote-ui-title');
  });

  it('names Panasonic\'s WV network cameras and WJ recorders by their model numbers, weakly', () => {
    const camera = identify(http({ title: 'WV-SC385 Network Camera' }), knowledge);
    expect(camera).toMatchObject({ vendor: 'Panasonic', kind: 'camera', model: 'WV-SC385' });
    // The model number alone names the maker; "Network Camera" adds to the kind, not to the maker.
    expect(camera.attributes.vendor).toBeLessThan(CONFIDENT_RULE);
    expect(identify(telnet('WJ-NV300 login:'), knowledge)).toMatchObject({ vendor: 'Panasonic', kind: 'camera' });
    // A dash and a bare number, or letters glued in front, are not the series.
    expect(identify(http({ title: 'WV-12 Setup' }), knowledge).vendor).not.toBe('Panasonic');
    expect(identify(http({ title: 'AWV-SC385 Setup' }), knowledge).vendor).not.toBe('Panasonic');
  });

  it('names Lencore\'s sound systems by the maker\'s name, with the media-player kind only as the weak guess', () => {
    const identity = identify(http({ title: 'Lencore Spectra i.Net' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Lencore', kind: 'media-player' });
    expect(identity.attributes.kind).toBeLessThan(CONFIDENT_RULE);
    expect(identify(http({ title: 'Lencorex Manager' }), knowledge).vendor).not.toBe('Lencore');
  });

  it('calls a device whose page says it is a bulb or a light strip a light, weakly, and not a word that holds "bulb"', () => {
    const bulb = identify(http({ title: 'Smart Bulb Setup' }), knowledge);
    expect(bulb.kind).toBe('light');
    expect(bulb.attributes.kind).toBeLessThan(CONFIDENT_RULE);
    expect(identify(http({ title: 'LED Strip Controller' }), knowledge).kind).toBe('light');
    expect(identify(http({ title: 'Bulbapedia mirror' }), knowledge).kind).not.toBe('light');
  });

  it('calls Phoenix Contact\'s FL WLAN modules access points and its FL MGUARD boxes routers, weakly, by their line\'s name', () => {
    const module = identify(telnet('(FL WLAN 1100)'), knowledge);
    expect(module).toMatchObject({ vendor: 'Phoenix Contact', kind: 'access-point' });
    expect(module.attributes.kind).toBeLessThan(CONFIDENT_RULE);
    expect(identify(http({ title: 'FL MGUARD RS4000 TX/TX' }), knowledge)).toMatchObject({ vendor: 'Phoenix Contact', kind: 'router' });
    expect(identify(telnet('(FL SWITCH 2008)'), knowledge).kind).toBe('unknown');
  });
});
