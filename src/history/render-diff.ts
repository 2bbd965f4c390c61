// The diff of two scans as plain text for the terminal, in the user's language, every line naming its
// device; or as JSON for scripts.

import type { Device, Finding, Lang } from '../model.js';
import { defaultAdviceKnowledge } from '../advice/load.js';
import { deviceName, kindIsGuess } from '../model/device-name.js';
import type { ScanDiff } from './diff.js';

const LABELS = {
  en: {
    title: (a: number, b: number) => `Changes from scan ${a} to scan ${b}`,
    devicesNew: 'New devices',
    devicesGone: 'Devices no longer seen',
    findingsFixed: 'Fixed',
    findingsNew: 'New problems',
    findingsOpen: 'Still open',
    none: '(none)',
    household: 'household',
  },
  nl: {
    title: (a: number, b: number) => `Wijzigingen van scan ${a} naar scan ${b}`,
    devicesNew: 'Nieuwe apparaten',
    devicesGone: 'Apparaten die niet meer gezien zijn',
    findingsFixed: 'Opgelost',
    findingsNew: 'Nieuwe problemen',
    findingsOpen: 'Nog open',
    none: '(geen)',
    household: 'huishouden',
  },
} as const;

const SEVERITY_WORDS: Record<Lang, Record<Finding['severity'], string>> = {
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  nl: { critical: 'kritiek', high: 'hoog', medium: 'middel', low: 'laag', info: 'info' },
};

/** A device's name as the reports and the dashboard say it (the one naming function). */
function nameOf(device: Device | undefined, fallback: string, lang: Lang): string {
  return device ? deviceName(device, lang, defaultAdviceKnowledge().labels) : fallback;
}

export function renderDiff(diff: ScanDiff, ids: [number, number], lang: Lang): string {
  const l = LABELS[lang];
  const deviceLine = (d: Device): string => `  ${d.ip.padEnd(15)} ${`${d.kind}${kindIsGuess(d) ? '?' : ''}`.padEnd(12)} ${nameOf(d, d.ip, lang)}`;
  const findingLine = (f: Finding): string => {
    const device = f.deviceId === null ? l.household : nameOf(diff.devices.get(f.deviceId), f.deviceId, lang);
    return `  [${SEVERITY_WORDS[lang][f.severity]}] ${device}: ${f.title[lang]}`;
  };
  const section = <T>(label: string, items: T[], line: (item: T) => string): string =>
    `${label} (${items.length})\n${items.length ? items.map(line).join('\n') : `  ${l.none}`}\n`;
  return [
    `${l.title(ids[0], ids[1])}\n`,
    section(l.devicesNew, diff.devicesNew, deviceLine),
    section(l.devicesGone, diff.devicesGone, deviceLine),
    section(l.findingsFixed, diff.findingsFixed, findingLine),
    section(l.findingsNew, diff.findingsNew, findingLine),
    section(l.findingsOpen, diff.findingsOpen, findingLine),
  ].join('\n');
}

/** The same diff for scripts: every finding with its device's id, name and address. */
export function diffAsJson(diff: ScanDiff, ids: [number, number], lang: Lang): object {
  const device = (d: Device) => ({ id: d.id, name: nameOf(d, d.ip, lang), ip: d.ip, kind: d.kind });
  const finding = (f: Finding) => {
    const d = f.deviceId === null ? undefined : diff.devices.get(f.deviceId);
    return { id: f.id, check: f.check, severity: f.severity, title: f.title[lang], device: d ? device(d) : null };
  };
  return {
    from: ids[0],
    to: ids[1],
    devicesNew: diff.devicesNew.map(device),
    devicesGone: diff.devicesGone.map(device),
    findingsFixed: diff.findingsFixed.map(finding),
    findingsNew: diff.findingsNew.map(finding),
    findingsOpen: diff.findingsOpen.map(finding),
  };
}
