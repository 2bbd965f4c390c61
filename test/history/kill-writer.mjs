// Child process for the SIGKILL test: saves large scans in a loop until it is killed.
import { HistoryStore } from '../../dist/history/store.js';

const [dir] = process.argv.slice(2);
const store = HistoryStore.open(dir);
const devices = Array.from({ length: 400 }, (_, i) => ({ id: `ip-${i}`, ip: `127.0.${i >> 8}.${i & 255}`, names: ['x'.repeat(200)] }));
let n = 0;
for (;;) {
  const startedAt = new Date().toISOString();
  store.save({ startedAt, finishedAt: startedAt, scope: { targets: [`run-${n}`], hosts: [], multicastInterfaces: [] }, devices, findings: [], advice: [], stats: {}, knowledgeAsOf: '', aborted: false });
  n += 1;
  if (n % 5 === 0) process.stdout.write(`${n}\n`);
}
