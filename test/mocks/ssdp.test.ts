import dgram from 'node:dgram';
import { Agent, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSsdpResponder } from '../../src/mocks/ssdp/responder.js';
import { startUpnpHttp } from '../../src/mocks/upnp/http-server.js';
import type { RunningPersona } from '../../src/mocks/types.js';
import { contextFor, fleetOf } from './helpers.js';

// Loopback sub-range of this file: 127.78.2.0/24.
const fleet = fleetOf(`
name: ssdp-test
range: 127.78.2.0/24
devices:
  - id: router
    kind: router
    vendor: AVM
    model: FRITZ!Box 7590
    firmware: "7.29"
    ssdp:
      port: 49000
      server: "FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.29"
      manufacturer: AVM
      modelName: FRITZ!Box 7590
      firmware: "7.29"
      serviceTypes: ["urn:schemas-upnp-org:service:Layer3Forwarding:1"]
      igd:
        externalIp: 203.0.113.7
        portMappings:
          - { externalPort: 8080, internalClient: camera, internalPort: 80, description: "Camera web" }
          - { externalPort: 2323, internalClient: 127.78.2.9, internalPort: 23, protocol: TCP, enabled: false }
  - id: camera
    kind: camera
    vendor: Hikvision
    model: DS-2CD2042WD-I
  - id: tv
    kind: tv
    vendor: Samsung
    model: QE55Q80T
    ssdp:
      port: 7676
      deviceType: "urn:schemas-upnp-org:device:MediaRenderer:1"
      friendlyName: "[TV] Woonkamer <&>"
      serviceTypes: ["urn:dial-multiscreen-org:service:dial:1"]
  - id: recorded
    kind: speaker
    vendor: Sonos
    model: Play:1
    ssdp:
      port: 1400
      server: "Linux UPnP/1.0 Sonos/70.3-35220 (ZPS12)"
      extraHeaders:
        - { name: X-RINCON-HOUSEHOLD, value: Sonos_hhXXXXXXXXXXXXXXXXXXX }
        - { name: X-RINCON-BOOTSEQ, value: "32" }
        - { name: OPT, value: "" }
      descriptionXml: '<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:ZonePlayer:1</deviceType><manufacturer>Sonos, Inc.</manufacturer><modelName>Sonos Play:1</modelName><modelNumber>S1</modelNumber></device></root>'
  - id: bare
    kind: plug
    vendor: Belkin
    model: Insight
    firmware: "2.00"
    ssdp: { port: 49153 }
  - id: replayed
    kind: router
    vendor: AVM
    model: FRITZ!Box 7590
    ssdp:
      port: 49000
      descriptionPath: /igddesc.xml
      descriptionXml: '<root><device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType></device></root>'
      documents: { /tr64desc.xml: '<root><device><deviceType>urn:dslforum-org:device:InternetGatewayDevice:1</deviceType></device></root>' }
      replies:
        - { st: "urn:schemas-upnp-org:device:InternetGatewayDevice:1", usn: "uuid:75802409-bccb-40e7-8e6c-fa095ecce13e::urn:schemas-upnp-org:device:InternetGatewayDevice:1", server: "FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.29" }
        - { path: /tr64desc.xml }
  - id: hub
    kind: hub
    vendor: Belkin
    model: WeMo Link
    ssdp:
      port: 49154
      deviceType: "urn:Belkin:device:bridge:1"
      udn: "uuid:Bridge-1_0-231442B0100C7C"
      devices:
        - deviceType: "urn:Belkin:device:light:1"
          modelName: OSRAM Lightify
          udn: "uuid:Light-1_0-94103EA2B2780CA5"
          serviceTypes: ["urn:Belkin:service:bridge:1"]
  - id: recorded-router
    kind: router
    vendor: Linksys
    model: WAG200G
    ssdp:
      port: 49152
      descriptionXml: '<root><URLBase>http://{{address}}:49152</URLBase><device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType><deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType><deviceList><device><deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType><serviceList><service><serviceType>urn:schemas-upnp-org:service:WANPPPConnection:1</serviceType><controlURL>/upnp/control/WANPPPConn1</controlURL></service></serviceList></device></deviceList></device></deviceList></device></root>'
      igd:
        controlPath: /upnp/control/WANPPPConn1
        portMappings:
          - { externalPort: 8554, internalClient: camera, internalPort: 554, description: "stream" }
  - id: verbatim
    kind: hub
    vendor: Philips
    model: Hue Bridge
    ssdp:
      port: 8080
      replies:
        - headers:
            - { name: HOST, value: "239.255.255.250:1900" }
            - { name: EXT, value: "" }
            - { name: CACHE-CONTROL, value: max-age=100 }
            - { name: LOCATION, value: "http://192.168.1.2:80/description.xml" }
            - { name: SERVER, value: Linux/3.14.0 UPnP/1.0 IpBridge/1.26.0 }
            - { name: hue-bridgeid, value: 001788FFFE29D301 }
            - { name: ST, value: "upnp:rootdevice" }
            - { name: USN, value: "uuid:2f402f80-da50-11e1-9b23-001788255acc::upnp:rootdevice" }
        - { st: "", usn: "uuid:2f402f80-da50-11e1-9b23-001788255acc", server: "" }
`);

