// One run on the real-daemon network: build it, scan it with the CLI, read the lock-out state on the
// device, scan again with both cores kept busy, and tear it all down whatever happens. The test and the
// bench both run this; the bench adds nmap in the middle.

import os from 'node:os';
import { compareWithTruth, judge, type Expectation, type Verdict } from './compare.js';
import { lockoutLocks, unlockedAccounts } from './lockout.js';
import { buildRealNetwork, type RealNetwork } from './network.js';
import { inNamespace, runCommand } from './run-command.js';
import { exportAnonymized, scanRealNetwork, type ScanRun } from './scan.js';
import path from 'node:path';
import { loadTruth, type Truth } from './spec.js';

/** In the subnet, on no device: a real LAN leaves its connects unanswered (ARP gets no reply for ~3 s). */
const ABSENT_ADDRESS = '192.168.77.99';

async function connectOutcome(network: RealNetwork, ip: string, port: number): Promise<'timeout' | 'refused' | 'connected'> {
  const { code } = await runCommand(inNamespace(network.scannerNamespace, ['timeout', '2', 'bash', '-c', `exec 3<>/dev/tcp/${ip}/${port}`]), { allowFailure: true });
  return code === 0 ? 'connected' : code === 124 ? 'timeout' : 'refused';
}

/** The first must-stay-unlocked account that is not root, tried on its device (null: no such device). */
async function proveLockout(network: RealNetwork, truth: Truth): Promise<RealnetSession['lockout']> {
  for (const device of truth.devices) {
    const username = device.mustStayUnlocked?.find((name) => name !== 'root');
    const account = network.spec.devices.find((d) => d.id === device.id)?.accounts?.find((a) => a.username === username);
    if (account) return lockoutLocks(network, device.id, account);
  }
  return null;
}

/** How long the load generator may run: longer than the loaded pass can take, so it never ends first. */
const LOAD_SECONDS = 150;

export interface RealnetSession {
  truth: Truth;
  /** How a connect from the scanner ends: at an address nobody has, and at a closed port of a device. */
  lan: { absentAddress: 'timeout' | 'refused' | 'connected'; closedPort: 'timeout' | 'refused' | 'connected' };
  /** The lock-out device, tried by hand after the scans: its right password works, and no longer after 3 wrong ones. */
  lockout: { rightPasswordFirst: boolean; rightPasswordAfterLock: boolean } | null;
  first: ScanRun & { expectations: Expectation[]; verdict: Verdict };
  underLoad: ScanRun & { expectations: Expectation[]; verdict: Verdict };
  /** Pass 1 as `history export --anonymize` writes it, for sharing. */
  anonymizedExport: string;
  between?: unknown;
}

export async function runRealnetSession<T>(options: { log?: (line: string) => void; between?: (network: RealNetwork) => Promise<T> } = {}): Promise<RealnetSession & { between?: T }> {
  const log = options.log ?? (() => {});
  const truth = loadTruth();
  const network = await buildRealNetwork(log);
  const stopOnSignal = () => { void network.teardown().finally(() => process.exit(130)); };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  // A test runner that gives up on us may end the process without a signal: nothing may outlive it.
  const stopOnExit = () => network.teardownNow();
  process.once('exit', stopOnExit);
  let failed = false;
  try {
    const lan = { absentAddress: await connectOutcome(network, ABSENT_ADDRESS, 80), closedPort: await connectOutcome(network, network.spec.devices[0]!.ip, 81) };
    log('realnet: pass 1, scan with factory passwords');
    // Kept in a history of its own, as a user's scan is, so that its anonymised export is the real one.
    const historyDir = path.join(network.dir, 'history');
    const first = await scanRealNetwork(network, [], 'pass1', historyDir);
    const anonymizedExport = await exportAnonymized(historyDir);
    const unlocked = await unlockedAccounts(network, truth);
    const firstExpectations = compareWithTruth(truth, first.report, { unlocked });
    const between = options.between ? await options.between(network) : undefined;

    log(`realnet: pass 2, ${os.cpus().length} cores busy (stress-ng), ports only`);
    network.startInNamespace(network.deadEndNamespace, 'stress-ng', ['stress-ng', '--cpu', String(os.cpus().length), '--timeout', `${LOAD_SECONDS}s`, '--quiet']);
    const underLoad = await scanRealNetwork(network, ['--no-login'], 'pass2');
    const loadExpectations = compareWithTruth(truth, underLoad.report, { onlyPorts: true });
    const lockout = await proveLockout(network, truth);
    return {
      truth,
      lan,
      lockout,
      first: { ...first, expectations: firstExpectations, verdict: judge(firstExpectations, truth.knownGaps) },
      underLoad: { ...underLoad, expectations: loadExpectations, verdict: judge(loadExpectations, truth.knownGapsUnderLoad) },
      anonymizedExport,
      between,
    };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
    process.removeListener('exit', stopOnExit);
    await network.teardown(failed || undefined);
  }
}
