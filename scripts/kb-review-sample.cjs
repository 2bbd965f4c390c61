// The sampling rules of the independent re-checks (docs/knowledge.md, "Independent re-check").
// Pools: the ids of every entry with a `checked` date, sorted by id; firmware pools devices.yaml,
// components.yaml and kev-consumer-brands.yaml together. One mulberry32 stream seeded with the seed
// drives a Fisher-Yates shuffle of each pool in turn (firmware, vendors, credentials).
//
// First re-check: seed 20261201, the first 12, 8 and 10 ids, on the files of commit fcaf3c0:
//   node scripts/kb-review-sample.cjs --at fcaf3c0
// Second re-check: seed 20261202, 25 firmware ids only, from the firmware pool of commit b27a8ef without the
// first re-check's 12 firmware ids (re-drawn here by the first rule, so no list is copied):
//   node scripts/kb-review-sample.cjs --at b27a8ef --seed 20261202 --firmware-only 25 --exclude-first
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const YAML = require('yaml');

const FIRMWARE_FILES = ['knowledge/firmware/devices.yaml', 'knowledge/firmware/components.yaml', 'knowledge/firmware/kev-consumer-brands.yaml'];
const FIRST = { at: 'fcaf3c0', seed: 20261201, firmware: 12 };

function options(argv) {
  const opts = { at: null, seed: FIRST.seed, firmwareOnly: null, excludeFirst: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--at') opts.at = value();
    else if (arg === '--seed') opts.seed = Number(value());
    else if (arg === '--firmware-only') opts.firmwareOnly = Number(value());
    else if (arg === '--exclude-first') opts.excludeFirst = true;
    else throw new Error(`unknown option ${arg} (options: --at REV, --seed N, --firmware-only N, --exclude-first)`);
  }
  if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  if (opts.firmwareOnly !== null && !(Number.isInteger(opts.firmwareOnly) && opts.firmwareOnly > 0)) {
    throw new Error('--firmware-only must be a positive integer');
  }
  return opts;
}

/** A file's text in the working tree, or at commit `at` (so a draw can be repeated after the files change). */
const read = (file, at) => (at ? execFileSync('git', ['show', `${at}:${file}`], { encoding: 'utf8' }) : fs.readFileSync(file, 'utf8'));

const pool = (files, key, at) =>
  files
    .flatMap((f) => YAML.parse(read(f, at))[key].filter((e) => e.checked).map((e) => e.id))
    .sort();

function stream(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function pick(ids, n, next) {
  const a = [...ids];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

const opts = options(process.argv.slice(2));
const next = stream(opts.seed);
let firmware = pool(FIRMWARE_FILES, 'firmware', opts.at);

if (opts.firmwareOnly !== null) {
  if (opts.excludeFirst) {
    // The first rule's firmware draw comes first in its stream, so it is repeated without drawing the other pools.
    const first = pick(pool(FIRMWARE_FILES, 'firmware', FIRST.at), FIRST.firmware, stream(FIRST.seed));
    console.log(`excluded (first re-check): ${first.join(' ')}`);
    firmware = firmware.filter((id) => !first.includes(id));
  }
  console.log(`pool: firmware ${firmware.length} (at ${opts.at ?? 'working tree'}, seed ${opts.seed})`);
  console.log('firmware:', pick(firmware, opts.firmwareOnly, next).join(' '));
} else {
  const vendors = pool(['knowledge/vendors/ecosystems.yaml'], 'vendors', opts.at);
  const credentials = pool(['knowledge/credentials/credentials.yaml'], 'credentials', opts.at);
  console.log(`pools: firmware ${firmware.length}, vendors ${vendors.length}, credentials ${credentials.length}`);
  console.log('firmware:', pick(firmware, FIRST.firmware, next).join(' '));
  console.log('vendors:', pick(vendors, 8, next).join(' '));
  console.log('credentials:', pick(credentials, 10, next).join(' '));
}
