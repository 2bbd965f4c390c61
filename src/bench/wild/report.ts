// Prints the wild-corpus figures against the targets of issue 11, and every device named wrongly.

import { summarise, type WildScore } from './score.js';

export const WILD_TARGETS = { vendor: 0.9, kind: 0.9, model: 0.8, confidentlyWrong: 0 };

const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);

export interface WildVerdict {
  lines: string[];
  missed: number;
}

/** Devices no rule was written for, scored apart: the honest measure of how far the rules generalise. */
function heldOutLine(score: WildScore): string {
  const held = summarise(score.devices.filter(({ device }) => device.heldOut));
  const total = held.devices.length;
  return (
    `  held out (no rule written for them): ${total} devices, vendor ${held.vendor} (${percent(held.vendor, total)}), ` +
    `kind ${held.kind} (${percent(held.kind, total)}), model ${held.model} / ${held.withModel}, confidently wrong ${held.confidentlyWrongVendor + held.confidentlyWrongKind}`
  );
}

/**
 * What the misses list shows: `verbose` lists the devices the rules may be written with (not held
 * out); `showHeldOut` also lists the held-out ones, which nobody tuning rules should read one by one
 * (their totals alone say how the rules generalise).
 */
export interface WildListing {
  verbose: boolean;
  showHeldOut?: boolean;
}

export function describeWild(score: WildScore, listing: WildListing): WildVerdict {
  const { verbose, showHeldOut = false } = listing;
  const total = score.devices.length;
  const byKind = new Map<string, number>();
  for (const { device } of score.devices) byKind.set(device.truth.kind, (byKind.get(device.truth.kind) ?? 0) + 1);
  const sources = new Map<string, string>();
  for (const { device } of score.devices) sources.set(device.source.repo, device.source.licence);
  const check = (label: string, part: number, whole: number, target: number): [string, boolean] => {
    const met = whole > 0 && part / whole >= target;
    return [`  ${label.padEnd(22)} ${String(part).padStart(4)} / ${String(whole).padEnd(4)} ${percent(part, whole).padStart(8)}   target >= ${target * 100} %  ${met ? 'met' : 'MISSED'}`, met];
  };
  const rows = [
    check('vendor named right', score.vendor, total, WILD_TARGETS.vendor),
    check('kind named right', score.kind, total, WILD_TARGETS.kind),
    check('model named right', score.model, score.withModel, WILD_TARGETS.model),
  ];
  const wrong = score.confidentlyWrongVendor + score.confidentlyWrongKind;
  const lines = [
    `wild corpus: ${total} devices from ${sources.size} sources (${[...sources].map(([repo, licence]) => `${repo} ${licence}`).join(', ')})`,
    `  by kind: ${[...byKind].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
    ...rows.map(([line]) => line),
    `  confidently wrong      vendor ${score.confidentlyWrongVendor}, kind ${score.confidentlyWrongKind}   target 0  ${wrong === 0 ? 'met' : 'MISSED'}`,
    heldOutLine(score),
  ];
  if (verbose || showHeldOut) {
    const listed = score.devices.filter(({ device }) => (device.heldOut ? showHeldOut : verbose));
    const which = verbose && showHeldOut ? 'every device' : showHeldOut ? 'held-out devices only' : 'devices not held out only; held-out misses only with --show-held-out';
    lines.push('', `  named wrongly (${which}; id: found → truth):`);
    for (const entry of listed) {
      const { identity, device } = entry;
      const faults = [
        !entry.vendorRight && `vendor ${identity.vendor ?? '-'} → ${device.truth.vendor}`,
        !entry.kindRight && `kind ${identity.kind} → ${device.truth.kind}`,
        entry.modelRight === false && `model ${identity.model ?? '-'} → ${device.truth.model}`,
      ].filter(Boolean);
      if (faults.length === 0) continue;
      const flag = entry.confidentlyWrong.length > 0 ? ` [confidently wrong ${entry.confidentlyWrong.map((attribute) => `${attribute} ${identity.attributes[attribute]}`).join(', ')}]` : '';
      lines.push(`    ${device.id}: ${faults.join('; ')}${flag}`);
    }
  }
  const missed = rows.filter(([, met]) => !met).length + (wrong === 0 ? 0 : 1);
  return { lines, missed };
}
