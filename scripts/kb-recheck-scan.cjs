// Looks, outside the re-check samples, for the kinds of error the re-checks found (docs/knowledge.md, "Second
// independent re-check"): a model glob that also matches another model the KEV catalogue names; a KEV range without
// `unfixed` whose catalogue entry speaks of end of life; a range without version bounds whose entry cites the
// catalogue alone (its CVE record, which may give the fixed firmware, was not read). It prints candidates to be read
// against their records; it decides nothing. Offline: the catalogue is a file the caller has.
//   node scripts/kb-recheck-scan.cjs path/to/known_exploited_vulnerabilities.json
const fs = require('node:fs');
const YAML = require('yaml');

const FILES = ['knowledge/firmware/devices.yaml', 'knowledge/firmware/kev-consumer-brands.yaml', 'knowledge/firmware/end-of-support.yaml'];
const catalogueFile = process.argv[2];
if (!catalogueFile) throw new Error('usage: node scripts/kb-recheck-scan.cjs KEV_CATALOGUE.json');
const catalogue = JSON.parse(fs.readFileSync(catalogueFile, 'utf8'));
const byId = new Map(catalogue.vulnerabilities.map((v) => [v.cveID, v]));

// The same glob rules as src/knowledge/name-match.ts: * and ?, case-insensitive, anchored.
const globRegExp = (glob) =>
  new RegExp(`^${glob.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 'i');
// Model codes as the catalogue writes them: letters and digits, with dashes ("DIR-820L", "AC10", "RT-AX55").
const MODEL_CODE = /\b[A-Z]{1,8}-?[A-Z]*\d[A-Z0-9]*(?:-[A-Z0-9]+)*\b/g;
const sameVendor = (a, b) => a.toLowerCase().replace(/[^a-z]/g, '') === b.toLowerCase().replace(/[^a-z]/g, '');
const text = (v) => `${v.product} ${v.vulnerabilityName} ${v.shortDescription}`;

const entries = FILES.flatMap((file) => YAML.parse(fs.readFileSync(file, 'utf8')).firmware.map((entry) => ({ ...entry, file })));

console.log('# Globs that match a model the catalogue names for the vendor under other CVEs only');
for (const entry of entries.filter((e) => e.vendor && e.models)) {
  const ownIds = new Set((entry.vulnerable ?? []).flatMap((range) => range.kev ?? []));
  const ownText = [...ownIds].map((id) => (byId.has(id) ? text(byId.get(id)) : '')).join(' ') + ` ${entry.source}`;
  const ownCodes = new Set(ownText.toUpperCase().match(MODEL_CODE) ?? []);
  const otherCodes = new Set(
    catalogue.vulnerabilities
      .filter((v) => sameVendor(v.vendorProject, entry.vendor) && !ownIds.has(v.cveID))
      .flatMap((v) => text(v).toUpperCase().match(MODEL_CODE) ?? []),
  );
  for (const glob of entry.models) {
    const same = glob.replace(/\*$/, '').toUpperCase();
    const hits = [...otherCodes].filter((code) => code !== same && !ownCodes.has(code) && globRegExp(glob).test(code));
    if (hits.length) console.log(`${entry.id}: "${glob}" also matches ${hits.join(', ')}`);
  }
}

console.log('\n# KEV globs whose * follows a digit: the star can extend the model number into another model (C5* → C50)');
for (const entry of entries.filter((e) => e.models && (e.vulnerable ?? []).some((range) => range.kev))) {
  const open = entry.models.filter((glob) => /\d\*$/.test(glob));
  if (open.length) console.log(`${entry.id}: ${open.join(' ')}`);
}

console.log('\n# KEV ranges without unfixed whose catalogue entry speaks of end of life');
for (const entry of entries) {
  for (const range of entry.vulnerable ?? []) {
    if (range.unfixed) continue;
    for (const id of range.kev ?? []) {
      const v = byId.get(id);
      if (!v) continue;
      const words = `${v.requiredAction} ${v.shortDescription}`;
      if (!/end-of-life|\bEoL\b|end of life/i.test(words)) continue;
      const kind = /could be end-of-life|if the (affected )?device has since entered/i.test(words) ? 'maybe (could be / if)' : 'definite';
      console.log(`${entry.id} ${id}: ${kind}; bounds: ${range.below ? `below ${range.below}` : 'none'}`);
    }
  }
}

console.log('\n# KEV ranges without version bounds whose entry cites the catalogue alone (CVE record not read)');
for (const entry of entries) {
  for (const range of entry.vulnerable ?? []) {
    if (!range.kev || range.below || range.from || range.unfixed) continue;
    if (!/CVE record/i.test(entry.source)) console.log(`${entry.id}: ${range.kev.join(', ')}`);
  }
}
