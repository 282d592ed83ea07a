// What the corpus keeps of an article's analysis, and how it is stored. An analysis as the engine returns it is
// tens of thousands of small objects per hundred articles (29 KB an article: 290 MB of heap at 10,000 articles, and
// a warm start that parsed all of it). The record keeps as objects only what identity across articles reads for
// every article (the entities) and what every answer shows (date, headline, notices); positions are typed arrays
// (mentions, line starts, sentences, where the dates are and their calendar values, which a timeline sorts by); the
// rest (dates in full, front matter, boilerplate) is UTF-8 JSON, parsed when a question about that article needs it.
//
// The same record is what worker threads send (its bytes, transferred, not copied) and what the cache stores:
// `encodeRecord` / `decodeRecord`. Typed arrays are written in the machine's byte order: the cache is per machine.
// A decoded record's entities stay UTF-8 JSON until first read: a warm start of 10,000 articles parsed 470,000 of
// them (1.2 s with the collections it caused), and a restored folder reads them only for the articles asked about.
import type { ArticleAnalysis, ArticleDate, ArticleEntity, ArticleLayout, EntityType, Mention, Span, Timex } from "../engine";
import { calendarNumber, calendarValue } from "./calendar";

export interface ArticleRecord {
  depth: ArticleAnalysis["depth"];
  dct: ArticleDate;
  notices: string[];
  headline: ArticleLayout["headline"];
  bodyStart: number;
  entities: ArticleEntity[];
  /** MENTION_FIELDS numbers per mention, in text order: start, end, entity, type (TYPE_CODES), surface form. */
  mentions: Int32Array;
  /** Offset where each line starts (see ArticleLayout.lineStarts). */
  lineStarts: Int32Array;
  /** Start and end of each sentence, in order. */
  sentences: Int32Array;
  /** Start and end of each time expression, in order: where dates are, without parsing `details`. */
  timexSpans: Int32Array;
  /** Each time expression's calendar value as a number (corpus/calendar.ts; -1 for none): what a timeline sorts by. */
  timexDates: Int32Array;
  /** `ArticleDetails` as UTF-8 JSON. */
  details: Uint8Array;
  /**
   * A mention's surface form is one of its entity's aliases (the engine lists every form it used); a form that is
   * not (never seen, but not ruled out) is kept here, numbered after the aliases.
   */
  otherForms?: string[];
}

/** The parts of an analysis a record keeps as JSON, for the questions about one article. */
export interface ArticleDetails {
  timexes: Timex[];
  bom: number;
  frontMatter: ArticleLayout["frontMatter"];
  boilerplate: ArticleLayout["boilerplate"];
  authors: ArticleLayout["authors"];
}

export const MENTION_FIELDS = 5;
const TYPE_CODES: readonly EntityType[] = ["person", "place", "organization", "other"];

/** What the record's bytes hold as JSON ahead of the typed arrays (the entities follow them, as JSON of their own). */
interface Head {
  depth: ArticleRecord["depth"];
  dct: ArticleDate;
  notices: string[];
  headline: ArticleRecord["headline"];
  bodyStart: number;
  /** How many entities the entities' JSON holds: mentions are checked against it without parsing them. */
  entityCount: number;
  otherForms?: string[];
}

export function recordOf(analysis: ArticleAnalysis): ArticleRecord {
  const { layout } = analysis;
  const otherForms: string[] = [];
  const mentions = new Int32Array(analysis.mentions.length * MENTION_FIELDS);
  analysis.mentions.forEach((m, i) => {
    const aliases = analysis.entities[m.entity]?.aliases ?? [];
    let form = aliases.indexOf(m.text);
    if (form < 0) {
      let extra = otherForms.indexOf(m.text);
      if (extra < 0) extra = otherForms.push(m.text) - 1;
      form = aliases.length + extra;
    }
    mentions.set([m.start, m.end, m.entity, TYPE_CODES.indexOf(m.type), form], i * MENTION_FIELDS);
  });
  const details: ArticleDetails = {
    timexes: analysis.timexes,
    bom: layout.bom,
    frontMatter: layout.frontMatter,
    boilerplate: layout.boilerplate,
    authors: layout.authors,
  };
  const record: ArticleRecord = {
    depth: analysis.depth,
    dct: analysis.dct,
    notices: analysis.notices,
    headline: layout.headline,
    bodyStart: layout.bodyStart,
    entities: analysis.entities,
    mentions,
    lineStarts: Int32Array.from(layout.lineStarts),
    sentences: spans(layout.sentences),
    timexSpans: spans(analysis.timexes),
    timexDates: Int32Array.from(analysis.timexes, (t) => calendarNumber(calendarValue(t))),
    details: utf8(JSON.stringify(details)),
  };
  if (otherForms.length > 0) record.otherForms = otherForms;
  return record;
}

