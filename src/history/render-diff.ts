// The diff of two scans as plain text for the terminal, in the user's language.

import type { Device, Finding, Lang } from '../model.js';
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
  },
  nl: {
    title: (a: number, b: number) => `Wijzigingen van scan ${a} naar scan ${b}`,
    devicesNew: 'Nieuwe apparaten',
    devicesGone: 'Apparaten die niet meer gezien zijn',
    findingsFixed: 'Opgelost',
    findingsNew: 'Nieuwe problemen',
    findingsOpen: 'Nog open',
    none: '(geen)',
  },
} as const;

const deviceLine = (d: Device): string => `  ${d.ip.padEnd(15)} ${d.kind.padEnd(12)} ${[d.vendor, d.model].filter(Boolean).join(' ') || d.names[0] || ''}`;
const findingLine = (lang: Lang) => (f: Finding): string => `  [${f.severity}] ${f.title[lang]}`;

export function renderDiff(diff: ScanDiff, ids: [number, number], lang: Lang): string {
  const l = LABELS[lang];
  const section = <T>(label: string, items: T[], line: (item: T) => string): string =>
    `${label} (${items.length})\n${items.length ? items.map(line).join('\n') : `  ${l.none}`}\n`;
  return [
    `${l.title(ids[0], ids[1])}\n`,
    section(l.devicesNew, diff.devicesNew, deviceLine),
    section(l.devicesGone, diff.devicesGone, deviceLine),
    section(l.findingsFixed, diff.findingsFixed, findingLine(lang)),
    section(l.findingsNew, diff.findingsNew, findingLine(lang)),
    section(l.findingsOpen, diff.findingsOpen, findingLine(lang)),
  ].join('\n');
}
