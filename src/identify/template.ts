// Rule outputs are templates over what the rule's conditions captured: "{ssdp.modelName}" is the
// whole field the condition held on, "{snmp.sysDescr.1}" its first capture group, "{fw}" a named group.

import { sanitizeText } from '../util/sanitize.js';

/** What one rule's conditions captured: field path (lower case) → [whole value, group 1, …], and named groups. */
export interface Captures {
  /** The whole value of each field a condition matched: "{ssdp.modelName}". */
  values: Map<string, string>;
  /** What each condition's pattern matched: [match, group 1, …]: "{ssdp.modelName.0}", "{ssdp.modelName.1}". */
  byPath: Map<string, string[]>;
  named: Map<string, string>;
  /** Fields of the records the rule held on that no condition named ("{ssdp.modelName}" under a manufacturer match). */
  otherField?: (path: string) => string | undefined;
}

const REFERENCE = /\{([^{}]+)\}/g;

export function templateReferences(template: string): string[] {
  return [...template.matchAll(REFERENCE)].map((found) => found[1] as string);
}

/** The value a reference names, or undefined when the rule captured nothing there. */
export function resolveReference(reference: string, captures: Captures): string | undefined {
  const named = captures.named.get(reference);
  if (named !== undefined) return named;
  // Field paths are case-insensitive: TXT keys and header names are.
  const path = reference.toLowerCase();
  const whole = captures.values.get(path);
  if (whole !== undefined) return whole;
  const split = /^(.*)\.(\d+)$/.exec(path);
  if (split) return captures.byPath.get(split[1] as string)?.[Number(split[2])];
  return captures.otherField?.(path);
}

/** Fills a template; null when a reference is missing or the result is empty (the rule then gives nothing there). */
export function renderTemplate(template: string, captures: Captures): string | null {
  let missing = false;
  const filled = template.replace(REFERENCE, (_all, reference: string) => {
    const value = resolveReference(reference, captures);
    if (value === undefined || value.trim() === '') missing = true;
    return value ?? '';
  });
  if (missing) return null;
  const clean = sanitizeText(filled, 120);
  return clean === '' ? null : clean;
}
