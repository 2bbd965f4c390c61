// The values a template's placeholders are filled with, taken from the device and the finding, in one
// language. Everything that came from a device is cleaned first.

import type { Device, Finding, Lang } from '../model.js';
import { fillTemplate, type Values } from './render.js';
import { maskSecret } from '../util/mask-secret.js';
import { sanitizeText } from '../util/sanitize.js';
import type { AdviceKnowledge, StepEntry } from './types.js';
import { kindIsGuess, ownName } from '../model/device-name.js';
import { possibleKindPhrase } from './label-words.js';

// Details under these names would be secrets: only their masked form (…Masked) may reach a sentence.
const SECRET_KEY = /(pass(word)?|secret|token|community|psk)$/i;

const WEB_SERVICES = new Set(['http', 'https', 'http-alt', 'https-alt']);

/** How a device is named in a sentence: kind, maker, its name and address; a kind that is only a guess is not stated as one ("the Zyxel device at 10.0.0.1 (possibly a router)"). */
export function describeDevice(device: Device, lang: Lang, knowledge: AdviceKnowledge): string {
  const guess = kindIsGuess(device) ? possibleKindPhrase(lang, device.kind, knowledge.labels) : undefined;
  const kindLabel = guess ? undefined : (knowledge.labels.kinds[device.kind] ?? knowledge.labels.kinds.unknown);
  const name = ownName(device);
  const vendor = device.vendor ? sanitizeText(device.vendor, 40) : undefined;
  const ip = sanitizeText(device.ip, 45);
  const where = (at: string) => (guess ? (name ? ` (${ip}, ${guess})` : ` ${at} ${ip} (${guess})`) : name ? ` (${ip})` : ` ${at} ${ip}`);
  const deviceWord = knowledge.labels.words.device;
  if (lang === 'en') {
    const head = `the ${vendor ? `${vendor} ` : ''}${kindLabel?.en ?? deviceWord?.en ?? 'device'}`;
    return `${head}${name ? ` “${name}”` : ''}${where('at')}`;
  }
  // "apparaat" is a het-word.
  const head = kindLabel ? `${kindLabel.nlArticle} ${kindLabel.nl}` : `het ${deviceWord?.nl ?? 'apparaat'}`;
  const from = vendor ? ` van ${vendor}` : '';
  return `${head}${name ? ` “${name}”` : ''}${from}${where('op')}`;
}

/** The device's admin page on its own address: the finding's web port, else its first web service. */
export function adminUrl(device: Device, finding?: Finding): string | undefined {
  const findingPort = finding?.details.port;
  const web = device.services.filter((s) => WEB_SERVICES.has(s.name));
  const service = web.find((s) => s.port === findingPort) ?? web[0];
  if (!service) return undefined;
  const scheme = service.name.startsWith('https') ? 'https' : 'http';
  const defaultPort = scheme === 'https' ? 443 : 80;
  const port = service.port === defaultPort ? '' : `:${service.port}`;
  return `${scheme}://${sanitizeText(device.ip, 45)}${port}/`;
}

/** Whether the maker's support has ended, per the finding; undefined when the finding cannot say. */
export function supportEnded(finding: Finding, now: Date): boolean | undefined {
  const end = finding.details.endOfSupport;
  if (typeof end === 'string' && /^\d{4}-\d{2}-\d{2}/.test(end)) return new Date(end).getTime() < now.getTime();
  if (finding.details.supportEnded === true || finding.details.advice === 'replace') return true;
  if (finding.details.latest !== undefined || finding.details.fixedIn !== undefined) return false;
  return undefined;
}

