import { describe, expect, it } from 'vitest';
import { advise, loadAdviceKnowledge } from '../../src/advice/index.js';
import { makeFinding } from '../../src/checks/finding.js';
import { toHtml, toMarkdown, toPlainSummary } from '../../src/report/index.js';
import { hostileDevice, householdResult } from '../fixtures/report/household.js';

const knowledge = loadAdviceKnowledge();

function withHostileDevice() {
  const result = householdResult();
  const device = hostileDevice();
  device.risk = 'low';
  result.devices.push(device);
  result.findings.push(
    makeFinding({ check: 'plain-http-admin', device, key: 'http:80', severity: 'low', confidence: 'confirmed',
      title: { nl: 'Beheer via http', en: 'Admin over http' },
      evidence: ['title "<iframe src=//evil>" \u001b[2J banner'], standards: [], details: { port: 80 } }),
  );
  result.advice = advise(result, knowledge);
  return result;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('hostile device names and banners', () => {
  const result = withHostileDevice();

  it('are escaped in the HTML hand-out', () => {
    const html = toHtml(result, 'en', knowledge);
    expect(html).not.toMatch(/<script|<img|<iframe|<b>hi/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=//evil&gt;');
    expect(html).not.toMatch(CONTROL);
    expect(html).not.toMatch(/\[31m|\]0;pwned/);
    // The page itself fetches nothing and runs nothing.
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
  });

  it('are escaped in Markdown', () => {
    const markdown = toMarkdown(result, 'nl', knowledge);
    expect(markdown).not.toMatch(/(?<!\\)<(script|img|iframe)/i);
    expect(markdown).toContain('\\<script\\>');
    expect(markdown).not.toContain('[link](http://evil.example)');
    expect(markdown).toContain('\\[link\\]');
    expect(markdown).toContain('\\|md\\|\\*x\\*');
    expect(markdown).not.toMatch(CONTROL);
  });

  it('reach the plain summary without escape sequences', () => {
    for (const lang of ['nl', 'en'] as const) {
      const summary = toPlainSummary(result, lang, knowledge);
      expect(summary).not.toMatch(CONTROL);
      expect(summary).toContain('ROOD');
    }
  });
});
