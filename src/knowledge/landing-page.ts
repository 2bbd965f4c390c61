// Whether a source URL is a landing page: a site's front page or an index that lists many records. A `checked`
// entry must cite the record it was checked against, and such a page does not name one.

/** Index pages that hold no single record (host + path, no query). */
const INDEX_PAGES = new Set([
  'www.cisa.gov/known-exploited-vulnerabilities-catalog',
  'www.hikvision.com/en/support/cybersecurity/security-advisory',
  'support.google.com/googlenest',
  'en.avm.de/service',
  'support.sonos.com',
  'nvd.nist.gov/vuln/search',
  'www.cve.org',
  'endoflife.date',
  'github.com/embedthis/goahead/releases',
  'www.lighttpd.net/releases',
  'sourceforge.net/projects/minidlna',
  'www.synology.com/en-global/releasenote/dsm',
]);

/**
 * True for a URL with no path beyond the host ("https://support.sonos.com/"), or for a known index page
 * without a query that picks one record ("https://www.cisa.gov/known-exploited-vulnerabilities-catalog",
 * but not "...?field_cve=CVE-2016-6277").
 */
export function isLandingPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  if (path === '' && parsed.search === '') return true;
  if (parsed.search !== '') return false;
  return INDEX_PAGES.has(`${parsed.host}${path}`.toLowerCase());
}
