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
import { GOLDEN_DIR } from './golden-files.js';

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

/** The text of one PDF page (pdftotext from poppler-utils), or null when pdftotext is missing. */
async function pageText(file: string, page: number): Promise<string | null> {
  if (!PDFTOTEXT) return null;
  const { stdout } = await run(PDFTOTEXT, ['-f', String(page), '-l', String(page), '-layout', file, '-'], { timeout: 20_000 });
  return stdout;
}

const PDFTOTEXT = ['/usr/bin/pdftotext'].find((p) => existsSync(p));
if (CHROMIUM && !PDFTOTEXT) console.warn('html-chromium.test.ts: first-page text not checked: no pdftotext (apt-get install -y poppler-utils)');

/** The home fleet's hand-out must stay a hand-out: the overview on one page, the whole under this bound. */
// 16 since the Roborock vacuum got its vendor's data location (a finding and two advice lines of its own).
const HOME_FLEET_MAX_PAGES = 16;
/** The overview and the devices needing action, before the appendix starts. */
// 8 for the same reason: the Roborock vacuum now needs action (read where its app's data goes).
const HOME_FLEET_MAX_ACTION_PAGES = 8;

describe.skipIf(!CHROMIUM)('the HTML hand-out in headless Chromium', () => {
  const result = advisedHousehold();

  for (const lang of ['en', 'nl'] as const) {
    const file = join(work, `household.${lang}.html`);
    writeFileSync(file, toHtml(result, lang));
    const url = pathToFileURL(file).href;

    it(`renders the overview, the top actions, the devices needing action and the language (${lang})`, async () => {
      const dom = await chromium(['--dump-dom', url]);
      expect(dom).toMatch(new RegExp(`<html lang="${lang}"`));
      const overview = /<section class="overview" id="overview">([\s\S]*?)<\/section>\n?<section id="devices">/.exec(dom)?.[1] ?? '';
      expect(overview).toMatch(/<svg[^>]*role="img"/);
      expect(overview).not.toMatch(/\b(href|src)=/);
      const top = /<section class="top" id="top-actions">([\s\S]*?)<\/section>/.exec(dom)?.[1] ?? '';
      expect(top.match(/<li>/g)).toHaveLength(3);
      for (const action of topActions(result.advice)) {
        const start = action.text[lang].slice(0, 40).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
        expect(top).toContain(start);
      }
      expect(overview).toContain('id="checked"');
      const cards = dom.match(/<article class="card[^"]*" data-device-id="[^"]+">/g) ?? [];
      const needing = result.devices.filter((d) => result.findings.some((f) => f.deviceId === d.id && !f.settledBy));
      expect(cards).toHaveLength(needing.length);
      expect(dom).toMatch(/<article class="card sev-critical" data-device-id="bc:ad:28:aa:bb:64">[\s\S]*?Woonkamer[\s\S]*?<\/article>/);
      expect(dom).toContain(lang === 'nl' ? 'Eerst doen' : 'Do these first');
      // Every device's evidence is in the appendix.
      expect(dom.match(/<div class="evidence-block" data-device-id=/g)).toHaveLength(result.devices.length);
    }, 60_000);

    it(`prints on A4 pages (${lang})`, async () => {
      const pdf = join(work, `household.${lang}.pdf`);
      await chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, url]);
      const { pages, mediaBoxes } = pdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(12);
      expect(mediaBoxes.length).toBeGreaterThan(0);
      for (const box of mediaBoxes) {
        const [, , width, height] = box.replace(/[^\d.\s]/g, ' ').trim().split(/\s+/).map(Number);
        // A4 is 595 × 842 points.
        expect(Math.round(width ?? 0)).toBe(595);
        expect(Math.round(height ?? 0)).toBe(842);
      }
    }, 60_000);
  }

  for (const lang of ['en', 'nl'] as const) {
    it(`keeps the home fleet's hand-out short, with the overview alone on page 1 (${lang})`, async () => {
      const html = join(GOLDEN_DIR, `home.${lang}.html`);
      const pdf = join(work, `home.${lang}.pdf`);
      await chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href]);
      const { pages } = pdfPages(pdf);
      console.log(`home fleet hand-out (${lang}): ${pages} A4 pages`);
      expect(pages).toBeLessThanOrEqual(HOME_FLEET_MAX_PAGES);
      const first = await pageText(pdf, 1);
      if (first === null) return;
      const words = lang === 'nl'
        ? ['Huisscan slimme apparaten', 'Uw apparaten naar risico', 'Eerst doen', 'Wat wel en niet is gecontroleerd', 'CET']
        : ['Smart home audit', 'Your devices by risk', 'Do these first', 'What was and was not checked', 'CET'];
      for (const word of words) expect(first).toContain(word);
      // The devices' own sections and the appendix start after the overview.
      expect(first).not.toContain(lang === 'nl' ? 'Apparaten die aandacht nodig hebben' : 'Devices that need attention');
      const second = (await pageText(pdf, 2)) ?? '';
      expect(second).toContain(lang === 'nl' ? 'Apparaten die aandacht nodig hebben' : 'Devices that need attention');
      let appendixPage = 0;
      for (let page = 2; page <= pages && appendixPage === 0; page += 1) {
        if (((await pageText(pdf, page)) ?? '').includes(lang === 'nl' ? 'Bijlage' : 'Appendix')) appendixPage = page;
      }
      expect(appendixPage).toBeGreaterThan(1);
      expect(appendixPage).toBeLessThanOrEqual(HOME_FLEET_MAX_ACTION_PAGES);
    }, 90_000);
  }
});
