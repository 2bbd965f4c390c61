// The model-number series of big consumer brands (knowledge/fingerprints/self-reported/model-series.yaml):
// a bare model number in a realm, a title or a banner names the maker, the model and the kind; every
// series says where its numbers are published; and no model number belongs to two makers' series.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { identify, loadFingerprints, type FingerprintKnowledge } from '../../src/identify/index.js';
import type { DeviceKind, PortInfo } from '../../src/model.js';
import { emptyFacts } from './helpers.js';

const FILE = join(import.meta.dirname, '..', '..', 'knowledge', 'fingerprints', 'self-reported', 'model-series.yaml');

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

/** Model numbers the makers publish, one or more per series, with the maker and kind they are. */
const EXAMPLES: Array<[string, string, DeviceKind]> = [
  ['TL-WR841N', 'TP-Link', 'router'], ['TD-W8961N', 'TP-Link', 'router'], ['Archer-C7', 'TP-Link', 'router'],
  ['TL-WA901ND', 'TP-Link', 'access-point'], ['TL-WPA4220', 'TP-Link', 'access-point'], ['RE305', 'TP-Link', 'access-point'], ['RE505X', 'TP-Link', 'access-point'], ['NC200', 'TP-Link', 'camera'],
  ['HS110', 'TP-Link', 'plug'], ['KL130', 'TP-Link', 'light'],
  ['DSL-2750U', 'D-Link', 'router'], ['DWR-921', 'D-Link', 'router'], ['DWL-2100AP', 'D-Link', 'access-point'],
  ['DNR-322L', 'D-Link', 'camera'], ['DSP-W215', 'D-Link', 'plug'],
  ['DGND3700', 'Netgear', 'router'], ['RAX50', 'Netgear', 'router'], ['XR500', 'Netgear', 'router'], ['JWNR2010', 'Netgear', 'router'],
  ['EX6100', 'Netgear', 'access-point'], ['WN3000RP', 'Netgear', 'access-point'], ['RN104', 'Netgear', 'nas'],
  ['DSL-AC68U', 'ASUS', 'router'], ['4G-AC68U', 'ASUS', 'router'], ['WL-500gP', 'ASUS', 'router'], ['RP-AC55', 'ASUS', 'access-point'],
  ['VMG8825-T50', 'Zyxel', 'router'], ['NBG6617', 'Zyxel', 'router'], ['NBG-334W', 'Zyxel', 'router'], ['P-660HN-T1A', 'Zyxel', 'router'], ['EX5601-T0', 'Zyxel', 'router'],
  ['NWA1123-AC', 'Zyxel', 'access-point'], ['WRE6505', 'Zyxel', 'access-point'], ['NAS326', 'Zyxel', 'nas'],
  ['WAG200G', 'Linksys', 'router'], ['BEFSR41', 'Linksys', 'router'], ['E4200', 'Linksys', 'router'],
  ['WAP54G', 'Linksys', 'access-point'], ['WRE54G', 'Linksys', 'access-point'], ['RE6500', 'Linksys', 'access-point'], ['WVC54GC', 'Linksys', 'camera'],
  ['HG8245H', 'Huawei', 'router'], ['HG532e', 'Huawei', 'router'], ['B315s-22', 'Huawei', 'router'], ['E5577', 'Huawei', 'router'],
  ['ZXHN', 'ZTE', 'router'], ['ZXHN-H298A', 'ZTE', 'router'],
  ['TG789vac', 'Technicolor', 'router'], ['DGA4130', 'Technicolor', 'router'], ['TC7200', 'Technicolor', 'router'],
  ['DS218play', 'Synology', 'nas'], ['DS920+', 'Synology', 'nas'], ['RS819', 'Synology', 'nas'], ['NVR1218', 'Synology', 'camera'],
  ['AS5304T', 'Asustor', 'nas'], ['F4-423', 'TerraMaster', 'nas'],
  ['LBP6230dw', 'Canon', 'printer'], ['MG2550', 'Canon', 'printer'], ['MX922', 'Canon', 'printer'],
  ['ML-2165W', 'Samsung', 'printer'], ['SL-M2070', 'Samsung', 'printer'], ['UE55H6400', 'Samsung', 'tv'],
  ['FS-1020D', 'Kyocera', 'printer'], ['FI9821P', 'Foscam', 'camera'], ['RLC-410', 'Reolink', 'camera'], ['IP2M-841', 'Amcrest', 'camera'],
  ['CS-C6N-A0-1C2WFR', 'Ezviz', 'camera'], ['CS-DB1', 'Ezviz', 'doorbell'], ['IPC322LR3-VSPF28', 'Uniview', 'camera'],
  ['VMC4030', 'Arlo', 'camera'], ['VMB4000', 'Arlo', 'hub'], ['TV-IP310PI', 'TRENDnet', 'camera'], ['TEW-827DRU', 'TRENDnet', 'router'],
  ['TEW-638APB', 'TRENDnet', 'access-point'], ['IC-3116W', 'Edimax', 'camera'], ['BR-6428nS', 'Edimax', 'router'],
  ['RX-V481', 'Yamaha', 'speaker'], ['R-N602', 'Yamaha', 'speaker'], ['AVR-X1600H', 'Denon', 'speaker'], ['SR6015', 'Marantz', 'speaker'],
  ['TX-NR686', 'Onkyo', 'speaker'], ['VSX-LX305', 'Pioneer', 'speaker'], ['TX-55GZ950', 'Panasonic', 'tv'], ['55PUS7304', 'Philips', 'tv'],
  ['SHPLG-S', 'Shelly', 'plug'], ['SHDM-1', 'Shelly', 'light'], ['SHEM-3', 'Shelly', 'energy-meter'], ['SHHT-1', 'Shelly', 'sensor'],
  ['GXV3672_FHD', 'Grandstream', 'camera'], ['GSC3610', 'Grandstream', 'camera'],
];

