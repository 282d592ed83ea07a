// Open gazetteers: world places (GeoNames), countries' demonyms, given names and surnames, derived at build time from
// npm packages by scripts/gazetteers.mjs into sorted tab-separated files (sources and licences: NOTICE.md).
//
// Nothing is read until the first lookup of a list, and then only that list. Each list stays as the file's UTF-8
// bytes (a Buffer, outside the JS heap) plus one Uint32Array of line starts, and a lookup is a binary search over the
// lines' first field: about 4 MB for the four lists rather than the tens of MB of a Map of 160k strings.
//
// Where the files are: next to the bundle (dist/gazetteers/, copied by esbuild.mjs and shipped in the .vsix), or
// next to this source (./data/, written by vitest's global setup when a test runs from source without a build).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { remembered as rememberedBy } from "../memo";

export interface PlaceFacts {
  population: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: "country" | "admin" | "city";
}

type ListName = "places" | "demonyms" | "given" | "surnames";

interface List {
  bytes: Buffer;
  /** starts[i] is where line i begins; starts[count] is the end of the data. */
  starts: Uint32Array;
  count: number;
}

const lists = new Map<ListName, List>();
const missing: ListName[] = [];
let loadMs = 0;

function dataDir(): string | undefined {
  const here = typeof __dirname === "string" ? __dirname : undefined;
  const candidates = [
    here && join(here, "gazetteers"), // a bundle in dist/
    here && join(here, "data"), // this source file
    join(process.cwd(), "server/src/engine/entities/gazetteers/data"),
  ];
  return candidates.find((d): d is string => !!d && existsSync(join(d, "places.tsv")));
}

const EMPTY: List = { bytes: Buffer.alloc(0), starts: new Uint32Array(1), count: 0 };

function list(name: ListName): List {
  const loaded = lists.get(name);
  if (loaded) return loaded;
  const started = performance.now();
  let result = EMPTY;
  const dir = dataDir();
  try {
    if (!dir) throw new Error("no gazetteer folder");
    const bytes = readFileSync(join(dir, `${name}.tsv`));
    const n = bytes.length;
    let count = 0;
    for (let i = 0; i < n; i++) if (bytes[i] === 10) count++;
    const starts = new Uint32Array(count + 1);
    for (let i = 0, line = 1; i < n; i++) if (bytes[i] === 10) starts[line++] = i + 1;
    result = { bytes, starts, count };
  } catch {
    missing.push(name); // the engine goes on without this list: every lookup in it misses
  }
  lists.set(name, result);
  loadMs += performance.now() - started;
  return result;
}

const encoder = new TextEncoder();
const key = new Uint8Array(1024);

/** The index of the line whose first field is form, or -1. */
function find(l: List, form: string): number {
  if (l.count === 0 || form.length === 0 || form.length > 300) return -1;
  const { read, written } = encoder.encodeInto(form, key);
  if (read < form.length) return -1;
  const { bytes, starts } = l;
  let lo = 0;
  let hi = l.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    let p = starts[mid]!;
    let j = 0;
    let cmp = 0;
    for (;;) {
      const b = bytes[p]!; // a key never holds a tab, the smallest byte a line's key can end on
      if (b === 9) { cmp = j === written ? 0 : 1; break; }
      if (j === written) { cmp = -1; break; }
      const a = key[j]!;
      if (a !== b) { cmp = a < b ? -1 : 1; break; }
      p++;
      j++;
    }
    if (cmp === 0) return mid;
    if (cmp < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

/** The fields after the key of line i. */
function fields(l: List, i: number): string[] {
  return l.bytes.toString("utf8", l.starts[i], l.starts[i + 1]! - 1).split("\t").slice(1);
}

const KINDS = { c: "country", a: "admin", p: "city" } as const;

/**
 * The engine asks each list about the same capitalised words many times over (the recogniser, the weighing, the
 * demonym test): answers are remembered, up to a bound, misses included.
 */
function remembered<T>(lookup: (form: string) => T): (form: string) => T {
  return rememberedBy(50_000, lookup);
}

/**
 * The place written exactly so (case-sensitive: "Paris", "São Paulo", "Sao Paulo"; a caller may retry an ALL-CAPS
 * word title-cased). Several places share a name: the most populous, and how many places have that name. Countries
 * (by common and official names and listed alternatives: "Holland", "Burma", "UAE"), first-level divisions (their
 * population is the sum of their cities') and cities of 5,000 or more (and every capital), with ASCII spellings.
 */
export const placeFacts = remembered((form: string): (PlaceFacts & { homonyms: number }) | undefined => {
  const l = list("places");
  const i = find(l, form);
  if (i < 0) return undefined;
  const [population, country, kind, homonyms] = fields(l, i);
  return {
    population: Number(population),
    country: country!,
    kind: KINDS[kind as keyof typeof KINDS] ?? "city",
    homonyms: Number(homonyms),
  };
});

/** Plurals are "s" added, except to demonyms that take none ("Chinese", "Swiss", "British", "French", "Kirghiz"). */
const NO_PLURAL = /(?:ese|sh|ch|s|x|z)$/;

/**
 * The country (its common English name) of a demonym: "Israeli" → "Israel", "Filipino" → "Philippines", and the
 * plural "Israelis", "Filipinos". A demonym several territories share ("American", "French") is the most populous
 * one's. Case-sensitive.
 */
export const demonymCountry = remembered((form: string): string | undefined => {
  const l = list("demonyms");
  let i = find(l, form);
  if (i < 0 && form.length > 3 && form.endsWith("s") && !form.endsWith("ss")) {
    const singular = form.slice(0, -1);
    if (!NO_PLURAL.test(singular)) i = find(l, singular);
  }
  return i < 0 ? undefined : fields(l, i)[0];
});

/** A given (first) name, and which sexes bear it in the lists: "Mary" female, "Kim" both. Case-sensitive. */
export const givenName = remembered((form: string): { female: boolean; male: boolean } | undefined => {
  const l = list("given");
  const i = find(l, form);
  if (i < 0) return undefined;
  const sex = fields(l, i)[0] ?? "";
  return { female: sex.includes("F"), male: sex.includes("M") };
});

/**
 * A surname of the 1990 US census (88,799 of them) and its rank by frequency (1 = Smith; "White" 14, "Trump" about
 * 8,600). The census writes "Mcdonald", "Obrien": "McDonald", "O'Brien", "DiMaggio" are found through those forms.
 */
export const surname = remembered((form: string): { rank: number } | undefined => {
  const l = list("surnames");
  let i = find(l, form);
  if (i < 0 && /^\p{Lu}\p{Ll}*['’]?\p{Lu}\p{Ll}/u.test(form)) {
    const flat = form.replace(/['’]/g, "");
    i = find(l, flat[0]! + flat.slice(1).toLowerCase());
  }
  return i < 0 ? undefined : { rank: Number(fields(l, i)[0]) };
});

/**
 * What has been loaded so far (nothing until a lookup; each lookup function loads its own list): entries per list,
 * the milliseconds spent reading and indexing, and the bytes held (data plus line index). missing names a list
 * whose file was not found: its lookups all miss.
 */
export function gazetteerStats(): { entries: Record<string, number>; loadMs: number; bytes: number; missing: string[] } {
  const entries: Record<string, number> = {};
  let bytes = 0;
  for (const [name, l] of lists) {
    if (l === EMPTY) continue;
    entries[name] = l.count;
    bytes += l.bytes.byteLength + l.starts.byteLength;
  }
  return { entries, loadMs, bytes, missing: [...missing] };
}