// A fresh client per test: a kept-alive connection must not outlive the server it came from.
let dispatcher: Agent;
beforeEach(() => {
  dispatcher = new Agent({ connect: { timeout: 2000 }, headersTimeout: 3000, bodyTimeout: 3000 });
});
const running: RunningPersona[] = [];
afterEach(async () => {
  await dispatcher.close();
  await Promise.all(running.splice(0).map((p) => p.close()));
});

async function startDevice(id: string): Promise<void> {
  const ctx = contextFor(fleet, id);
  running.push(await startUpnpHttp(ctx), await startSsdpResponder(ctx, { random: () => 0 }));
}

/** Sends one unicast M-SEARCH and collects every reply for `waitMs`. */
async function mSearch(address: string, st: string, waitMs = 500): Promise<string[]> {
  const socket = dgram.createSocket('udp4');
  const replies: string[] = [];
  socket.on('message', (message) => replies.push(message.toString()));
  await new Promise<void>((resolve) => socket.bind(0, '127.78.2.250', () => resolve()));
  const text = `M-SEARCH * HTTP/1.1\r\nHOST: ${address}:1900\r\nMAN: "ssdp:discover"\r\nMX: 1\r\nST: ${st}\r\n\r\n`;
  socket.send(text, 1900, address);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  socket.close();
  return replies;
}

const header = (reply: string, name: string): string | undefined =>
  new RegExp(`^${name}:[ ]?(.*)$`, 'im').exec(reply)?.[1]?.trim();

async function soap(action: string, args: string, url = 'http://127.78.2.1:49000/ctl/IPConn'): Promise<{ status: number; body: string }> {
  const response = await request(url, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'text/xml; charset="utf-8"', soapaction: `"urn:schemas-upnp-org:service:WANIPConnection:1#${action}"` },
    body: `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><u:${action} xmlns:u="urn:schemas-upnp-org:service:WANIPConnection:1">${args}</u:${action}></s:Body></s:Envelope>`,
  });
  return { status: response.statusCode, body: await response.body.text() };
}

