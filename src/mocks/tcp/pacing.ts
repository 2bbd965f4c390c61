// The knobs that shape timing: wait before an answer, dribble it out slowly, all abortable.

import type { Socket } from 'node:net';
import { wait } from '../../util/wait.js';
import type { Knobs } from '../types.js';

/** Bytes per write when a device is slow (slowMs between writes). */
export const SLOW_CHUNK_BYTES = 64;

export function splitForSlowDevice(data: Buffer, knobs: Knobs): Buffer[] {
  if (knobs.slowMs <= 0 || data.length <= SLOW_CHUNK_BYTES) return [data];
  const chunks: Buffer[] = [];
  for (let start = 0; start < data.length; start += SLOW_CHUNK_BYTES) {
    chunks.push(data.subarray(start, start + SLOW_CHUNK_BYTES));
  }
  return chunks;
}

/**
 * Writes one answer the way the device's knobs say: delayMs first, then slowMs between chunks.
 * Resolves false when the socket went away or the persona closed meanwhile.
 */
export async function sendAnswer(
  socket: Socket,
  data: string | Buffer,
  knobs: Knobs,
  signal: AbortSignal,
): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (!(await wait(knobs.delayMs, signal))) return false;
  const chunks = splitForSlowDevice(bytes, knobs);
  for (const [index, chunk] of chunks.entries()) {
    if (index > 0 && !(await wait(knobs.slowMs, signal))) return false;
    if (socket.destroyed || !socket.writable) return false;
    socket.write(chunk);
  }
  return true;
}

/** Sends answers one after another, in order, each paced by the knobs; `then` runs after its answer. */
export type OrderedSender = (data: string | Buffer, then?: () => unknown) => void;

export function orderedSender(socket: Socket, knobs: Knobs, signal: AbortSignal): OrderedSender {
  let queue: Promise<unknown> = Promise.resolve();
  return (data, then) => {
    queue = queue
      .then(async () => {
        if (data.length > 0 && !(await sendAnswer(socket, data, knobs, signal))) return;
        await then?.();
      })
      .catch(() => socket.destroy());
  };
}
