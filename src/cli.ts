// The command line: parses flags, wires Ctrl-C/SIGTERM to one AbortController, maps outcomes to exit
// codes (0 clean, 1 findings at or above --fail-on, 2 usage or runtime error).

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LANGS, SEVERITIES, type Lang, type Severity } from './model.js';
import { TOOL_VERSION } from './util/version.js';
import { UsageError } from './util/errors.js';
import type { DemoFlags, HistoryOptions, MockFlags, ScanFlags } from './commands/flags.js';

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0.`);
    return n;
  };
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}.`);
    }
    return value as T;
  };
}

export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Flags shared by `scan` and `demo`: what to audit and how to write it. */
function addAuditOptions(command: Command): Command {
  return command
    .option('--json [file]', 'write the JSON report to FILE, or to stdout without FILE')
    .option('--markdown <file>', 'write a Markdown report')
    .option('--html <file>', 'write a self-contained HTML hand-out')
    .addOption(new Option('--lang <lang>', 'language of advice and reports').argParser(oneOf(LANGS)).default(defaultLang(), 'from the locale'))
    .option('--no-login', 'no login of any kind: no factory passwords, no anonymous MQTT/FTP, no SNMP write test')
    .option('--max-attempts <n>', 'login attempts per service, at most', positiveInt('--max-attempts'), 5)
    .option('-y, --yes', 'do not ask before the scan', false)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above SEVERITY').argParser(oneOf(SEVERITIES)))
    .option('--answers <file>', 'answers to what the network cannot show (e.g. MFA is on)')
    .option('--no-save', 'do not keep this scan in the local history')
    .option('--data-dir <dir>', 'where history is kept (default: XDG data directory)')
    .option('--knowledge <dir>', 'knowledge overlay merged over the built-in knowledge (default: XDG config directory, homeaudit/knowledge)')
    .addHelpText('after', '\nExit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or runtime error.\nOnly scan networks you own or may test.');
}

export function buildProgram(run: {
  scan(flags: ScanFlags, signal: AbortSignal): Promise<number>;
  demo(flags: DemoFlags, signal: AbortSignal): Promise<number>;
  mock(flags: MockFlags, signal: AbortSignal): Promise<number>;
  history(action: string, args: string[], opts: HistoryOptions, signal: AbortSignal): Promise<number>;
  knowledge(action: string, args: string[], opts: Record<string, unknown>): Promise<number>;
}, signal: AbortSignal, setExit: (code: number) => void): Command {
  const program = new Command('homeaudit')
    .description('Audit the smart devices in your home for privacy and security problems.')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  addAuditOptions(
    program
      .command('scan')
      .description('find and audit the devices on the network (default: the private subnets of this machine)')
      .option('-t, --target <target...>', 'CIDR, address or range to scan (repeatable)', [])
      .option('--interface <name>', 'scan the subnet of this interface only')
      .option('--allow-large', 'allow a scope larger than /22', false),
  ).action(async (flags: ScanFlags) => setExit(await run.scan(flags, signal)));

  addAuditOptions(
    program
      .command('demo')
      .description('start the built-in mock home fleet on loopback and audit it')
      .option('--fleet <file>', 'audit this fleet file instead of the built-in home fleet')
      .option('--range <cidr>', 'loopback range for the mock devices (default: the fleet file\'s)'),
  ).action(async (flags: DemoFlags) => setExit(await run.demo(flags, signal)));

  program
    .command('mock')
    .description('run a fleet of fake devices on loopback until Ctrl-C')
    .argument('[fleet-file]', 'fleet file (default: the built-in home fleet)')
    .option('--generate <n>', 'generate a fleet of N devices instead', positiveInt('--generate'))
    .option('--range <cidr>', 'loopback range for the devices')
    .action(async (fleetFile: string | undefined, opts: Omit<MockFlags, 'fleetFile'>) =>
      setExit(await run.mock({ fleetFile, ...opts }, signal)),
    );

  const history = program.command('history').description('scans kept on this machine');
  const historyAction = (action: string) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    setExit(await run.history(action, positional, command.opts(), signal));
  };
  const dataDir = (c: Command) => c.option('--data-dir <dir>', 'where history is kept');
  dataDir(history.command('list').description('list kept scans')).action(historyAction('list'));
  dataDir(history.command('show').description('show one scan').argument('<id>').option('--json', 'as JSON'))
    .option('--lang <lang>', 'language', defaultLang())
    .action(historyAction('show'));
  dataDir(history.command('diff').description('what changed between two scans (default: the last two)').argument('[a]').argument('[b]'))
    .option('--lang <lang>', 'language', defaultLang())
    .action(historyAction('diff'));
  dataDir(history.command('delete').description('delete one scan').argument('<id>')).action(historyAction('delete'));
  dataDir(history.command('purge').description('delete every kept scan')).action(historyAction('purge'));
  dataDir(
    history
      .command('export')
      .description('write a scan as JSON, optionally without identifiers')
      .argument('<id>')
      .option('--anonymize', 'drop MAC/IP addresses, names and serials')
      .option('-o, --output <file>', 'file to write (default: stdout)'),
  ).action(historyAction('export'));
  dataDir(history.command('prune').description('delete scans older than the retention period').option('--days <n>', 'retention in days', positiveInt('--days'))).action(historyAction('prune'));

  const knowledge = program.command('knowledge').description('the knowledge the checks rest on, and your own overlay of it (offline)');
  knowledge.command('check').description('validate a knowledge overlay folder').argument('<dir>')
    .action(async (dir: string) => setExit(await run.knowledge('check', [dir], {})));
  knowledge.command('import-kev').description("refresh KEV membership from CISA's catalogue JSON you downloaded").argument('<file>')
    .option('--knowledge <dir>', 'overlay folder to write to (default: XDG config directory, homeaudit/knowledge)')
    .action(async (file: string, opts: Record<string, unknown>) => setExit(await run.knowledge('import-kev', [file], opts)));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts += 1;
    // The first Ctrl-C stops cleanly and keeps what was found; a second one leaves at once.
    if (interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let exitCode: number = EXIT.ok;
  const { commands } = await import('./commands/index.js');
  const program = buildProgram(commands, controller.signal, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return helpOrVersion ? EXIT.ok : EXIT.error;
    }
    process.stderr.write(`homeaudit: ${(error as Error).message}\n`);
    if (!(error instanceof UsageError) && process.env.HOMEAUDIT_DEBUG) console.error(error);
    return EXIT.error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCode;
}
