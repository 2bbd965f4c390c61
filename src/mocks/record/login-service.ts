// A login service as a recording replays it: its protocol, with the banner, login prompt or ident the
// device sent, and no account, so every password is refused (a recording never holds one). An
// anonymous way in that the scan confirmed (FTP, MQTT, VNC without a password) stays open: the device
// lets anyone in there, which is no secret.

import type { Finding, PortInfo } from '../../model.js';
import type { TcpServiceSpec } from '../types.js';

/** The mock speaks SSH 2 only; an SSH-1 ident cannot be replayed and stays an open port. */
const SSH2_IDENT = /^SSH-2\.0-\S/;
const RFB_VERSION = /^RFB \d{3}\.\d{3}$/;
/** Only ever sent after a successful login, which a replay never grants. */
const UNSEEN_SHELL_PROMPT = '# ';

function confirmedOn(findings: readonly Finding[], check: Finding['check'], port: number, detail?: string): boolean {
  return findings.some((finding) => finding.check === check && finding.details.port === port && (detail === undefined || finding.details[detail] === true));
}

/** The last line the device sent is its login prompt ("eyecam-c2 login:"); what came before, its banner. */
function telnetOf(port: number, banner: string): TcpServiceSpec {
  const lines = banner.split(/\r?\n/);
  while (lines.length > 1 && lines.at(-1)!.trim() === '') lines.pop();
  const prompt = lines.pop()!.trimEnd();
  // The banner reader trims the space real prompts end with.
  const loginPrompt = /[:>]$/.test(prompt) ? `${prompt} ` : prompt;
  return { type: 'telnet', port, banner: lines.join('\r\n'), prompt: UNSEEN_SHELL_PROMPT, loginPrompt };
}

export function loginServiceOf(port: PortInfo, findings: readonly Finding[]): TcpServiceSpec | undefined {
  const banner = port.banner;
  if (port.tls) return undefined;
  switch (port.name) {
    case 'telnet':
      return banner === undefined ? undefined : telnetOf(port.port, banner);
    case 'ssh': {
      return banner === undefined || !SSH2_IDENT.test(banner) ? undefined : { type: 'ssh', port: port.port, ident: banner };
    }
    case 'ftp':
      return banner === undefined ? undefined : { type: 'ftp', port: port.port, banner, anonymous: confirmedOn(findings, 'anonymous-ftp', port.port) };
    case 'mqtt':
      return { type: 'mqtt', port: port.port, anonymous: confirmedOn(findings, 'mqtt-no-auth', port.port) };
    case 'vnc':
      return banner === undefined || !RFB_VERSION.test(banner)
        ? undefined
        : { type: 'vnc', port: port.port, version: banner, noAuth: confirmedOn(findings, 'remote-access', port.port, 'noAuthentication') };
    default:
      return undefined;
  }
}
