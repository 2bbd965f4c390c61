// Every word the dashboard itself says, in the two languages the product speaks. Texts that come from
// the audit (finding titles, advice) carry their own translations; these are the labels around them.

import { kindText, phaseWord, shortKindText, shortRiskWord } from '../advice/label-words.js';
import { kindIsGuess, type KindAndConfidence } from '../model/device-name.js';
import type { Lang, Phase, Risk, Stage } from '../model.js';

const ui = {
  appName: { nl: 'homeaudit', en: 'homeaudit' },
  confirmTitle: { nl: 'Klaar om te scannen', en: 'Ready to scan' },
  confirmTargets: { nl: 'Doelen', en: 'Targets' },
  confirmHosts: { nl: 'Adressen in bereik', en: 'Addresses in scope' },
  confirmLoginOn: {
    nl: 'Fabriekswachtwoorden worden geprobeerd: hoogstens {n} pogingen per dienst, stop bij de eerste die werkt. Opent er een de webbeheerpagina, dan wordt alleen de firmwareversie gelezen (niets veranderd).',
    en: 'Factory passwords will be tried: at most {n} attempts per service, stopping at the first that works. Where one opens the web admin, only the firmware version is read (nothing changed).',
  },
  confirmLoginOff: {
    nl: 'Er worden geen wachtwoorden geprobeerd (--no-login).',
    en: 'No passwords will be tried (--no-login).',
  },
  confirmOnlyScope: {
    nl: 'Alleen deze adressen worden benaderd. Er gaat niets het huis uit.',
    en: 'Only these addresses are contacted. Nothing leaves the house.',
  },
  confirmPrompt: { nl: 'Enter of y: starten   n of q: stoppen', en: 'Enter or y: start   n or q: cancel' },
  scanning: { nl: 'Bezig met scannen', en: 'Scanning' },
  stopping: { nl: 'Scan wordt gestopt…', en: 'Stopping the scan…' },
  elapsed: { nl: 'tijd', en: 'elapsed' },
  hostsSeen: { nl: 'adressen gezien', en: 'addresses seen' },
  loginAttempts: { nl: 'inlogpogingen', en: 'login attempts' },
  devicesFound: { nl: 'Gevonden apparaten', en: 'Devices found' },
  identifying: { nl: 'wordt herkend…', en: 'identifying…' },
  problems: { nl: 'Problemen bij het zoeken', en: 'Discovery problems' },
  scanProblems: { nl: 'Niet alles lukte tijdens de scan', en: 'Not everything worked during the scan' },
  scanKeys: {
    nl: 'Ctrl-C: stoppen (wat gevonden is blijft bewaard)',
    en: 'Ctrl-C: stop (keeps what was found)',
  },
  scanFailed: { nl: 'De scan is mislukt', en: 'The scan failed' },
  scanStopped: {
    nl: 'Scan gestopt: niet alles is gecontroleerd; "niet bekeken" is geen goedkeuring.',
    en: 'Scan stopped: not everything was checked; "not checked" is no all-clear.',
  },
  viewDevices: { nl: 'Apparaten', en: 'Devices' },
  viewAdvice: { nl: 'Advies', en: 'Advice' },
  viewFindings: { nl: 'Problemen', en: 'Findings' },
  viewHelp: { nl: 'Hulp', en: 'Help' },
  viewDetail: { nl: 'Apparaat', en: 'Device' },
  colRisk: { nl: 'risico', en: 'risk' },
  colKind: { nl: 'soort', en: 'kind' },
  colName: { nl: 'naam', en: 'name' },
  colDevice: { nl: 'apparaat', en: 'device' },
  colVendorModel: { nl: 'merk/model', en: 'vendor/model' },
  colAddress: { nl: 'adres', en: 'address' },
  colWorst: { nl: 'ergste probleem', en: 'worst finding' },
  noDevices: { nl: 'Geen apparaten gevonden.', en: 'No devices found.' },
  notChecked: { nl: 'niet bekeken', en: 'not checked' },
  partlyChecked: { nl: 'deels bekeken', en: 'part-checked' },
  notCheckedNote: {
    nl: 'De scan is gestopt voordat alle controles op dit apparaat klaar waren: dat hier niets staat, betekent niet dat het in orde is.',
    en: 'The scan was stopped before all checks on this device were done: nothing listed here does not mean nothing is wrong.',
  },
  nothingAnswered: {
    nl: 'Niets antwoordde in {targets} ({hosts} adressen). Dat is geen goedkeuring: meestal is het verkeerde netwerk gescand.',
    en: 'Nothing answered in {targets} ({hosts} addresses). That is not an all-clear: most often the wrong network was scanned.',
  },
  nothingAnsweredTry: {
    nl: 'Probeer: zit deze computer op het thuisnetwerk (niet op gast-wifi of VPN)? Geef het thuisnetwerk op met --target (bijv. 192.168.1.0/24) of --interface.',
    en: 'Try: is this computer on the home network (not guest Wi-Fi or a VPN)? Name the home network with --target (e.g. 192.168.1.0/24) or --interface.',
  },
  summary: {
    nl: '{devices} apparaten, {findings} problemen, {secs} s',
    en: '{devices} devices, {findings} findings, {secs} s',
  },
  noEvidence: { nl: 'geen aanwijzingen vastgelegd', en: 'no evidence recorded' },
  whatItIs: { nl: 'Wat het is', en: 'What it is' },
  whyWeThink: { nl: 'Waarom we dat denken (zekerheid {pct}%)', en: 'Why we think so (confidence {pct}%)' },
  attributeConfidence: { nl: 'merk {vendor}%, model {model}%, soort {kind}%', en: 'maker {vendor}%, model {model}%, kind {kind}%' },
  vendor: { nl: 'Merk', en: 'Vendor' },
  model: { nl: 'Model', en: 'Model' },
  firmware: { nl: 'Firmware', en: 'Firmware' },
  mac: { nl: 'MAC', en: 'MAC' },
  names: { nl: 'Namen', en: 'Names' },
  unknown: { nl: 'onbekend', en: 'unknown' },
  services: { nl: 'Open diensten', en: 'Open services' },
  noServices: { nl: 'Geen open diensten gezien.', en: 'No open services seen.' },
  findings: { nl: 'Problemen', en: 'Findings' },
  noFindings: { nl: 'Geen problemen gevonden.', en: 'No findings.' },
  evidence: { nl: 'gezien', en: 'seen' },
  standards: { nl: 'normen', en: 'norms' },
  settled: { nl: 'afgehandeld', en: 'settled' },
  answerHint: { nl: 'druk a als {prompt}', en: 'press a if {prompt}' },
  adviceFor: { nl: 'Advies voor dit apparaat', en: 'Advice for this device' },
  whatIsWrong: { nl: 'Wat er mis is', en: 'What is wrong' },
  whatToDo: { nl: 'Wat u kunt doen', en: 'What to do' },
  howWeKnow: { nl: 'Hoe we dat weten', en: 'How we know' },
  answeredOn: { nl: 'beantwoord op {date}', en: 'answered on {date}' },
  undoHint: { nl: 'druk u om dit antwoord in te trekken', en: 'press u to take this answer back' },
  noAdvice: { nl: 'Geen advies.', en: 'No advice.' },
  topThree: { nl: 'Doe dit eerst', en: 'Do these first' },
  household: { nl: 'hele huishouden', en: 'whole household' },
  source: { nl: 'bron', en: 'source' },
  filterAll: { nl: 'alle', en: 'all' },
  filterLabel: { nl: 'filter', en: 'filter' },
  keysResults: {
    nl: 'Tab weergave  ↑↓ kiezen  Enter open  Esc terug  1-5/f filter  l taal  e rapport  ? hulp  q stop',
    en: 'Tab view  ↑↓ move  Enter open  Esc back  1-5/f filter  l language  e report  ? help  q quit',
  },
  keysShort: {
    nl: 'Tab ↑↓ Enter Esc  l taal  e rapport  ? hulp  q stop',
    en: 'Tab ↑↓ Enter Esc  l lang  e report  ? help  q quit',
  },
  keysQuit: { nl: 'q: stoppen', en: 'q: quit' },
  exporting: { nl: 'Rapport wordt geschreven…', en: 'Writing the report…' },
  exported: { nl: 'Rapport geschreven: {paths}', en: 'Report written: {paths}' },
  exportFailed: { nl: 'Rapport schrijven mislukt: {error}', en: 'Could not write the report: {error}' },
  exportUnavailable: { nl: 'Rapporten schrijven is hier niet mogelijk.', en: 'Writing reports is not available here.' },
  saving: { nl: 'Antwoord wordt bewaard…', en: 'Saving the answer…' },
  confirmAnswer: { nl: 'Klopt het dat {prompt}? y: ja, bewaren   een andere toets: nee', en: 'Is it true that {prompt}? y: yes, save   any other key: no' },
  answerNotSaved: { nl: 'Niets bewaard.', en: 'Nothing saved.' },
  saved: { nl: 'Antwoord bewaard; het probleem is bijgewerkt. u: ongedaan maken', en: 'Answer saved; the finding is updated. u: undo' },
  undone: { nl: 'Antwoord ingetrokken; het probleem staat weer open.', en: 'Answer taken back; the finding is open again.' },
  nothingToUndo: { nl: 'Hier is geen antwoord om in te trekken.', en: 'No answer to take back here.' },
  saveFailed: { nl: 'Antwoord bewaren mislukt: {error}', en: 'Could not save the answer: {error}' },
  nothingToAnswer: { nl: 'Hier valt niets te beantwoorden.', en: 'Nothing to answer here.' },
  notDuringScan: { nl: 'Wacht tot de scan klaar is.', en: 'Wait until the scan is finished.' },
  helpTitle: { nl: 'Toetsen', en: 'Keys' },
  helpTab: { nl: 'Tab / Shift-Tab   volgende / vorige weergave', en: 'Tab / Shift-Tab   next / previous view' },
  helpMove: { nl: '↑ ↓ of j k       kiezen of scrollen (PgUp/PgDn per pagina)', en: '↑ ↓ or j k       move or scroll (PgUp/PgDn by page)' },
  helpEnter: { nl: 'Enter            apparaat openen', en: 'Enter            open the device' },
  helpEsc: { nl: 'Esc              terug', en: 'Esc              back' },
  helpFilter: { nl: '1-5 of f         problemen filteren op ernst (0: alle)', en: '1-5 or f         filter findings by severity (0: all)' },
  helpAnswer: { nl: 'a / u            in apparaat: beantwoorden wat het netwerk niet laat zien / intrekken', en: 'a / u            in a device: answer what the network cannot show / take back' },
  helpLang: { nl: 'l                Nederlands / English', en: 'l                Nederlands / English' },
  helpExport: { nl: 'e                HTML- en Markdown-rapport schrijven', en: 'e                write the HTML and Markdown report' },
  helpQuit: { nl: 'q                stoppen (Ctrl-C stopt ook een lopende scan)', en: 'q                quit (Ctrl-C also stops a running scan)' },
  helpSeverity: { nl: 'Ernst: !!! kritiek  !! hoog  ! middel  - laag  i info  ✓ niets', en: 'Severity: !!! critical  !! high  ! medium  - low  i info  ✓ none' },
  helpClose: { nl: 'Esc of ?: sluiten', en: 'Esc or ?: close' },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof ui;

/** The label in the language, with {name} placeholders filled in. */
export function t(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return ui[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const stageLabels: Record<Stage, Record<Lang, string>> = {
  scope: { nl: 'bereik', en: 'scope' },
  discovery: { nl: 'zoeken', en: 'discovery' },
  identification: { nl: 'herkennen', en: 'identification' },
  checks: { nl: 'controles', en: 'checks' },
  advice: { nl: 'advies', en: 'advice' },
};

export const stageLabel = (lang: Lang, stage: Stage): string => stageLabels[stage][lang];
// Kinds, risks and phases are worded once, in knowledge/advice/labels.yaml, for every output.
export const riskLabel = (lang: Lang, risk: Risk): string => shortRiskWord(lang, risk);
export const phaseLabel = (lang: Lang, phase: Phase): string => phaseWord(lang, phase);
/** The kind in the dashboard's narrow places: "router?" where it is only a guess. */
export const kindLabel = (lang: Lang, device: KindAndConfidence): string => shortKindText(lang, device);
/** The kind where there is room: the same word, or "possibly a router" where it is only a guess. */
export const kindPhrase = (lang: Lang, device: KindAndConfidence): string => (kindIsGuess(device) ? kindText(lang, device) : shortKindText(lang, device));
