// Makers' names from the IEEE MAC registry, for texts that name a maker no table knows ("Thermal Label
// Printer Intermec PM43"). An organisation's first word counts as its name when it is distinctive: not an
// English word, not a place or a word many organisations share ("Shenzhen", "Telecom"), 4 letters or more.

import { normaliseVendor } from './vendor-names.js';

/** More organisations than this starting with one word: a city or a generic word, not one maker. */
const MAX_ORGANISATIONS_PER_NAME = 30;
/** A word seen this often inside other organisations' names is a generic word ("Telecom", "Networks"). */
const MAX_USES_ELSEWHERE = 2;
const MIN_NAME_LENGTH = 4;
const WORD = /[^\p{L}\p{N}&!+-]+/u;
/** Protocol, system and product words some organisation's name starts with: in a device's text they name no maker. */
const TECHNOLOGY_WORDS = new Set(
  'snmp risc isdn freebsd openwrt linux unix uptime turbo infra powernet netcam ipcam webcam upnp dlna onvif docsis gpon wifi zigbee zwave bluetooth ethernet voip android ubuntu debian busybox openssl goahead lighttpd nginx firmware'.split(' '),
);

/** The words of an organisation's name without its legal form ("Arescom, Inc." → ["Arescom"]). */
function nameWords(organisation: string): string[] {
  return normaliseVendor(organisation, []).split(WORD).filter(Boolean);
}

/** The spelling most organisations use, mixed case before capitals ("Intermec" for "INTERMEC CORPORATION"). */
function preferredSpelling(spellings: readonly string[]): string {
  const mixed = spellings.filter((spelling) => spelling !== spelling.toUpperCase());
  const pool = mixed.length > 0 ? mixed : spellings;
  const uses = (spelling: string): number => pool.filter((other) => other === spelling).length;
  const best = [...pool].sort((a, b) => uses(b) - uses(a) || a.localeCompare(b))[0]!;
  return best === best.toUpperCase() && best.length > MIN_NAME_LENGTH ? best[0] + best.slice(1).toLowerCase() : best;
}

/** The distinctive first words of the registry's organisations, sorted; isWord says what is an English word. */
export function registryMakerNames(organisations: Iterable<string>, isWord: (word: string) => boolean): string[] {
  const firstWords = new Map<string, string[]>();
  const uses = new Map<string, number>();
  for (const organisation of new Set(organisations)) {
    const words = nameWords(organisation);
    const first = words[0];
    if (!first) continue;
    firstWords.set(first.toLowerCase(), [...(firstWords.get(first.toLowerCase()) ?? []), first]);
    for (const word of new Set(words.map((each) => each.toLowerCase()))) uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  const names: string[] = [];
  for (const [key, spellings] of firstWords) {
    if (key.length < MIN_NAME_LENGTH || !/\p{L}/u.test(key) || /^[\p{N}-]/u.test(key)) continue;
    if (isWord(key) || isWord(key.replace(/[-&!+]/g, '')) || TECHNOLOGY_WORDS.has(key.replace(/[-&!+]/g, ''))) continue;
    if (spellings.length > MAX_ORGANISATIONS_PER_NAME || (uses.get(key) ?? 0) - spellings.length > MAX_USES_ELSEWHERE) continue;
    names.push(preferredSpelling(spellings));
  }
  return names.sort((a, b) => a.localeCompare(b, 'en'));
}

/** Splits a free text into the words a registry name may be. */
export function textWords(text: string): string[] {
  return text.split(WORD).filter(Boolean);
}
