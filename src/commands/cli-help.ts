// The command line's own words in Dutch ("u"): --help follows --lang nl, else the locale. Keyed by the
// English text, so a new flag without a Dutch entry still has help, in English (a test fails on the gap).

import type { Lang } from '../model.js';

export const DUTCH_HELP: Record<string, string> = {
  'Audit the smart devices in your home for privacy and security problems.': 'Controleer de slimme apparaten in uw huis op privacy- en beveiligingsproblemen.',
  '(run with --help for usage)': '(gebruik --help voor uitleg)',
  'find and audit the devices on the network (default: the private subnets of this machine)': 'zoek en controleer de apparaten op het netwerk (standaard: de privé-subnetten van deze computer)',
  'CIDR, address or range to scan (repeatable)': 'CIDR, adres of reeks om te scannen (mag vaker)',
  'scan the subnet of this interface only': 'scan alleen het subnet van deze netwerkkaart',
  'allow a scope larger than /22': 'sta een bereik groter dan /22 toe',
  'also write what every device said as a fleet file that homeaudit mock replays (secrets replaced)': 'schrijf ook op wat elk apparaat zei, als vlootbestand dat homeaudit mock afspeelt (geheimen vervangen)',
  'start the built-in mock home fleet on loopback and audit it': 'start het ingebouwde nep-huishouden op loopback en controleer het',
  'audit this fleet file instead of the built-in home fleet': 'controleer dit vlootbestand in plaats van het ingebouwde huishouden',
  "loopback range for the mock devices (default: the fleet file's)": 'loopback-reeks voor de nepapparaten (standaard: die van het vlootbestand)',
  'run a fleet of fake devices on loopback until Ctrl-C': 'draai een vloot nepapparaten op loopback tot Ctrl-C',
  'fleet file (default: the built-in home fleet)': 'vlootbestand (standaard: het ingebouwde huishouden)',
  'generate a fleet of N devices instead': 'maak in plaats daarvan een vloot van N apparaten',
  'loopback range for the devices': 'loopback-reeks voor de apparaten',
  'scans kept on this machine': 'scans die op deze computer bewaard zijn',
  'list kept scans': 'toon de bewaarde scans',
  'show one scan': 'toon één scan',
  'what changed between two scans (default: the last two)': 'wat er veranderde tussen twee scans (standaard: de laatste twee)',
  'delete one scan': 'verwijder één scan',
  'delete every kept scan and every remembered answer (asks first)': 'verwijder alle bewaarde scans en onthouden antwoorden (vraagt eerst)',
  'write a scan as JSON, optionally without identifiers': 'schrijf een scan als JSON, desgewenst zonder herkenbare gegevens',
  'drop MAC/IP addresses, names and serials': 'laat MAC- en IP-adressen, namen en serienummers weg',
  'file to write (default: stdout)': 'bestand om te schrijven (standaard: stdout)',
  'delete scans older than the retention period': 'verwijder scans die ouder zijn dan de bewaartermijn',
  'retention in days': 'bewaartermijn in dagen',
  'where history is kept': 'waar de geschiedenis bewaard wordt',
  'as JSON': 'als JSON',
  'as JSON, every finding with its device': 'als JSON, elk probleem met zijn apparaat',
  'do not ask': 'niet vragen',
  language: 'taal',
  'write the JSON report to FILE, or to stdout without FILE': 'schrijf het JSON-rapport naar FILE, of naar stdout zonder FILE',
  'write a Markdown report': 'schrijf een Markdown-rapport',
  'write a self-contained HTML hand-out': 'schrijf een HTML-overzicht om af te drukken en mee te geven',
  'language of advice and reports': 'taal van advies en rapporten',
  'from the locale': 'uit de taalinstelling',
  'no login of any kind: no factory passwords (nor the firmware read after one), no anonymous MQTT/FTP, no SNMP write test': 'nergens inloggen: geen fabriekswachtwoorden (en geen firmware lezen daarna), geen anonieme MQTT/FTP, geen SNMP-schrijftest',
  'login attempts per service, at most': 'hoogstens zoveel inlogpogingen per dienst',
  'do not ask before the scan': 'niet vragen voor de scan',
  'exit 1 when a finding is at or above SEVERITY': 'stop met code 1 bij een probleem van SEVERITY of erger',
  'answers to what the network cannot show (e.g. MFA is on)': 'antwoorden op wat het netwerk niet laat zien (bijv. tweestapsverificatie staat aan)',
  'do not keep this scan in the local history': 'bewaar deze scan niet in de geschiedenis',
  'where history is kept (default: XDG data directory)': 'waar de geschiedenis bewaard wordt (standaard: de XDG-datamap)',
  'display help for command': 'toon de hulp bij deze opdracht',
  'output the version number': 'toon het versienummer',
  'display help for command.': 'toon de hulp bij deze opdracht.',
  'knowledge overlay merged over the built-in knowledge (default: XDG config directory, homeaudit/knowledge)':
    'eigen kennismap die over de ingebouwde kennis gaat (standaard: de XDG-configuratiemap, homeaudit/knowledge)',
  'the knowledge the checks rest on, and your own overlay of it (offline)': 'de kennis waarop de controles rusten, en uw eigen aanvulling daarop (offline)',
  'validate a knowledge overlay folder': 'controleer een map met eigen kennis',
  "refresh KEV membership from CISA's catalogue JSON you downloaded": 'werk de KEV-gegevens bij uit de catalogus (JSON) van CISA die u hebt gedownload',
  'overlay folder to write to (default: XDG config directory, homeaudit/knowledge)': 'map met eigen kennis om in te schrijven (standaard: de XDG-configuratiemap, homeaudit/knowledge)',
};

