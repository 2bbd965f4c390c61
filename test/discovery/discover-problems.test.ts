import { describe, expect, it } from 'vitest';
import { discover } from '../../src/discovery/index.js';
import { resolveScope } from '../../src/scope/index.js';

describe('discover when a source cannot run', () => {
  it('reports an unreadable neighbour table as a problem and goes on', async () => {
    const events: string[] = [];
    const result = await discover(
      resolveScope({ targets: ['127.80.5.1-3'] }),
      {
        sources: { mdns: false, ssdp: false, snmp: false, tcp: false, atag: false, neighbours: true },
        readNeighbourTable: async () => {
          throw Object.assign(new Error('no such file /proc/net/arp'), { code: 'ENOENT' });
        },
      },
      { onEvent: (event) => events.push(event.type) },
    );
    expect(result.hosts).toEqual([]);
    expect(result.problems).toEqual([{ source: 'neighbours', message: expect.stringMatching(/not readable.*ENOENT.*MAC/) }]);
    expect(events).toContain('source-problem');
  });

  it('stops early and returns what it has when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await discover(resolveScope({ targets: ['127.80.5.0/24'] }), {}, { signal: controller.signal });
    expect(result).toEqual({ hosts: [], problems: [] });
  });
});
