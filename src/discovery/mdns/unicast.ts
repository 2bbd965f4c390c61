// Unicast DNS-SD browse of one host (RFC 6762 §5.5 legacy unicast): ask its port 5353 directly from an
// ephemeral port, which also finds devices where multicast is filtered.

import dgram from 'node:dgram';
import dnsPacket, { type Answer, type Question } from 'dns-packet';
import type { MdnsService } from '../../model.js';
import {
  MAX_INSTANCES_PER_HOST,
  MAX_MDNS_PACKET,
  MAX_RECORDS_PER_HOST,
  MAX_TYPES_PER_HOST,
  SERVICES_META,
  findRecord,
  ptrTargets,
  resolveServices,
} from './records.js';

export interface UnicastBrowseResult {
  services: MdnsService[];
  /** The host answered at all (even if with nothing usable). */
  answered: boolean;
}

/** One connected UDP socket to HOST:port; ask() waits for a reply that answers the question's name. */
class HostQuestioner {
  readonly records: Answer[] = [];
  answered = false;
  private socket = dgram.createSocket('udp4');
  private waiting: { name: string; done: () => void } | null = null;
  private closed = false;

  constructor(
    private readonly ip: string,
    private readonly port: number,
    private readonly signal: AbortSignal,
  ) {
    this.socket.on('error', () => this.wake());
    this.socket.on('message', (message) => this.receive(message));
    signal.addEventListener('abort', this.wake, { once: true });
  }

  connect(): Promise<boolean> {
    return new Promise((resolve) => {
      this.socket.once('error', () => resolve(false));
      this.socket.connect(this.port, this.ip, () => resolve(true));
    });
  }

  private wake = () => {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.done();
  };

  private receive(message: Buffer) {
    if (message.length > MAX_MDNS_PACKET) return;
    let packet;
    try {
      packet = dnsPacket.decode(message);
    } catch {
      return; // truncated or malformed: this packet says nothing
    }
    if (packet.type !== 'response') return;
    this.answered = true;
    const incoming = [...(packet.answers ?? []), ...(packet.additionals ?? [])];
    for (const record of incoming) {
      if (this.records.length >= MAX_RECORDS_PER_HOST) break;
      this.records.push(record);
    }
    const wanted = this.waiting?.name.toLowerCase();
    if (wanted && incoming.some((r) => r.name.toLowerCase() === wanted)) this.wake();
  }

  async ask(question: Question, timeoutMs: number): Promise<void> {
    if (this.closed || this.signal.aborted) return;
    const query = dnsPacket.encode({
      type: 'query',
      id: Math.floor(Math.random() * 0xfffe) + 1,
      flags: 0,
      questions: [{ ...question, class: 'IN' }],
    });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake(), timeoutMs);
      this.waiting = {
        name: question.name,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.socket.send(query, (error) => error && this.wake());
    });
  }

  close() {
    this.closed = true;
    this.signal.removeEventListener('abort', this.wake);
    this.wake();
    try {
      this.socket.close();
    } catch {
      // already closed
    }
  }
}

export async function browseHostUnicast(ip: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<UnicastBrowseResult> {
  const asker = new HostQuestioner(ip, port, signal);
  try {
    if (!(await asker.connect())) return { services: [], answered: false };
    await asker.ask({ type: 'PTR', name: SERVICES_META }, timeoutMs);
    if (!asker.answered) return { services: [], answered: false };

    const types = ptrTargets(asker.records, SERVICES_META).slice(0, MAX_TYPES_PER_HOST);
    const instances: Array<{ instance: string; type: string }> = [];
    for (const type of types) {
      if (ptrTargets(asker.records, type).length === 0) await asker.ask({ type: 'PTR', name: type }, timeoutMs);
      for (const instance of ptrTargets(asker.records, type)) {
        if (instances.length < MAX_INSTANCES_PER_HOST) instances.push({ instance, type });
      }
    }
    for (const { instance } of instances) {
      if (!findRecord(asker.records, 'SRV', instance)) await asker.ask({ type: 'SRV', name: instance }, timeoutMs);
      if (!findRecord(asker.records, 'TXT', instance)) await asker.ask({ type: 'TXT', name: instance }, timeoutMs);
      const target = findRecord(asker.records, 'SRV', instance)?.data.target;
      if (target && !findRecord(asker.records, 'A', target)) await asker.ask({ type: 'A', name: target }, timeoutMs);
    }
    return { services: resolveServices(asker.records, instances), answered: true };
  } finally {
    asker.close();
  }
}
