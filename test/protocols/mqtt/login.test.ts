import { afterEach, describe, expect, it } from 'vitest';
import { probeMqttAnonymous, probeMqttLogin } from '../../../src/protocols/mqtt/login.js';
import { encodeConnect } from '../../../src/protocols/mqtt/packets.js';
import { probeOptions, startMockDevice, type MockDevice } from '../mock-device.js';

// Loopback sub-range for this file: 127.81.5.0/24.
let device: MockDevice | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
});

describe('encodeConnect', () => {
  it('sets the username and password flags only with credentials', () => {
    const anonymous = encodeConnect('c');
    const withLogin = encodeConnect('c', { username: 'u', password: 'p' });
    // Byte 9 of a short CONNECT is the connect-flags byte (after type, length, "MQTT", level).
    expect(anonymous[9]).toBe(0x02);
    expect(withLogin[9]).toBe(0xc2);
    expect(withLogin[1]).toBe(withLogin.length - 2);
  });
});

describe('MQTT probes against the mqtt persona', () => {
  it('a broker with accounts accepts the right pair and refuses anonymous', async () => {
    device = await startMockDevice('127.81.5.1', [{ type: 'mqtt', port: 1883, anonymous: false }]);
    const target = { ip: '127.81.5.1', port: 1883 };
    expect((await probeMqttLogin(target, 'admin', '12345', probeOptions())).outcome).toBe('success');
    const wrong = await probeMqttLogin(target, 'admin', 'x', probeOptions());
    expect(wrong.outcome).toBe('denied');
    expect(wrong.status).toBeGreaterThan(0);
    expect((await probeMqttAnonymous(target, probeOptions())).outcome).toBe('denied');
  });

  it('an open broker accepts an anonymous CONNECT with CONNACK 0', async () => {
    device = await startMockDevice('127.81.5.2', [{ type: 'mqtt', port: 1883, anonymous: true }]);
    const result = await probeMqttAnonymous({ ip: '127.81.5.2', port: 1883 }, probeOptions());
    expect(result.outcome).toBe('success');
    expect(result.status).toBe(0);
  });
});
