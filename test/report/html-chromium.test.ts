// Renders the hand-out in headless Chromium (Debian package `chromium`): the DOM as the browser
// parsed it, and a PDF printed on A4. Skipped, with the reason printed, when Chromium is missing.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { toHtml } from '../../src/report/index.js';
import { topActions } from '../../src/advice/index.js';
import { advisedHousehold } from '../fixtures/report/household.js';

const run = promisify(execFile);
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('html-chromium.test.ts skipped: no chromium found (apt-get install -y chromium)');

const work = mkdtempSync(join(tmpdir(), 'handout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs Chromium headless with everything that could reach the network switched off. */
async function chromium(args: string[]): Promise<string> {
  const profile = mkdtempSync(join(work, 'profile-'));
  const { stdout } = await run(
    CHROMIUM!,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-extensions', `--user-data-dir=${profile}`, ...args],
    { timeout: 45_000, maxBuffer: 16 * 1024 * 1024, signal: AbortSignal.timeout(50_000) },
  );
  return stdout;
}

/** Page count and page size of a Chromium PDF (its page objects are not compressed). */
function pdfPages(file: string): { pages: number; mediaBoxes: string[] } {
  const pdf = readFileSync(file).toString('latin1');
  return { pages: (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length, mediaBoxes: pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? [] };
}

describe.skipIf(!CHROMIUM)('the HTML hand-out in headless Chromium', () => {
  const result = advisedHousehold();

  for (const lang of ['en', 'nl'] as const) {
    const file = join(work, `household.${lang}.html`);
    writeFileSync(file, toHtml(result, lang));
    const url = pathToFileURL(file).href;

    it(`renders the top actions, the device cards and the language (${lang})`, async () => {
      const dom = await chromium(['--dump-dom', url]);
      expect(dom).toMatch(new RegExp(`<html lang="${lang}"`));
      const top = /<section class="top" id="top-actions">([\s\S]*?)<\/section>/.exec(dom)?.[1] ?? '';
      expect(top.match(/<li>/g)).toHaveLength(3);
      for (const action of topActions(result.advice)) {
        const start = action.text[lang].slice(0, 40).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
        expect(top).toContain(start);
      }
      const cards = dom.match(/<article class="card[^"]*" data-device-id="[^"]+">/g) ?? [];
      expect(cards).toHaveLength(result.devices.length);
      expect(dom).toMatch(/<article class="card sev-critical" data-device-id="bc:ad:28:aa:bb:64">[\s\S]*?Woonkamer[\s\S]*?<\/article>/);
      expect(dom).toContain(lang === 'nl' ? 'Eerst doen' : 'Do these first');
    }, 60_000);

    it(`prints on A4 pages (${lang})`, async () => {
      const pdf = join(work, `household.${lang}.pdf`);
      await chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, url]);
      const { pages, mediaBoxes } = pdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(20);
      expect(mediaBoxes.length).toBeGreaterThan(0);
      for (const box of mediaBoxes) {
        const [, , width, height] = box.replace(/[^\d.\s]/g, ' ').trim().split(/\s+/).map(Number);
        // A4 is 595 × 842 points.
        expect(Math.round(width ?? 0)).toBe(595);
        expect(Math.round(height ?? 0)).toBe(842);
      }
    }, 60_000);
  }
});
