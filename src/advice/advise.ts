// Turns findings, device kinds and the household into advice items in both languages, from the
// templates in knowledge/advice, ordered by what to do first.

import type { AdviceItem, AuditResult, Device, Finding, Lang } from '../model.js';
import { harmOf, orderAdvice, priorityOf } from './order.js';
import { fillTemplate } from './render.js';
import type { AdviceKnowledge, AdviceTemplate, MatchValue } from './types.js';
import { matchableValues, placeholderValues, renderSteps } from './values.js';

export type AdviseInput = Pick<AuditResult, 'devices' | 'findings'> & { finishedAt?: string };

export interface AdviseOptions {
  /** The moment "end of support has passed" is judged against; default the scan's finishedAt, else now. */
  now?: Date;
}

export function advise(input: AdviseInput, knowledge: AdviceKnowledge, options: AdviseOptions = {}): AdviceItem[] {
  const now = options.now ?? (input.finishedAt ? new Date(input.finishedAt) : new Date());
  const devicesById = new Map(input.devices.map((d) => [d.id, d]));
  const items: AdviceItem[] = [];
  const folded = new Map<string, { template: AdviceTemplate; device: Device; findings: Finding[] }>();
  // One action per problem per device: the same template on several services of one device is one item.
  const perService = new Map<string, { template: AdviceTemplate; device: Device | undefined; findings: Finding[] }>();

  // Settled findings (the user told us it is done) need no advice.
  for (const finding of input.findings.filter((f) => !f.settledBy)) {
    const device = finding.deviceId ? devicesById.get(finding.deviceId) : undefined;
    for (const template of templatesForFinding(finding, device, knowledge.templates, now)) {
      if (template.onePerDevice && device) {
        const key = `${template.id}@${device.id}`;
        const entry = folded.get(key) ?? { template, device, findings: [] };
        entry.findings.push(finding);
        folded.set(key, entry);
        continue;
      }
      const key = device ? `${template.id}@${device.id}` : `${template.id}@${finding.id}`;
      const entry = perService.get(key) ?? { template, device, findings: [] };
      entry.findings.push(finding);
      perService.set(key, entry);
    }
  }
  for (const [key, { template, device, findings }] of perService) {
    const first = findings[0]!;
    if (findings.length === 1) items.push(makeItem(template, `${template.id}@${first.id}`, knowledge, device, findings));
    else items.push(makeItem(template, key, knowledge, device, findings, true));
  }
  for (const [id, { template, device, findings }] of folded) {
    items.push(makeItem(template, id, knowledge, device, findings));
  }
  for (const device of input.devices) {
    for (const template of knowledge.templates.filter((t) => t.on === 'device' && t.kinds?.includes(device.kind))) {
      items.push(makeItem(template, `${template.id}@${device.id}`, knowledge, device, []));
    }
  }
  for (const template of knowledge.templates.filter((t) => t.on === 'household')) {
    items.push(makeItem(template, template.id, knowledge, undefined, []));
  }
  return orderAdvice(items);
}

/** The finding templates that apply: plain ones, matching ones, and `otherwise` ones where no match did. */
function templatesForFinding(finding: Finding, device: Device | undefined, templates: AdviceTemplate[], now: Date): AdviceTemplate[] {
  const candidates = templates.filter(
    (t) =>
      t.on === 'finding' &&
      (t.check === undefined || t.check === finding.check) &&
      (t.kinds === undefined || (device !== undefined && t.kinds.includes(device.kind))),
  );
  const values = matchableValues(finding, now);
  const chosen = candidates.filter((t) => !t.otherwise && (!t.match || matches(t.match, values)));
  // A fallback steps aside when a more specific template (by details or by kind) took its place.
  const isSpecific = (t: AdviceTemplate) => t.match !== undefined || (t.check !== undefined && t.kinds !== undefined);
  const fallbacks = candidates.filter(
    (t) => t.otherwise && !chosen.some((c) => isSpecific(c) && c.check === t.check && c.phase === t.phase),
  );
  return [...chosen, ...fallbacks].sort((a, b) => templates.indexOf(a) - templates.indexOf(b));
}

function matches(match: Record<string, MatchValue | MatchValue[]>, values: Record<string, MatchValue>): boolean {
  return Object.entries(match).every(([key, expected]) => {
    const actual = values[key];
    if (actual === undefined) return false;
    const allowed = Array.isArray(expected) ? expected : [expected];
    return allowed.some((value) => String(value).toLowerCase() === String(actual).toLowerCase());
  });
}

function makeItem(
  template: AdviceTemplate,
  id: string,
  knowledge: AdviceKnowledge,
  device: Device | undefined,
  findings: Finding[],
  namesServices = false,
): AdviceItem {
  const standards = [...new Set([...template.standards, ...findings.flatMap((f) => f.standards)])];
  return {
    id,
    phase: template.phase,
    deviceId: device?.id ?? null,
    findingIds: findings.map((f) => f.id),
    priority: priorityOf(findings, template.urgency),
    harm: harmOf(findings),
    text: {
      nl: renderText(template, 'nl', knowledge, device, findings) + (namesServices ? coversServices(findings, 'nl', knowledge) : ''),
      en: renderText(template, 'en', knowledge, device, findings) + (namesServices ? coversServices(findings, 'en', knowledge) : ''),
    },
    source: template.source,
    standards,
  };
}

function renderText(template: AdviceTemplate, lang: Lang, knowledge: AdviceKnowledge, device: Device | undefined, findings: Finding[]): string {
  const values = placeholderValues({ lang, knowledge, device, finding: findings[0], findings });
  if (template.steps) values.steps = renderSteps(template.steps, values, device, lang, knowledge);
  const unknown = knowledge.labels.words.unknown?.[lang] ?? '?';
  return capitalise(fillTemplate(template.text[lang], values, unknown));
}

/** " This goes for: HTTP Digest (port 80) and RTSP (port 554)." naming every service the item covers. */
function coversServices(findings: Finding[], lang: Lang, knowledge: AdviceKnowledge): string {
  const words = knowledge.labels.words;
  const names = [
    ...new Set(
      findings.map((f) => {
        const service = String(f.details.service ?? f.check);
        const label = words[`service.${service}`]?.[lang] ?? service.toUpperCase();
        return f.details.port === undefined ? label : `${label} (${words.port?.[lang] ?? 'port'} ${String(f.details.port)})`;
      }),
    ),
  ];
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${words.and?.[lang] ?? '&'} ${names[names.length - 1]}` : (names[0] ?? '');
  return ` ${words.coversServices?.[lang] ?? ''} ${list}.`;
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toLocaleUpperCase() + sentence.slice(1);
}
