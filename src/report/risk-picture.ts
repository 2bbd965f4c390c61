// The hand-out's picture: the household's devices by risk as an inline SVG bar chart (no script, no
// font or image to fetch), one bar per risk that occurs, a dot per device, colours that print in grey too.

import { SEVERITIES, type Risk } from '../model.js';
import { escapeHtml as h } from './escape.js';
import type { ReportView } from './view.js';

type Bucket = Risk | 'unchecked';

const ORDER: Bucket[] = [...SEVERITIES, 'unchecked', 'none'];
const COLOURS: Record<Bucket, string> = {
  critical: '#b00020',
  high: '#d9480f',
  medium: '#9a7700',
  low: '#2b8a3e',
  info: '#5c677d',
  unchecked: '#8a94a6',
  none: '#1b7f3b',
};

const ROW = 26;
const LABEL = 150;
const DOT = 16;
const WIDTH = 640;

export function riskPicture(view: ReportView): string {
  const bucketOf = (d: ReportView['devices'][number]): Bucket => (d.risk === 'none' && d.coverage !== 'all' ? 'unchecked' : d.risk);
  const rows = ORDER.map((bucket) => ({ bucket, devices: view.devices.filter((d) => bucketOf(d) === bucket) })).filter((r) => r.devices.length > 0);
  const perRow = Math.floor((WIDTH - LABEL - 40) / (DOT + 4));
  const heights = rows.map((r) => Math.max(1, Math.ceil(r.devices.length / perRow)) * ROW);
  const height = heights.reduce((a, b) => a + b, 0) + 4;
  let y = 2;
  const parts: string[] = [];
  rows.forEach((row, index) => {
    const label = row.devices[0]!.riskLabel;
    parts.push(`<text x="0" y="${y + 17}" font-size="13" fill="#1d232b">${h(label)}</text>`);
    row.devices.forEach((device, i) => {
      const cx = LABEL + (i % perRow) * (DOT + 4) + DOT / 2;
      const cy = y + Math.floor(i / perRow) * ROW + 12;
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${DOT / 2}" fill="${COLOURS[row.bucket]}"><title>${h(device.name)}</title></circle>`);
    });
    const count = row.devices.length;
    const lastX = LABEL + Math.min(count, perRow) * (DOT + 4) + 6;
    parts.push(`<text x="${lastX}" y="${y + 17}" font-size="13" font-weight="700" fill="#1d232b">${count}</text>`);
    y += heights[index]!;
  });
  const title = view.words.pictureLabel ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${h(title)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" height="${height}"><title>${h(title)}</title>${parts.join('')}</svg>`;
}
