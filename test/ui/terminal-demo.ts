// Runs the dashboard on the real terminal against the fixture's fake audit, for trying it by hand or
// in tmux: `node <built>/test/ui/terminal-demo.js [--yes] [--nl] [--no-login]`.

import type { AuditResult, Finding } from '../../src/model.js';
import { runDashboard } from '../../src/ui/run-dashboard.js';
import { fakeAudit, makeResult, plan } from './fixture.js';

let current: AuditResult = makeResult();
const settle = (finding: Finding, deviceId: string, questionId: string, value: string | boolean | null): Finding => {
  if (finding.deviceId !== deviceId || finding.check !== 'missing-mfa') return finding;
  if (value === null) return { ...finding, settledBy: undefined };
  return { ...finding, settledBy: `answer: ${questionId} = yes` };
};

const outcome = await runDashboard({
  plan: { ...plan, login: !process.argv.includes('--no-login') },
  runAudit: fakeAudit({ stepMs: 120, result: current }),
  lang: process.argv.includes('--nl') ? 'nl' : 'en',
  yes: process.argv.includes('--yes'),
  writeReports: async (_result, request) => [request.html, request.markdown].filter((path): path is string => Boolean(path)),
  saveAnswer: async (deviceId, questionId, value) => {
    current = { ...current, findings: current.findings.map((finding) => settle(finding, deviceId, questionId, value)) };
    return current;
  },
});
process.stdout.write(`devices=${outcome.result?.devices.length ?? 0} aborted=${String(outcome.aborted)}\n`);
