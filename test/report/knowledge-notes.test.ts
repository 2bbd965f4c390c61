// Issue 12: the report says when its knowledge was stale at scan time and which entries came from an overlay;
// a fresh, built-in report is unchanged.

import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/report/html.js';
import { toJsonReport } from '../../src/report/json.js';
import { toMarkdown } from '../../src/report/markdown.js';
import { toPlainSummary } from '../../src/report/summary.js';
import { householdResult } from '../fixtures/report/household.js';
import { reportSchemaErrors } from './report-schema.js';

const fresh = householdResult();
const stale = { ...fresh, knowledgeAsOf: '2025-01-01', knowledgeOverlay: { dir: '/etc/helpdesk/knowledge', entries: ['avm-fritzbox-current'] } };

describe('knowledge notes in the report', () => {
  it('says nothing extra for fresh, built-in knowledge', () => {
    const report = toJsonReport(fresh, { lang: 'en', toolVersion: '0.0.0' });
    expect(report.knowledge).toEqual({ asOf: fresh.knowledgeAsOf });
    expect(toMarkdown(fresh, 'en')).not.toMatch(/knowledge overlay|days old/);
  });

  it('warns about stale knowledge and names the overlay entries, schema-valid, in every format and both languages', () => {
    const report = toJsonReport(stale, { lang: 'en', toolVersion: '0.0.0' });
    expect(report.knowledge).toEqual({
      asOf: '2025-01-01',
      stale: true,
      staleAfterDays: 180,
      overlay: { dir: '/etc/helpdesk/knowledge', entries: ['avm-fritzbox-current'] },
    });
    expect(reportSchemaErrors(report)).toEqual([]);
    for (const text of [toMarkdown(stale, 'en'), toPlainSummary(stale, 'en'), toHtml(stale, 'en')]) {
      expect(text).toMatch(/dates from 2025-01-01, \d+ days old/);
      expect(text).toMatch(/knowledge overlay \/etc\/helpdesk\/knowledge .*avm-fritzbox-current/);
    }
    expect(toMarkdown(stale, 'nl')).toMatch(/dagen oud/);
    expect(toMarkdown(stale, 'nl')).toMatch(/eigen kennismap/);
  });
});
