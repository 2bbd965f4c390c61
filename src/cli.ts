// The command line: parses flags, wires Ctrl-C/SIGTERM to one AbortController, maps outcomes to exit
// codes (see commands/exit-codes.ts: 0 clean, 1 findings, 2 error, 3 nothing answered, 130/143 stopped).

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LANGS, SEVERITIES, type Lang } from './model.js';
import { TOOL_VERSION } from './util/version.js';
import { UsageError } from './util/errors.js';
import { EXIT, StoppedBySignal } from './commands/exit-codes.js';
import { EXIT_HELP, describer, helpLanguage, translateHelp } from './commands/cli-help.js';
import type { DemoFlags, HistoryOptions, MockFlags, ScanFlags } from './commands/flags.js';

export { EXIT };

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
function addAuditOptions(command: Command, lang: Lang): Command {
  const d = describer(lang);
  return command
    .option('--json [file]', d('write the JSON report to FILE, or to stdout without FILE'))
    .option('--markdown <file>', d('write a Markdown report'))
    .option('--html <file>', d('write a self-contained HTML hand-out'))
    .addOption(new Option('--lang <lang>', d('language of advice and reports')).argParser(oneOf(LANGS)).default(defaultLang(), d('from the locale')))
    .option('--no-login', d('no login of any kind: no factory passwords (nor the firmware read after one), no anonymous MQTT/FTP, no SNMP write test'))
    .option('--max-attempts <n>', d('login attempts per service, at most'), positiveInt('--max-attempts'), 5)
    .option('-y, --yes', d('do not ask before the scan'), false)
    .addOption(new Option('--fail-on <severity>', d('exit 1 when a finding is at or above SEVERITY')).argParser(oneOf(SEVERITIES)))
    .option('--answers <file>', d('answers to what the network cannot show (e.g. MFA is on)'))
    .option('--no-save', d('do not keep this scan in the local history'))
    .option('--data-dir <dir>', d('where history is kept (default: XDG data directory)'))
    .option('--knowledge <dir>', d('knowledge overlay merged over the built-in knowledge (default: XDG config directory, homeaudit/knowledge)'))
    .addHelpText('after', EXIT_HELP[lang]);
}

export function buildProgram(run: {
  scan(flags: ScanFlags, signal: AbortSignal): Promise<number>;
  demo(flags: DemoFlags, signal: AbortSignal): Promise<number>;
  mock(flags: MockFlags, signal: AbortSignal): Promise<number>;
  history(action: string, args: string[], opts: HistoryOptions, signal: AbortSignal): Promise<number>;
  knowledge(action: string, args: string[], opts: Record<string, unknown>): Promise<number>;
}, signal: AbortSignal, setExit: (code: number) => void, lang: Lang = defaultLang()): Command {
  const d = describer(lang);
  const program = new Command('homeaudit')
    .description(d('Audit the smart devices in your home for privacy and security problems.'))
    .version(TOOL_VERSION, '-V, --version', d('output the version number'))
    .helpOption('-h, --help', d('display help for command'))
    .exitOverride()
    .showHelpAfterError(d('(run with --help for usage)'))
    .configureOutput({ writeOut: (text) => process.stdout.write(translateHelp(text, lang)), writeErr: (text) => process.stderr.write(translateHelp(text, lang)) });

  addAuditOptions(
    program
      .command('scan')
      .description(d('find and audit the devices on the network (default: the private subnets of this machine)'))
      .option('-t, --target <target...>', d('CIDR, address or range to scan (repeatable)'), [])
      .option('--interface <name>', d('scan the subnet of this interface only'))
      .option('--allow-large', d('allow a scope larger than /22'), false)
      .option('--record <file>', d('also write what every device said as a fleet file that homeaudit mock replays (secrets replaced)')),
    lang,
  ).action(async (flags: ScanFlags) => setExit(await run.scan(flags, signal)));

  addAuditOptions(
    program
      .command('demo')
      .description(d('start the built-in mock home fleet on loopback and audit it'))
      .option('--fleet <file>', d('audit this fleet file instead of the built-in home fleet'))
      .option('--range <cidr>', d('loopback range for the mock devices (default: the fleet file\'s)')),
    lang,
  ).action(async (flags: DemoFlags) => setExit(await run.demo(flags, signal)));

  program
    .command('mock')
    .description(d('run a fleet of fake devices on loopback until Ctrl-C'))
    .argument('[fleet-file]', d('fleet file (default: the built-in home fleet)'))
    .option('--generate <n>', d('generate a fleet of N devices instead'), positiveInt('--generate'))
    .option('--range <cidr>', d('loopback range for the devices'))
    .action(async (fleetFile: string | undefined, opts: Omit<MockFlags, 'fleetFile'>) =>
      setExit(await run.mock({ fleetFile, ...opts }, signal)),
    );

  const history = program.command('history').description(d('scans kept on this machine'));
  const historyAction = (action: string) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
    setExit(await run.history(action, positional, command.opts(), signal));
  };
  const dataDir = (c: Command) => c.option('--data-dir <dir>', d('where history is kept'));
  dataDir(history.command('list').description(d('list kept scans'))).option('--lang <lang>', d('language'), defaultLang()).action(historyAction('list'));
  dataDir(history.command('show').description(d('show one scan')).argument('<id>').option('--json', d('as JSON')))
    .option('--lang <lang>', d('language'), defaultLang())
    .action(historyAction('show'));
  dataDir(history.command('diff').description(d('what changed between two scans (default: the last two)')).argument('[a]').argument('[b]'))
    .option('--lang <lang>', d('language'), defaultLang())
    .option('--json', d('as JSON, every finding with its device'))
    .action(historyAction('diff'));
  dataDir(history.command('delete').description(d('delete one scan')).argument('<id>')).action(historyAction('delete'));
  dataDir(history.command('purge').description(d('delete every kept scan and every remembered answer (asks first)')))
    .option('-y, --yes', d('do not ask'))
    .option('--lang <lang>', d('language'), defaultLang())
    .action(historyAction('purge'));
  dataDir(
    history
      .command('export')
      .description(d('write a scan as JSON, optionally without identifiers'))
      .argument('<id>')
      .option('--anonymize', d('drop MAC/IP addresses, names and serials'))
      .option('-o, --output <file>', d('file to write (default: stdout)')),
  ).action(historyAction('export'));
  dataDir(history.command('prune').description(d('delete scans older than the retention period')).option('--days <n>', d('retention in days'), positiveInt('--days'))).action(historyAction('prune'));

  const knowledge = program.command('knowledge').description(d('the knowledge the checks rest on, and your own overlay of it (offline)'));
  knowledge.command('check').description(d('validate a knowledge overlay folder')).argument('<dir>')
    .action(async (dir: string) => setExit(await run.knowledge('check', [dir], {})));
  knowledge.command('import-kev').description(d("refresh KEV membership from CISA's catalogue JSON you downloaded")).argument('<file>')
    .option('--knowledge <dir>', d('overlay folder to write to (default: XDG config directory, homeaudit/knowledge)'))
    .action(async (file: string, opts: Record<string, unknown>) => setExit(await run.knowledge('import-kev', [file], opts)));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (name: 'SIGINT' | 'SIGTERM'): void => {
    interrupts += 1;
    // The first Ctrl-C stops cleanly and keeps what was found; a second one leaves at once.
    if (interrupts > 1) process.exit(name === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted);
    controller.abort(new StoppedBySignal(name));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let exitCode: number = EXIT.ok;
  const { commands } = await import('./commands/index.js');
  const program = buildProgram(commands, controller.signal, (code) => (exitCode = code), helpLanguage(argv, defaultLang()));
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
