// --help speaks Dutch with --lang nl (or a Dutch locale): every command, argument and option.

import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { helpLanguage, translateHelp } from '../../src/commands/cli-help.js';

const noop = async (): Promise<number> => 0;
const build = (lang: 'nl' | 'en'): Command =>
  buildProgram({ scan: noop, demo: noop, mock: noop, history: noop, knowledge: noop }, new AbortController().signal, () => {}, lang);

/** Every description of a command tree, with where it stands. */
function descriptions(command: Command, path = 'homeaudit'): Array<[string, string]> {
  const own: Array<[string, string]> = [[path, command.description()]];
  for (const option of command.options) own.push([`${path} ${option.flags}`, option.description]);
  for (const argument of command.registeredArguments) if (argument.description) own.push([`${path} <${argument.name()}>`, argument.description]);
  return [...own, ...command.commands.flatMap((sub) => descriptions(sub, `${path} ${sub.name()}`))];
}

describe('--help in Dutch', () => {
  it('has a Dutch text for every command, argument and option', () => {
    const english = new Map(descriptions(build('en')));
    const untranslated = descriptions(build('nl')).filter(([where, text]) => text !== '' && text === english.get(where)).map(([where]) => where);
    expect(untranslated).toEqual([]);
  });

  it('takes its language from --lang, else the locale', () => {
    expect(helpLanguage(['node', 'homeaudit', 'scan', '--lang', 'nl', '--help'], 'en')).toBe('nl');
    expect(helpLanguage(['node', 'homeaudit', 'scan', '--lang=en', '--help'], 'nl')).toBe('en');
    expect(helpLanguage(['node', 'homeaudit', '--help'], 'nl')).toBe('nl');
  });

  it('says the headings and defaults in Dutch', () => {
    const help = translateHelp(build('nl').commands.find((c) => c.name() === 'scan')!.helpInformation(), 'nl');
    expect(help).toMatch(/^Gebruik: homeaudit scan \[opties\]/);
    expect(help).toContain('Opties:');
    expect(help).not.toMatch(/\(default:|Usage:|Options:/);
  });
});
