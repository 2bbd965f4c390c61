// Unicast DNS-SD browse of one host (RFC 6762 §5.5 legacy unicast): ask its port 5353 directly from an
// ephemeral port, which also finds devices where multicast is filtered.

import dgram from 'node:dgram';
import type { Answer, Question } from 'dns-packet';
import type { MdnsService } from '../../model.js';
import { buildQuery } from '../../protocols/mdns/query.js';
import { SERVICES_META, findRecord, ptrTargets, resolveServices } from '../../protocols/mdns/records.js';
import { decodeResponse } from '../../protocols/mdns/tolerant-decode.js';
import { MAX_INSTANCES_PER_HOST, MAX_RECORDS_PER_HOST, MAX_TYPES_PER_HOST } from './caps.js';

export interface UnicastBrowseResult {
  services: MdnsService[];
  /** The host answered at all (even if with nothing usable). */
  answered: boolean;
}

const questionKey = (type: string, name: string) => `${type} ${name.toLowerCase().replace(/\.$/, '')}`;

/** One connected UDP socket to HOST:port; askAll() sends questions side by side and waits for their answers. */
class HostQuestioner {
  readonly records: Answer[] = [];
  answered = false;
  private socket = dgram.createSocket('udp4');
  private waiting: { names: Set<string>; done: () => void } | null = null;
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
    // A damaged or oversized packet still gives the records it carried whole; the rest is ignored.
    const incoming = decodeResponse(message, MAX_RECORDS_PER_HOST - this.records.length)?.records;
    if (!incoming) return;
    this.answered = true;
    this.records.push(...incoming);
    const waiting = this.waiting;
    if (!waiting) return;
    for (const record of incoming) waiting.names.delete(questionKey(record.type, String(record.name)));
    if (waiting.names.size === 0 || this.records.length >= MAX_RECORDS_PER_HOST) this.wake();
  }

  /** One round: every question goes out at once; ends when each name has an answer or timeoutMs passed. */
  async askAll(questions: Question[], timeoutMs: number): Promise<void> {
    if (this.closed || this.signal.aborted || questions.length === 0) return;
    await new Promise<void>((resolve) => {
      // After the time-out, answers already received but not yet read (a busy event loop) still count.
      const timer = setTimeout(() => setImmediate(() => this.waiting === round && this.wake()), timeoutMs);
      const round = {
        names: new Set(questions.map((q) => questionKey(q.type, q.name))),
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiting = round;
      for (const question of questions) {
        this.socket.send(buildQuery(question), (error) => error && this.wake());
      }
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

/**
 * At most four rounds (types, instances, SRV+TXT, addresses), each bounded by timeoutMs, so one host
 * costs at most 4 × timeoutMs however many types it claims or however silent it turns.
 */
export async function browseHostUnicast(ip: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<UnicastBrowseResult> {
  const asker = new HostQuestioner(ip, port, signal);
  try {
    if (!(await asker.connect())) return { services: [], answered: false };
    await asker.askAll([{ type: 'PTR', name: SERVICES_META }], timeoutMs);
    if (!asker.answered) return { services: [], answered: false };

    const types = ptrTargets(asker.records, SERVICES_META).slice(0, MAX_TYPES_PER_HOST);
    const unanswered = types.filter((type) => ptrTargets(asker.records, type).length === 0);
    await asker.askAll(unanswered.map((name) => ({ type: 'PTR', name })), timeoutMs);
    const instances: Array<{ instance: string; type: string }> = [];
    for (const type of types) {
      for (const instance of ptrTargets(asker.records, type)) {
        if (instances.length < MAX_INSTANCES_PER_HOST) instances.push({ instance, type });
      }
    }
    const details: Question[] = [];
    for (const { instance } of instances) {
      if (!findRecord(asker.records, 'SRV', instance)) details.push({ type: 'SRV', name: instance });
      if (!findRecord(asker.records, 'TXT', instance)) details.push({ type: 'TXT', name: instance });
    }
    await asker.askAll(details, timeoutMs);
    const targets = new Set<string>();
    for (const { instance } of instances) {
      const target = findRecord(asker.records, 'SRV', instance)?.data.target;
      if (target && !findRecord(asker.records, 'A', target)) targets.add(target);
    }
    await asker.askAll([...targets].map((name) => ({ type: 'A', name })), timeoutMs);
    return { services: resolveServices(asker.records, instances, types), answered: true };
  } finally {
    asker.close();
  }
}