describe('SSDP responder', () => {
  it('answers ssdp:all with one reply per announced target, each pointing at the description', async () => {
    await startDevice('router');
    const replies = await mSearch('127.78.2.1', 'ssdp:all');
    const sts = replies.map((r) => header(r, 'ST'));
    expect(sts).toEqual(expect.arrayContaining([
      'upnp:rootdevice',
      'urn:schemas-upnp-org:device:InternetGatewayDevice:1',
      'urn:schemas-upnp-org:service:WANIPConnection:1',
      'urn:schemas-upnp-org:service:Layer3Forwarding:1',
    ]));
    expect(new Set(sts).size).toBe(replies.length);
    for (const reply of replies) {
      expect(reply.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
      expect(header(reply, 'LOCATION')).toBe('http://127.78.2.1:49000/description.xml');
      expect(header(reply, 'SERVER')).toBe('FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.29');
      expect(header(reply, 'USN')).toMatch(/^uuid:[0-9a-f-]+(::.+)?$/);
      expect(reply).toMatch(/^EXT:/m);
      expect(header(reply, 'CACHE-CONTROL')).toBe('max-age=1800');
    }
  });

  it('answers only the ST asked for: rootdevice, its UDN, a service type; nothing for others', async () => {
    await startDevice('router');
    const root = await mSearch('127.78.2.1', 'upnp:rootdevice');
    expect(root).toHaveLength(1);
    const udn = header(root[0]!, 'USN')!.replace('::upnp:rootdevice', '');
    const byUdn = await mSearch('127.78.2.1', udn);
    expect(byUdn.map((r) => header(r, 'USN'))).toEqual([udn]);
    expect(await mSearch('127.78.2.1', 'urn:schemas-upnp-org:service:WANIPConnection:1')).toHaveLength(1);
    expect(await mSearch('127.78.2.1', 'urn:schemas-upnp-org:device:Printer:1', 300)).toHaveLength(0);
  });

  it('adds a recorded device\'s extra headers verbatim, an empty one empty, after the standard ones', async () => {
    await startDevice('recorded');
    const [reply] = await mSearch('127.78.2.4', 'upnp:rootdevice');
    expect(reply).toContain('\r\nCONFIGID.UPNP.ORG: 1\r\nX-RINCON-HOUSEHOLD: Sonos_hhXXXXXXXXXXXXXXXXXXX\r\nX-RINCON-BOOTSEQ: 32\r\nOPT:\r\n\r\n');
  });

  it('serves a recorded description byte for byte', async () => {
    await startDevice('recorded');
    const response = await request('http://127.78.2.4:1400/description.xml', { dispatcher });
    expect(await response.body.text()).toBe(fleet.devices.find((d) => d.id === 'recorded')!.ssdp!.descriptionXml);
  });

  it('serves the description XML with the device fields and firmware', async () => {
    await startDevice('router');
    const response = await request('http://127.78.2.1:49000/description.xml', { dispatcher });
    const xml = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(response.headers['server']).toBe('FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.29');
    expect(xml).toContain('<deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>');
    expect(xml).toContain('<manufacturer>AVM</manufacturer>');
    expect(xml).toContain('<modelName>FRITZ!Box 7590</modelName>');
    expect(xml).toContain('<softwareVersion>7.29</softwareVersion>');
    expect(xml).toContain('<serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType>');
    expect(xml).toContain('<controlURL>/ctl/IPConn</controlURL>');
    expect(xml).toMatch(/<UDN>uuid:[0-9a-f-]+<\/UDN>/);
  });

  it('escapes names and sends the DIAL Application-URL for TVs', async () => {
    await startDevice('tv');
    const response = await request('http://127.78.2.3:7676/description.xml', { dispatcher });
    const xml = await response.body.text();
    expect(response.headers['application-url']).toBe('http://127.78.2.3:7676/apps/');
    expect(xml).toContain('<friendlyName>[TV] Woonkamer &lt;&amp;&gt;</friendlyName>');
    const unknown = await request('http://127.78.2.3:7676/nothing', { dispatcher });
    await unknown.body.text();
    expect(unknown.statusCode).toBe(404);
  });
});

describe('UPnP IGD control point', () => {
  it('gives the external address', async () => {
    await startDevice('router');
    const answer = await soap('GetExternalIPAddress', '');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<NewExternalIPAddress>203.0.113.7</NewExternalIPAddress>');
  });

  it('lists port mappings by index, resolving device ids, until fault 713', async () => {
    await startDevice('router');
    const entries: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      const answer = await soap('GetGenericPortMappingEntry', `<NewPortMappingIndex>${index}</NewPortMappingIndex>`);
      if (answer.status !== 200) {
        expect(answer.status).toBe(500);
        expect(answer.body).toContain('<errorCode>713</errorCode>');
        expect(answer.body).toContain('SpecifiedArrayIndexInvalid');
        break;
      }
      entries.push(answer.body);
    }
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('<NewExternalPort>8080</NewExternalPort>');
    expect(entries[0]).toContain('<NewInternalClient>127.78.2.2</NewInternalClient>');
    expect(entries[0]).toContain('<NewPortMappingDescription>Camera web</NewPortMappingDescription>');
    expect(entries[0]).toContain('<NewEnabled>1</NewEnabled>');
    expect(entries[1]).toContain('<NewInternalClient>127.78.2.9</NewInternalClient>');
    expect(entries[1]).toContain('<NewEnabled>0</NewEnabled>');
  });

  it('sends a recorded header block exactly: order, spelling, empty values, only LOCATION pointing at itself', async () => {
    await startDevice('verbatim');
    const [reply] = await mSearch('127.78.2.9', 'upnp:rootdevice');
    expect(reply).toBe(
      'HTTP/1.1 200 OK\r\nHOST: 239.255.255.250:1900\r\nEXT:\r\nCACHE-CONTROL: max-age=100\r\nLOCATION: http://127.78.2.9:8080/description.xml\r\n' +
        'SERVER: Linux/3.14.0 UPnP/1.0 IpBridge/1.26.0\r\nhue-bridgeid: 001788FFFE29D301\r\nST: upnp:rootdevice\r\n' +
        'USN: uuid:2f402f80-da50-11e1-9b23-001788255acc::upnp:rootdevice\r\n\r\n',
    );
  });

  it('sends an empty ST or SERVER empty, as a device that sent them so', async () => {
    await startDevice('verbatim');
    const replies = await mSearch('127.78.2.9', 'ssdp:all');
    const bare = replies.find((reply) => reply.includes('USN: uuid:2f402f80-da50-11e1-9b23-001788255acc\r\n'))!;
    expect(bare).toContain('\r\nSERVER:\r\nST:\r\nUSN:');
  });

  it('makes up nothing a fleet omits: no SERVER, no names, no device type, no firmware', async () => {
    await startDevice('bare');
    const [reply] = await mSearch('127.78.2.5', 'upnp:rootdevice');
    expect(header(reply!, 'SERVER')).toBeUndefined();
    const response = await request('http://127.78.2.5:49153/description.xml', { dispatcher });
    const xml = await response.body.text();
    expect(response.headers['server']).toBeUndefined();
    for (const element of ['deviceType', 'friendlyName', 'manufacturer', 'modelName', 'softwareVersion']) expect(xml).not.toContain(`<${element}>`);
    expect(xml).not.toMatch(/Belkin|Insight|2\.00/);
  });

  it('sends recorded replies as given: only their headers, each LOCATION on its own path', async () => {
    await startDevice('replayed');
    const replies = await mSearch('127.78.2.6', 'ssdp:all');
    expect(replies).toHaveLength(2);
    const [igd, tr64] = replies.sort((a, b) => (header(a, 'ST') ? -1 : 0) - (header(b, 'ST') ? -1 : 0));
    expect(header(igd!, 'ST')).toBe('urn:schemas-upnp-org:device:InternetGatewayDevice:1');
    expect(header(igd!, 'USN')).toBe('uuid:75802409-bccb-40e7-8e6c-fa095ecce13e::urn:schemas-upnp-org:device:InternetGatewayDevice:1');
    expect(header(igd!, 'SERVER')).toBe('FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.29');
    expect(header(igd!, 'LOCATION')).toBe('http://127.78.2.6:49000/igddesc.xml');
    expect(header(tr64!, 'ST')).toBeUndefined();
    expect(header(tr64!, 'USN')).toBeUndefined();
    expect(header(tr64!, 'LOCATION')).toBe('http://127.78.2.6:49000/tr64desc.xml');
    const second = await request('http://127.78.2.6:49000/tr64desc.xml', { dispatcher });
    expect(await second.body.text()).toContain('urn:dslforum-org:device:InternetGatewayDevice:1');
    const first = await request('http://127.78.2.6:49000/igddesc.xml', { dispatcher });
    expect(await first.body.text()).toContain('urn:schemas-upnp-org:device:InternetGatewayDevice:1');
  });

  it('describes and announces embedded devices with their own types, names and services', async () => {
    await startDevice('hub');
    const response = await request('http://127.78.2.7:49154/description.xml', { dispatcher });
    const xml = await response.body.text();
    expect(xml).toContain('<deviceList><device><deviceType>urn:Belkin:device:light:1</deviceType><modelName>OSRAM Lightify</modelName><UDN>uuid:Light-1_0-94103EA2B2780CA5</UDN>');
    expect(xml).toContain('<serviceType>urn:Belkin:service:bridge:1</serviceType>');
    const sts = (await mSearch('127.78.2.7', 'ssdp:all')).map((reply) => `${header(reply, 'ST')} ${header(reply, 'USN')}`);
    expect(sts).toEqual(expect.arrayContaining([
      'urn:Belkin:device:bridge:1 uuid:Bridge-1_0-231442B0100C7C::urn:Belkin:device:bridge:1',
      'urn:Belkin:device:light:1 uuid:Light-1_0-94103EA2B2780CA5::urn:Belkin:device:light:1',
      'urn:Belkin:service:bridge:1 uuid:Light-1_0-94103EA2B2780CA5::urn:Belkin:service:bridge:1',
    ]));
  });

  it('answers on the control path a recorded description names, and says no WAN address it was not given', async () => {
    await startDevice('recorded-router');
    const control = 'http://127.78.2.8:49152/upnp/control/WANPPPConn1';
    const entry = await soap('GetGenericPortMappingEntry', '<NewPortMappingIndex>0</NewPortMappingIndex>', control);
    expect(entry.status).toBe(200);
    expect(entry.body).toContain('<NewExternalPort>8554</NewExternalPort>');
    expect(entry.body).toContain('<NewInternalClient>127.78.2.2</NewInternalClient>');
    expect((await soap('GetGenericPortMappingEntry', '<NewPortMappingIndex>1</NewPortMappingIndex>', control)).body).toContain('<errorCode>713</errorCode>');
    const external = await soap('GetExternalIPAddress', '', control);
    expect(external.status).toBe(500);
    expect(external.body).toContain('<errorCode>501</errorCode>');
    expect((await soap('GetExternalIPAddress', '', 'http://127.78.2.8:49152/ctl/IPConn')).status).toBe(404);
  });

  it('puts its own address where a recorded description says {{address}}', async () => {
    await startDevice('recorded-router');
    const response = await request('http://127.78.2.8:49152/description.xml', { dispatcher });
    const xml = await response.body.text();
    expect(xml).toBe(fleet.devices.find((d) => d.id === 'recorded-router')!.ssdp!.descriptionXml!.replace('{{address}}', '127.78.2.8'));
  });

  it('answers an unknown action with fault 401', async () => {
    await startDevice('router');
    const answer = await soap('DeletePortMapping', '');
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('<errorCode>401</errorCode>');
  });
});