/** Words that look like model numbers but belong to no series, or to a maker a neighbouring series must not take. */
const NOT_IN_SERIES = ['H264', 'WAC6103D-I', 'WAX650S', 'CM1000', 'MF445dw', 'TS8350', 'C7000', 'RV042', 'WAP371', 'X1600H', 'AC1000', 'RS232', 'RS485', 'NR1711', 'NR7101'];

const realm = (value: string): PortInfo => ({ transport: 'tcp', port: 80, name: 'http', http: { status: 401, headers: {}, realm: value } });

describe('model-number series of big consumer brands', () => {
  it('name maker, model and kind from a bare model number in a login realm', () => {
    const wrong = EXAMPLES.flatMap(([model, vendor, kind]) => {
      const identity = identify(emptyFacts({ ports: [realm(model)] }), knowledge);
      const got = `${identity.vendor} ${identity.model} ${identity.kind}`;
      return got === `${vendor} ${model} ${kind}` ? [] : [`${model}: ${got}, want ${vendor} ${model} ${kind}`];
    });
    expect(wrong).toEqual([]);
  });

  it('are the device\'s own word: self-reported, never confident', () => {
    const identity = identify(emptyFacts({ ports: [realm('TL-WR841N')] }), knowledge);
    expect(identity.selfReported).toEqual(expect.arrayContaining(['vendor', 'model', 'kind']));
    expect(identity.confidence).toBeLessThan(0.5);
  });

  it('give no model number to two makers, and take none of the look-alikes of other makers', () => {
    const series = knowledge.selfReported!.series;
    for (const [model] of EXAMPLES) {
      const makers = new Set(series.filter((entry) => entry.pattern.test(model)).map((entry) => entry.vendor));
      expect([...makers], model).toHaveLength(1);
    }
    for (const word of NOT_IN_SERIES) expect(series.filter((entry) => entry.pattern.test(word)).map((entry) => entry.vendor), word).toEqual([]);
  });

  it('each say where the model numbers are published', () => {
    const data = parse(readFileSync(FILE, 'utf8')) as { makers: Array<{ vendor: string; source: string; series: Array<{ pattern: string; source?: string }> }> };
    for (const maker of data.makers) {
      expect(maker.source, maker.vendor).toMatch(/\w{3}/);
      for (const entry of maker.series) expect(entry.source, `${maker.vendor} ${entry.pattern}`).toMatch(/\(.*\.(com|cn|cloud|eu)/);
    }
  });
});