/** The record's mention `i` as the engine gave it. */
export function mentionOf(record: ArticleRecord, i: number): Mention {
  const at = i * MENTION_FIELDS;
  const m = record.mentions;
  const entity = m[at + 2]!;
  const aliases = record.entities[entity]!.aliases;
  const form = m[at + 4]!;
  const text = form < aliases.length ? aliases[form]! : record.otherForms![form - aliases.length]!;
  return { start: m[at]!, end: m[at + 1]!, text, type: TYPE_CODES[m[at + 3]!]!, entity };
}

/** Where the record's mention `i` is, without its text or type (a list of 60,000 locations needs no more). */
export function mentionSpan(record: ArticleRecord, i: number): Span {
  return { start: record.mentions[i * MENTION_FIELDS]!, end: record.mentions[i * MENTION_FIELDS + 1]! };
}

export function mentionCount(record: ArticleRecord): number {
  return record.mentions.length / MENTION_FIELDS;
}

export function detailsOf(record: ArticleRecord): ArticleDetails {
  return JSON.parse(text(record.details)) as ArticleDetails;
}

/** The analysis a record was made from (the CLI's report, tests). */
export function analysisOf(record: ArticleRecord, details = detailsOf(record)): ArticleAnalysis {
  return {
    engineVersion: "",
    depth: record.depth,
    layout: {
      bom: details.bom,
      frontMatter: details.frontMatter,
      bodyStart: record.bodyStart,
      headline: record.headline,
      sentences: pairs(record.sentences),
      boilerplate: details.boilerplate,
      authors: details.authors,
      lineStarts: [...record.lineStarts],
    },
    dct: record.dct,
    entities: record.entities,
    mentions: Array.from({ length: mentionCount(record) }, (_, i) => mentionOf(record, i)),
    timexes: details.timexes,
    notices: record.notices,
  };
}

// ── bytes ────────────────────────────────────────────────────────────────────────────────────────────────────
// A record is: the head (u32 length, UTF-8 JSON, zero padding to 4 bytes), five typed arrays (u32 count, then the
// numbers), the details (u32 length, UTF-8 JSON) and the entities (u32 length, u32 FNV-1a checksum, UTF-8 JSON).
// The checksum stands in for the check a parse would make: a damaged entry is refused when it is read, not when
// its entities are first asked for, in the middle of an answer.

/** The entities' JSON of a decoded record and how many it holds, until they are parsed (then the objects are the only copy). */
const unparsed = new WeakMap<ArticleRecord, { json: Uint8Array; count: number }>();

/** The record's entities as the UTF-8 JSON the record's bytes hold: what identity's fingerprint hashes, too. */
export function entityBytes(record: ArticleRecord): Uint8Array {
  return unparsed.get(record)?.json ?? utf8(JSON.stringify(record.entities));
}

/** How many entities the record has, without parsing them. */
export function countEntities(record: ArticleRecord): number {
  return unparsed.get(record)?.count ?? record.entities.length;
}

/** Whether the record's entities are still the JSON it was decoded from. */
export function entitiesUnread(record: ArticleRecord): boolean {
  return unparsed.has(record);
}

