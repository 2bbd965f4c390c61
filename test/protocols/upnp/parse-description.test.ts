import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDescription } from '../../../src/protocols/upnp/parse-description.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'discovery');

describe('parseDescription', () => {
  it('reads the root device, flattens embedded devices and their services, and takes softwareVersion as firmware', () => {
    const description = parseDescription(readFileSync(join(FIXTURES, 'router-description.xml'), 'utf8'), 256 * 1024);
    expect(description).toMatchObject({ manufacturer: 'Example Networks', modelName: 'EX-7000', modelNumber: '7000', firmware: '1.2.3', udn: 'uuid:75802409-bccb-40e7-8e6c-001122334455' });
    expect(description.deviceTypes).toEqual([
      'urn:schemas-upnp-org:device:InternetGatewayDevice:1',
      'urn:schemas-upnp-org:device:WANDevice:1',
      'urn:schemas-upnp-org:device:WANConnectionDevice:1',
    ]);
    expect(description.services).toContainEqual({ serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:1', controlURL: '/upnp/control/WANIPConn1' });
  });

  it('refuses oversized input and input without a device', () => {
    expect(() => parseDescription(`<root><device><friendlyName>${'a'.repeat(2000)}</friendlyName></device></root>`, 1000)).toThrow(/larger/);
    expect(() => parseDescription('<html><body>hi</body></html>', 1000)).toThrow(/no <root><device>/);
  });
});