const HEADINGS: Array<[RegExp, string]> = [
  [/^( {2})help \[command\]( +)display help for command$/gm, '$1help [opdracht]$2toon de hulp bij een opdracht'],
  [/^Usage:/gm, 'Gebruik:'],
  [/^Options:/gm, 'Opties:'],
  [/^Commands:/gm, 'Opdrachten:'],
  [/^Arguments:/gm, 'Argumenten:'],
  [/\(default:(\s)/g, '(standaard:$1'],
  [/\(choices:(\s)/g, '(keuze uit:$1'],
  // Same width as the English, so the columns stay aligned.
  [/\[options\]/g, '[opties] '],
  [/\[command\]/g, '[opdracht]'],
];

export const EXIT_HELP: Record<Lang, string> = {
  en: [
    '',
    'Exit codes:',
    '  0    every device that answered was checked; nothing at or above --fail-on',
    '  1    findings at or above --fail-on',
    '  2    usage or runtime error',
    '  3    nothing in scope answered (is this the right network?)',
    '  130  stopped with Ctrl-C or cancelled at the confirmation: the results are incomplete',
    '  143  stopped with SIGTERM: the results are incomplete',
    'Only scan networks you own or may test.',
  ].join('\n'),
  nl: [
    '',
    'Afsluitcodes:',
    '  0    elk apparaat dat antwoordde is gecontroleerd; niets van --fail-on of erger',
    '  1    problemen van --fail-on of erger',
    '  2    fout in het gebruik of tijdens het draaien',
    '  3    niets in het bereik antwoordde (is dit het goede netwerk?)',
    '  130  gestopt met Ctrl-C of afgebroken bij de bevestiging: de resultaten zijn onvolledig',
    '  143  gestopt met SIGTERM: de resultaten zijn onvolledig',
    'Scan alleen netwerken die van u zijn of die u mag testen.',
  ].join('\n'),
};

/** The language of --help: --lang on the command line, else the locale. */
export function helpLanguage(argv: string[], fallback: Lang): Lang {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at === -1) return fallback;
  const value = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value === 'nl' ? 'nl' : value === 'en' ? 'en' : fallback;
}

export function describer(lang: Lang): (english: string) => string {
  return (english) => (lang === 'nl' ? (DUTCH_HELP[english] ?? english) : english);
}

/** Commander's own headings in Dutch. */
export function translateHelp(text: string, lang: Lang): string {
  if (lang !== 'nl') return text;
  let out = text;
  for (const [pattern, dutch] of HEADINGS) out = out.replace(pattern, dutch);
  return out;
}