export function encodeRecord(record: ArticleRecord): Uint8Array {
  const parts = recordParts(record);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * The record's bytes as pieces whose concatenation is `encodeRecord`'s result: the typed arrays and the details
 * are views, not copies, so the cache writes 10,000 records without allocating them again.
 */
export function recordParts(record: ArticleRecord): Uint8Array[] {
  const entities = entityBytes(record);
  const head: Head = {
    depth: record.depth,
    dct: record.dct,
    notices: record.notices,
    headline: record.headline,
    bodyStart: record.bodyStart,
    entityCount: countEntities(record),
    ...(record.otherForms && { otherForms: record.otherForms }),
  };
  const json = utf8(JSON.stringify(head));
  const headPart = new Uint8Array(4 + padded(json.length));
  new DataView(headPart.buffer).setUint32(0, json.length, true);
  headPart.set(json, 4);
  const parts: Uint8Array[] = [headPart];
  for (const array of [record.mentions, record.lineStarts, record.sentences, record.timexSpans, record.timexDates]) {
    parts.push(u32(array.length), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  parts.push(u32(record.details.length), record.details);
  parts.push(u32(entities.length), u32(checksum(entities)), entities);
  return parts;
}

function u32(n: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n, true);
  return bytes;
}

/** 32-bit FNV-1a: 70 ms over the 54 MB of entities of 10,000 articles. */
function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

/**
 * The record in `bytes` (a cache entry, a worker's reply). Everything is copied out, so the bytes (a view into a
 * whole cache file, say) are not kept alive by it — except, with `into.entities` "borrow", the entities' JSON, left a
 * view until they are parsed: a warm start then copies 51 MB less, and the cache files are let go once the server has
 * read every article's entities (it does when idle). Throws on anything that is not a well-formed record. Its
 * entities are parsed (and checked against its mentions) when first read.
 */
export function decodeRecord(bytes: Uint8Array, into: RecordCopies = {}): ArticleRecord {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, n: number) => {
    if (at + n > bytes.length) throw new Error("truncated record");
  };
  need(0, 4);
  const headBytes = view.getUint32(0, true);
  need(4, headBytes);
  const head = JSON.parse(text(bytes.subarray(4, 4 + headBytes))) as Head;
  checkHead(head);
  const start = 4 + padded(headBytes);
  need(start, 0);
  // Where the parts are, read before anything is copied. The numbers and the details are then copied out in one
  // piece, the record's arrays being views into that copy, and the entities' JSON in another, let go once parsed:
  // nothing keeps `bytes` (a whole cache file, a worker's reply) alive. (A Node Buffer's `slice` is a view, not a
  // copy: details sliced from a cache file kept all 127 MB of a 10,000-article cache.)
  let at = start;
  const u32At = (): number => {
    need(at, 4);
    const n = view.getUint32(at, true);
    at += 4;
    return n;
  };
  const arrays: [offset: number, count: number][] = [];
  for (let i = 0; i < 5; i++) {
    const count = u32At();
    need(at, count * 4);
    arrays.push([at - start, count]);
    at += count * 4;
  }
  const detailsLength = u32At();
  need(at, detailsLength);
  const detailsAt = at - start;
  at += detailsLength;
  const copy = (part: Uint8Array, slab: Slab | undefined) => (slab ? slab.copy(part) : new Uint8Array(part));
  const region = copy(bytes.subarray(start, at), into.numbers);
  const entitiesLength = u32At();
  const sum = u32At();
  need(at, entitiesLength);
  const entityPart = bytes.subarray(at, at + entitiesLength);
  const entities = into.entities === "borrow" ? entityPart : copy(entityPart, into.entities);
  if (checksum(entities) !== sum) throw new Error("damaged record (checksum)");
  const [mentions, lineStarts, sentences, timexSpans, timexDates] = arrays.map(([offset, count]) => new Int32Array(region.buffer, region.byteOffset + offset, count)) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const details = region.subarray(detailsAt, detailsAt + detailsLength);
  const record = withLazyEntities(
    { depth: head.depth, dct: head.dct, notices: head.notices, headline: head.headline, bodyStart: head.bodyStart, mentions, lineStarts, sentences, timexSpans, timexDates, details },
    entities,
    head.entityCount,
  );
  if (head.otherForms) record.otherForms = head.otherForms;
  checkMentions(record, head.entityCount);
  return record;
}

/** Where `decodeRecord` puts its copies: by default each in a buffer of its own. */
export interface RecordCopies {
  /** The numbers and the details (what the record keeps as long as it lives). */
  numbers?: Slab;
  /** The entities' JSON (let go once parsed), or "borrow": a view into the decoded bytes, not a copy. */
  entities?: Slab | "borrow";
}

/**
 * Copies packed into large buffers, so that copies let go of together give their memory back together. Thousands of
 * small buffers freed at once (every entities' JSON parsed by a resolution, a cold run's first-pass records replaced
 * by full ones) left holes in the allocator's heap that the process kept: ~70 MB at 10,000 articles. A slab is
 * larger than the size above which glibc maps an allocation on its own (32 MB at most), so it is unmapped when the
 * last copy in it is let go; pages never written are never resident.
 */
export class Slab {
  /**
   * The slab being filled: held strongly while copies keep coming, then only weakly (once every copy in it is let
   * go, nothing keeps it). Held weakly all along, a slab whose copies died at once (a small folder's entities parsed
   * as each article arrives) was dropped and another 33 MB one begun for the next copy: V8 counts each towards its
   * external memory, and collected the whole heap again and again.
   */
  private current: WeakRef<ArrayBuffer> | undefined;
  private strong: ArrayBuffer | undefined;
  private used = 0;
  private lastCopy = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly bytes = SLAB_BYTES, private readonly holdMs = SLAB_HOLD_MS) {}

  /** A copy of `part` in the current slab, at a multiple of 8 (typed arrays are laid over it). */
  copy(part: Uint8Array): Uint8Array {
    if (part.length > this.bytes / 4) return new Uint8Array(part);
    let buffer = this.strong ?? this.current?.deref();
    if (!buffer || this.used + part.length > buffer.byteLength) {
      buffer = new ArrayBuffer(this.bytes);
      this.current = new WeakRef(buffer);
      this.used = 0;
    }
    this.hold(buffer);
    const out = new Uint8Array(buffer, this.used, part.length);
    out.set(part);
    this.used += (part.length + 7) & ~7;
    return out;
  }

  /** Lets the current slab be held only by its copies (also done by itself once copies stop for `holdMs`). */
  release(): void {
    this.strong = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private hold(buffer: ArrayBuffer): void {
    this.strong = buffer;
    this.lastCopy = performance.now();
    if (this.timer) return;
    const check = () => {
      const idle = performance.now() - this.lastCopy;
      if (idle >= this.holdMs) this.release();
      else (this.timer = setTimeout(check, this.holdMs - idle)).unref();
    };
    (this.timer = setTimeout(check, this.holdMs)).unref();
  }
}
/** How long a slab is held after its last copy. */
const SLAB_HOLD_MS = 2_000;
const SLAB_BYTES = 33 * 1024 * 1024;

/**
 * The record with an `entities` property that parses `json` when first read. Made apart from `decodeRecord` so that
 * the getter's closure holds the JSON alone (and lets it go once parsed), not the bytes the record was decoded from.
 */
function withLazyEntities(fields: Omit<ArticleRecord, "entities">, json: Uint8Array, count: number): ArticleRecord {
  let parsed: ArticleEntity[] | undefined;
  const record: ArticleRecord = {
    ...fields,
    get entities(): ArticleEntity[] {
      if (!parsed) {
        parsed = JSON.parse(text(unparsed.get(record)!.json)) as ArticleEntity[];
        checkEntities(record, parsed, count);
        unparsed.delete(record);
      }
      return parsed;
    },
  };
  unparsed.set(record, { json, count });
  return record;
}

function checkHead(head: Head): void {
  const ok =
    !!head &&
    (head.depth === "full" || head.depth === "quick") &&
    !!head.dct &&
    Array.isArray(head.notices) &&
    Number.isInteger(head.entityCount) &&
    head.entityCount >= 0 &&
    typeof head.bodyStart === "number" &&
    (head.otherForms === undefined || Array.isArray(head.otherForms));
  if (!ok) throw new Error("not an article record");
}

/** Mentions of entities the record has, of known types; their surface forms are checked with the entities. */
function checkMentions(record: ArticleRecord, entityCount: number): void {
  const m = record.mentions;
  if (m.length % MENTION_FIELDS !== 0 || record.sentences.length % 2 !== 0 || record.timexSpans.length % 2 !== 0 || record.timexDates.length * 2 !== record.timexSpans.length) {
    throw new Error("not an article record");
  }
  for (let at = 0; at < m.length; at += MENTION_FIELDS) {
    if (m[at + 2]! < 0 || m[at + 2]! >= entityCount || m[at + 3]! < 0 || m[at + 3]! >= TYPE_CODES.length || m[at + 4]! < 0) throw new Error("a mention of no entity");
  }
}

function checkEntities(record: ArticleRecord, entities: ArticleEntity[], count: number): void {
  const ok =
    Array.isArray(entities) &&
    entities.length === count &&
    entities.every((e) => !!e && typeof e.name === "string" && Array.isArray(e.aliases) && Array.isArray(e.roles) && TYPE_CODES.includes(e.type));
  if (!ok) throw new Error("not an article record");
  const m = record.mentions;
  for (let at = 0; at < m.length; at += MENTION_FIELDS) {
    if (m[at + 4]! >= entities[m[at + 2]!]!.aliases.length + (record.otherForms?.length ?? 0)) throw new Error("a mention of no entity");
  }
}

const padded = (n: number) => (n + 3) & ~3;

// Node's Buffer codecs: a third faster than TextEncoder/TextDecoder on the 10,000 records of a warm start.
// A small Buffer is a slice of a shared 8 KB slab: copied out, so a record never keeps a slab alive.
const utf8 = (s: string): Uint8Array => {
  const bytes = Buffer.from(s, "utf8");
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
};
const text = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

function spans(list: readonly Span[]): Int32Array {
  const out = new Int32Array(list.length * 2);
  list.forEach((s, i) => out.set([s.start, s.end], i * 2));
  return out;
}

function pairs(array: Int32Array): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < array.length; i += 2) out.push({ start: array[i]!, end: array[i + 1]! });
  return out;
}