/** Details plus derived values, as template `match` sees them. */
export function matchableValues(finding: Finding, now: Date): Record<string, string | number | boolean> {
  const derived: Record<string, boolean> = {
    hasCves: typeof finding.details.cves === 'string' && finding.details.cves !== '',
    // A software component inside the device (a web server, an SSH server) rather than its own firmware.
    aboutComponent: typeof finding.details.component === 'string' && finding.details.component !== '',
  };
  const ended = supportEnded(finding, now);
  if (ended !== undefined) derived.supportEnded = ended;
  // An internet provider's box: the provider updates and replaces it, so its advice sends the household there.
  derived.updatedByProvider = finding.details.updatedBy === 'provider';
  const values: Record<string, string | number | boolean> = { ...finding.details, ...derived };
  if (derived.updatedByProvider) values.providerAdvice = ended === true ? 'replace' : ended === false ? 'update' : 'check';
  return values;
}

export interface ValueContext {
  lang: Lang;
  knowledge: AdviceKnowledge;
  device?: Device;
  /** The finding that drives the item (the first one when several are folded together). */
  finding?: Finding;
  /** All findings folded into the item, for {findings}. */
  findings?: Finding[];
}

export function placeholderValues(ctx: ValueContext): Values {
  const { lang, knowledge, device, finding } = ctx;
  const values: Values = {};
  for (const [key, value] of Object.entries(finding?.details ?? {})) {
    if (SECRET_KEY.test(key)) continue;
    const text = sanitizeText(String(value), 200);
    // Unknown is not a value: the sentence leaves that part out instead of saying "from unknown".
    if (text !== '' && text.toLowerCase() !== 'unknown') values[key] = text;
  }
  const details = finding?.details ?? {};
  if (typeof details.community === 'string') values.communityMasked ??= maskSecret(details.community);
  values.passwordMasked ??= values.communityMasked;
  // The checks write an empty password as "(empty)": the report says it in its own language.
  if (values.passwordMasked === '(empty)') values.passwordMasked = knowledge.labels.words.empty?.[lang] ?? values.passwordMasked;
  values.latest ??= values.fixedIn;
  if (values.cves) values.cves = values.cves.split(/\s*,\s*/).filter(Boolean).join(', ');
  values.mfaHowTo ??= lang === 'nl' ? values.howToNl : values.howToEn;
  values.vendor = device?.vendor ? sanitizeText(device.vendor, 40) : knowledge.labels.words.theMaker?.[lang];
  if (device) {
    values.device = describeDevice(device, lang, knowledge);
    values.kind = (knowledge.labels.kinds[device.kind] ?? knowledge.labels.kinds.unknown)[lang];
    values.name = ownName(device);
    values.ip = sanitizeText(device.ip, 45);
    values.model = device.model ? sanitizeText(device.model, 60) : undefined;
    values.firmware = device.firmware ? sanitizeText(device.firmware, 60) : undefined;
    values.url = adminUrl(device, finding);
    values.version ??= values.firmware;
  }
  values.mfaHowTo = values.mfaHowTo ?? mfaHowTo(device, lang, knowledge);
  if (ctx.findings && ctx.findings.length > 0) {
    values.findings = ctx.findings.map((f) => sanitizeText(f.title[lang], 160)).join('; ');
  }
  return values;
}

function mfaHowTo(device: Device | undefined, lang: Lang, knowledge: AdviceKnowledge): string | undefined {
  const vendor = device?.vendor;
  if (!vendor) return undefined;
  const facts = knowledge.vendors.find((v) => v.vendors.some((name) => namesVendor(vendor, name)));
  return facts?.mfaHowTo?.[lang];
}

/** The vendor's own steps for a task, else the generic ones, filled with the same values. */
export function renderSteps(task: string, values: Values, device: Device | undefined, lang: Lang, knowledge: AdviceKnowledge): string | undefined {
  const vendor = device?.vendor;
  const candidates = knowledge.steps.filter((s) => s.task === task);
  const step: StepEntry | undefined =
    candidates.find((s) => vendor && s.vendors.some((v) => v !== '*' && namesVendor(vendor, v))) ??
    candidates.find((s) => s.vendors.includes('*'));
  return step ? fillTemplate(step.text[lang], values, knowledge.labels.words.unknown?.[lang] ?? '?') : undefined;
}

/** "Hangzhou Hikvision Digital Technology Co., Ltd." names Hikvision: the name as a whole word, any case. */
export function namesVendor(vendor: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(vendor);
}
