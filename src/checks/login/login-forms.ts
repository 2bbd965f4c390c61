// HTTP form-login definitions are data (knowledge/login-forms/*.yaml): loaded, validated against
// schema/login-form.schema.json, their patterns compiled at load so a bad regex names its entry.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertUniqueIds, DataFileError, loadDataFile } from '../../knowledge/load-data.js';
import { PACKAGE_ROOT } from '../../util/package-root.js';
import type { Sourced } from '../../knowledge/types.js';
import type { FormLoginSpec } from '../../protocols/http/form-spec.js';

export interface LoginFormEntry extends Sourced, Omit<FormLoginSpec, 'patterns'> {
  id: string;
  match: { vendors?: string[]; models?: string[]; titles?: string[] };
}

/** A definition with its patterns compiled. */
export interface LoginForm extends LoginFormEntry, FormLoginSpec {}

export const LOGIN_FORMS_DIR = join(PACKAGE_ROOT, 'knowledge', 'login-forms');
export const LOGIN_FORM_SCHEMA = join(PACKAGE_ROOT, 'schema', 'login-form.schema.json');

function compile(file: string, id: string, field: string, pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch (error) {
    throw new DataFileError(file, `forms (id "${id}") › ${field}: could not compile regex: ${(error as Error).message}`, { cause: error });
  }
}

export function compileLoginForm(file: string, entry: LoginFormEntry): LoginForm {
  const c = (field: string, pattern: string): RegExp => compile(file, entry.id, field, pattern);
  return {
    ...entry,
    patterns: {
      titles: (entry.match.titles ?? []).map((t) => c('match.titles', t)),
      csrf: entry.csrf?.pagePattern !== undefined ? c('csrf.pagePattern', entry.csrf.pagePattern) : undefined,
      redirectTo: entry.success.redirectTo !== undefined ? c('success.redirectTo', entry.success.redirectTo) : undefined,
      pageText: entry.success.pageText !== undefined ? c('success.pageText', entry.success.pageText) : undefined,
      failure: (entry.failure ?? []).map((f) => c('failure', f)),
    },
  };
}

/** Every form definition in `dir`, validated and compiled. */
export function loadLoginForms(dir: string = LOGIN_FORMS_DIR): LoginForm[] {
  const files = readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
  const forms: LoginForm[] = [];
  for (const file of files) {
    const data = loadDataFile<{ forms: LoginFormEntry[] }>(file, LOGIN_FORM_SCHEMA);
    forms.push(...data.forms.map((entry) => compileLoginForm(file, entry)));
  }
  assertUniqueIds(dir, forms);
  return forms;
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** The form for a device: by vendor (and model glob) first, else by the login page's title. */
export function findLoginForm(
  forms: LoginForm[],
  device: { vendor: string | null; model: string | null },
  pageTitle: string | undefined,
): LoginForm | undefined {
  const byVendor = forms.find((form) => {
    const vendors = form.match.vendors;
    if (!vendors || !device.vendor || !vendors.some((v) => globToRegExp(v).test(device.vendor!))) return false;
    const models = form.match.models;
    return !models || (device.model !== null && models.some((m) => globToRegExp(m).test(device.model!)));
  });
  if (byVendor) return byVendor;
  if (!pageTitle) return undefined;
  return forms.find((form) => form.patterns.titles.some((t) => t.test(pageTitle)));
}
