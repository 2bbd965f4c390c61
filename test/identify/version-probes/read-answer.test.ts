// Reading the version out of what a device answers: JSON path, XML element (any namespace prefix),
// or a pattern. Bodies shaped as the devices serve them.

import { describe, expect, it } from 'vitest';
import { readVersion } from '../../../src/identify/version-probes/index.js';

describe('readVersion', () => {
  it('reads a JSON field, nested paths included', () => {
    expect(readVersion({ kind: 'json', path: ['swversion'] }, '{"name":"Hue","swversion":"1960149090","apiversion":"1.60.0"}')).toBe('1960149090');
    expect(readVersion({ kind: 'json', path: ['device', 'fw'] }, '{"device":{"fw":"2.1"}}')).toBe('2.1');
    expect(readVersion({ kind: 'json', path: ['version'] }, '{"version":12}')).toBe('12');
  });

  it('takes nothing from broken JSON, an object or a missing field', () => {
    expect(readVersion({ kind: 'json', path: ['swversion'] }, '<html>')).toBeNull();
    expect(readVersion({ kind: 'json', path: ['swversion'] }, '{"swversion":{"a":1}}')).toBeNull();
    expect(readVersion({ kind: 'json', path: ['swversion'] }, '{"other":"1"}')).toBeNull();
  });

  it('reads an XML element with a namespace prefix (FRITZ!Box jason_boxinfo.xml)', () => {
    const body = '<?xml version="1.0"?><j:BoxInfo xmlns:j="http://jason.avm.de/updatecheck/"><j:Name>FRITZ!Box 7590</j:Name><j:Version>154.07.29</j:Version></j:BoxInfo>';
    expect(readVersion({ kind: 'xml', elements: ['Version'] }, body)).toBe('154.07.29');
  });

  it('reads a plain XML element and ignores a longer name that starts the same', () => {
    const body = '<root><softwareVersionDate>x</softwareVersionDate><softwareVersion> 79.1-56030 </softwareVersion></root>';
    expect(readVersion({ kind: 'xml', elements: ['softwareVersion'] }, body)).toBe('79.1-56030');
  });

  it('reads a pattern group', () => {
    expect(readVersion({ kind: 'pattern', pattern: /"fw"\s*:\s*"(?<fw>[^"]+)"/i }, '{"type":"SHPLG-S","fw":"20230913-112003/v1.14.0-gcb84623"}')).toBe('20230913-112003/v1.14.0-gcb84623');
  });

  it('strips control characters and caps the length of what a device sends', () => {
    const read = readVersion({ kind: 'json', path: ['v'] }, JSON.stringify({ v: `1.2\u001b[31m${'9'.repeat(500)}` }));
    expect(read).not.toMatch(/\u001b/);
    expect(read!.length).toBeLessThanOrEqual(64);
  });
});
