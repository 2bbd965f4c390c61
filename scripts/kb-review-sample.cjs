// The sampling rule of the independent re-check (docs/knowledge.md, "Independent re-check").
// Pools: the ids of every entry with a `checked` date, sorted by id; firmware pools devices.yaml,
// components.yaml and kev-consumer-brands.yaml together. One mulberry32 stream seeded 20261201
// drives a Fisher-Yates shuffle of each pool in turn (firmware, vendors, credentials); the first
// 12, 8 and 10 ids are the sample. Run: node scripts/kb-review-sample.cjs (on the files of commit fcaf3c0, where the
// sample was drawn: later entries change the pools)
const fs = require('node:fs');
const YAML = require('yaml');

const pool = (files, key) =>
  files
    .flatMap((f) => YAML.parse(fs.readFileSync(f, 'utf8'))[key].filter((e) => e.checked).map((e) => e.id))
    .sort();

let state = 20261201 >>> 0;
function next() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function pick(ids, n) {
  const a = [...ids];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

const firmware = pool(
  ['knowledge/firmware/devices.yaml', 'knowledge/firmware/components.yaml', 'knowledge/firmware/kev-consumer-brands.yaml'],
  'firmware',
);
const vendors = pool(['knowledge/vendors/ecosystems.yaml'], 'vendors');
const credentials = pool(['knowledge/credentials/credentials.yaml'], 'credentials');
console.log(`pools: firmware ${firmware.length}, vendors ${vendors.length}, credentials ${credentials.length}`);
console.log('firmware:', pick(firmware, 12).join(' '));
console.log('vendors:', pick(vendors, 8).join(' '));
console.log('credentials:', pick(credentials, 10).join(' '));
