// Golden files for the household fixture. After an intended change, regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts
// and read the diff before committing.
import { describe, expect, it } from 'vitest';
import { toHtml, toJsonReport, toMarkdown } from '../../src/report/index.js';
import { LANGS } from '../../src/model.js';
import { advisedHousehold, FIXTURE_SECRETS } from '../fixtures/report/household.js';
import { reportSchemaErrors } from './report-schema.js';
import { matchesGolden } from './golden-files.js';

describe('household reports match their golden files', () => {
  const result = advisedHousehold();
  for (const lang of LANGS) {
    const json = toJsonReport(result, { lang, toolVersion: '0.0.0-test' });
    const outputs: Record<string, string> = {
      [`household.${lang}.json`]: `${JSON.stringify(json, null, 2)}\n`,
      [`household.${lang}.md`]: toMarkdown(result, lang),
      [`household.${lang}.html`]: toHtml(result, lang),
    };

    it(`JSON (${lang}) is schema-valid`, () => {
      expect(reportSchemaErrors(json)).toEqual([]);
    });

    for (const [name, text] of Object.entries(outputs)) {
      it(`${name}`, () => {
        matchesGolden(name, text);
      });

      it(`${name} holds no real password`, () => {
        for (const secret of Object.values(FIXTURE_SECRETS)) expect(text).not.toMatch(new RegExp(`\\b${secret}\\b`));
      });
    }
  }

  it('speaks the language asked for', () => {
    expect(toMarkdown(result, 'nl')).toContain('Verander het fabriekswachtwoord');
    expect(toMarkdown(result, 'nl')).not.toContain('Change the factory password');
    expect(toHtml(result, 'en')).toContain('<html lang="en">');
    expect(toHtml(result, 'en')).toContain('Change the factory password');
  });
});
