// An entity's timeline across the folder: every sentence that names it, dated by a date expression of its own or
// else by its article's date (said as such), in date order; and the pairs of sentences from different articles that
// tell the same thing — the same other names, mostly the same words — with different dates of their own, which a
// fact-checker wants to see side by side.
//
// Offsets only: the corpus keeps no text. The sentences' words, needed for the "dates differ" check alone, come from
// `text(uri)`, asked only for the few sentences that could pair up (the caller makes it cheap to ask again).
import type { Span } from "../engine";
import { calendarNumber, calendarString } from "./calendar";
import type { Corpus } from "./index";
import { MENTION_FIELDS, type ArticleRecord } from "./record";

/** Where an entry's date comes from: a date expression in the sentence, or the article's own date. */
export type TimelineDateSource = "sentence" | "article";

/** A sentence of an article and the date it is placed at. */
export interface DatedSentence {
  uri: string;
  /** The sentence, as offsets into the article's text. */
  sentence: Span;
  /** A calendar value: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
}

export interface TimelineEntry extends DatedSentence {
  dateSource: TimelineDateSource;
  /** The date expression the value comes from (a sentence's own date only). */
  timex?: Span;
  /** The entity's mentions in the sentence. */
  mentions: Span[];
  /** The other entities named in the sentence (corpus ids), in text order. */
  coMentioned: string[];
  /** Every name in the sentence, this entity's included: left out when sentences' words are compared. */
  names: Span[];
  /** Sentences of other articles that tell the same with a different date of their own. */
  differs: DatedSentence[];
}

export interface Timeline {
  id: string;
  /** Dated sentences in all. */
  total: number;
  /** Sentences per month ("2023-06"; a date known to the year alone counts as "2023"), in date order, over all. */
  months: { month: string; count: number }[];
  /** `limit` entries from the `offset`th in date order (then corpus order, then text order). */
  entries: TimelineEntry[];
}

/** The most sentences whose words are compared for "dates differ" (each may need its article's text read). */
const COMPARED_LIMIT = 300;
/** Two sentences tell the same thing when at least this share of their content words is common (Jaccard). */
const SAME_WORDS = 0.5;

/** An article naming the entity, as the timeline reads it. */
interface Source {
  uri: string;
  record: ArticleRecord;
  ids: readonly string[];
  /** The numbers of the entity's mentions in the record, in text order. */
  indexes: number[];
}

/**
 * The timeline of entity `id`. Every dated sentence is counted and ordered as numbers (an entity named in 10,000
 * articles has tens of thousands); entries are made for the page asked for alone, and the "dates differ" check looks
 * only at the sentences those could pair with.
 */
export function timelineOf(corpus: Corpus, id: string, text: (uri: string) => string | undefined, limit = Infinity, offset = 0): Timeline {
  const sources: Source[] = [];
  const rows = new Rows();
  for (const { uri, record, indexes } of corpus.mentionIndexes(id)) {
    const { sentences, mentions } = record;
    const articleDate = calendarNumber(record.dct.value ?? undefined);
    let n = -1;
    let s = 0;
    let open = -1; // the sentence of the row last added for this article, while its mentions continue
    for (let k = 0; k < indexes.length; k++) {
      const start = mentions[indexes[k]! * MENTION_FIELDS]!;
      const end = mentions[indexes[k]! * MENTION_FIELDS + 1]!;
      while (s * 2 < sentences.length && sentences[s * 2 + 1]! < end) s++;
      if (s * 2 >= sentences.length) break;
      if (sentences[s * 2]! > start) continue; // outside every sentence (a dateline, say)
      if (s === open) {
        rows.extend(k + 1); // one more mention in the same sentence
        continue;
      }
      // The record keeps each date expression's calendar value: no dates are parsed here.
      const t = firstDatedWithin(record.timexSpans, record.timexDates, sentences[s * 2]!, sentences[s * 2 + 1]!);
      const date = t < 0 ? articleDate : record.timexDates[t]!;
      if (date < 0) continue; // neither the sentence nor its article says when
      if (n < 0) n = sources.push({ uri, record, ids: corpus.entityIds(uri) ?? [], indexes }) - 1;
      rows.add(n, s, k, k + 1, date, t);
      open = s;
    }
  }
  const order = rows.byDate();

  const made = new Map<number, TimelineEntry>();
  const entryOf = (row: number): TimelineEntry => {
    let entry = made.get(row);
    if (!entry) made.set(row, (entry = makeEntry(sources[rows.get(row, SOURCE)]!, rows.get(row, SENTENCE), rows.get(row, FROM), rows.get(row, TO), rows.get(row, TIMEX), rows.get(row, DATE), id)));
    return entry;
  };
  const page = Array.from(order.subarray(offset, offset + limit), entryOf);
  const candidates = {
    rows: order.filter((row) => rows.get(row, TIMEX) >= 0),
    signature: (row: number, known: Set<string>) => signatureOf(sources[rows.get(row, SOURCE)]!, rows.get(row, SENTENCE), id, known),
    entry: entryOf,
  };
  markDifferingDates(page, candidates, text);
  return { id, total: order.length, months: perMonth(Array.from(order, (row) => rows.get(row, DATE))), entries: page };
}

// A row's fields: its source, sentence number, the entity's mentions in it (from–to in the source's `indexes`),
// its date (a calendar number) and own date expression (or -1).
const SOURCE = 0;
const SENTENCE = 1;
const FROM = 2;
const TO = 3;
const DATE = 4;
const TIMEX = 5;
const ROW_FIELDS = 6;

/** One row per dated sentence, all numbers in one growing Int32Array: no object per sentence or mention. */
class Rows {
  private data = new Int32Array(ROW_FIELDS * 1024);
  length = 0;

  add(source: number, sentence: number, from: number, to: number, date: number, timex: number): void {
    if ((this.length + 1) * ROW_FIELDS > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.length++ * ROW_FIELDS;
    this.data[at + SOURCE] = source;
    this.data[at + SENTENCE] = sentence;
    this.data[at + FROM] = from;
    this.data[at + TO] = to;
    this.data[at + DATE] = date;
    this.data[at + TIMEX] = timex;
  }

  /** The last row's mentions now end at `to`. */
  extend(to: number): void {
    this.data[(this.length - 1) * ROW_FIELDS + TO] = to;
  }

  get(row: number, field: number): number {
    return this.data[row * ROW_FIELDS + field]!;
  }

  /**
   * Row numbers by date, then row number (stable): each row's key is date × 2²¹ + row, sorted as numbers without a
   * comparator (tens of thousands of rows: a comparator function was most of the sort's cost).
   */
  byDate(): Int32Array {
    const SLOTS = 2 ** 21;
    const order = new Int32Array(this.length);
    if (this.length >= SLOTS) return order.map((_, i) => i).sort((a, b) => this.get(a, DATE) - this.get(b, DATE) || a - b);
    const keys = new Float64Array(this.length);
    for (let row = 0; row < this.length; row++) keys[row] = this.get(row, DATE) * SLOTS + row;
    keys.sort();
    for (let i = 0; i < keys.length; i++) order[i] = keys[i]! % SLOTS;
    return order;
  }
}

/**
 * The other entities of sentence `s`, sorted and joined: sentences that could tell the same share it. Undefined as
 * soon as one is not `known` (no sentence shown names it: this one cannot pair with any).
 */
function signatureOf(source: Source, s: number, id: string, known: Set<string>): string | undefined {
  const { record, ids } = source;
  const others: string[] = [];
  let pairable = true;
  eachNameWithin(record, record.sentences[s * 2]!, record.sentences[s * 2 + 1]!, (at) => {
    const other = ids[record.mentions[at + 2]!];
    if (other === undefined || other === id || others.includes(other)) return true;
    if (!known.has(other)) return (pairable = false);
    others.push(other);
    return true;
  });
  return pairable ? others.sort().join("\u0000") : undefined;
}

function makeEntry(source: Source, s: number, from: number, to: number, t: number, date: number, id: string): TimelineEntry {
  const { record, ids, uri } = source;
  const sentence = { start: record.sentences[s * 2]!, end: record.sentences[s * 2 + 1]! };
  // Every name in the sentence, read off the record's mention array (no mention objects made).
  const names: Span[] = [];
  const others = new Set<string>();
  eachNameWithin(record, sentence.start, sentence.end, (at) => {
    names.push({ start: record.mentions[at]!, end: record.mentions[at + 1]! });
    const other = ids[record.mentions[at + 2]!];
    if (other !== undefined && other !== id) others.add(other);
    return true;
  });
  return {
    uri,
    sentence,
    date: calendarString(date)!,
    dateSource: t < 0 ? "article" : "sentence",
    ...(t < 0 ? {} : { timex: { start: record.timexSpans[t * 2]!, end: record.timexSpans[t * 2 + 1]! } }),
    mentions: source.indexes.slice(from, to).map((i) => ({ start: record.mentions[i * MENTION_FIELDS]!, end: record.mentions[i * MENTION_FIELDS + 1]! })),
    coMentioned: [...others],
    names,
    differs: [],
  };
}

/** Counts per month of calendar numbers in order (YYYYMMDD; a year alone, YYYY0000, is its own "month"). */
function perMonth(dates: readonly number[]): Timeline["months"] {
  const months: Timeline["months"] = [];
  let last = -1;
  for (const date of dates) {
    const month = Math.floor(date / 100);
    if (month === last) months.at(-1)!.count++;
    else months.push({ month: calendarString(month * 100)!, count: 1 });
    last = month;
  }
  return months;
}

/**
 * Hands `visit` the position in `record.mentions` of each mention lying wholly between `start` and `end`, in text
 * order, until it returns false.
 */
function eachNameWithin(record: ArticleRecord, start: number, end: number, visit: (at: number) => boolean): void {
  const m = record.mentions;
  for (let at = firstMentionFrom(m, start) * MENTION_FIELDS; at < m.length && m[at]! < end; at += MENTION_FIELDS) {
    if (m[at + 1]! <= end && !visit(at)) return;
  }
}

/** The first mention (number) starting at or after `offset`: mentions are in text order. */
function firstMentionFrom(mentions: Int32Array, offset: number): number {
  let lo = 0;
  let hi = mentions.length / MENTION_FIELDS;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid * MENTION_FIELDS]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first date expression between `start` and `end` that has a calendar value (its number), or -1. */
function firstDatedWithin(spans: Int32Array, dates: Int32Array, start: number, end: number): number {
  for (let i = 0; i < dates.length; i++) {
    if (spans[i * 2]! >= end) break;
    if (spans[i * 2]! >= start && spans[i * 2 + 1]! <= end && dates[i]! >= 0) return i;
  }
  return -1;
}

/**
 * Marks, on the entries shown, the sentences of other articles that name the same other entities and share most
 * content words, with dates of their own that disagree (neither a prefix of the other: "2023-06" and "2023-06-18"
 * agree). `candidates` are every sentence with a date of its own, made into entries only when they could pair.
 */
function markDifferingDates(
  page: TimelineEntry[],
  candidates: { rows: Iterable<number>; signature: (row: number, known: Set<string>) => string | undefined; entry: (row: number) => TimelineEntry },
  text: (uri: string) => string | undefined,
): void {
  const signature = (e: TimelineEntry) => [...e.coMentioned].sort().join("\u0000");
  const pairable = page.filter((e) => e.dateSource === "sentence" && e.coMentioned.length > 0);
  if (pairable.length === 0) return;
  const wanted = new Set(pairable.map(signature));
  const known = new Set(pairable.flatMap((e) => e.coMentioned));
  const groups = new Map<string, TimelineEntry[]>();
  for (const row of candidates.rows) {
    const key = candidates.signature(row, known);
    if (key === undefined || !wanted.has(key)) continue;
    const group = groups.get(key);
    if (group) group.push(candidates.entry(row));
    else groups.set(key, [candidates.entry(row)]);
  }
  const words = new Map<TimelineEntry, Set<string>>();
  const wordsOf = (e: TimelineEntry): Set<string> | undefined => {
    if (!words.has(e)) {
      if (words.size >= COMPARED_LIMIT) return undefined; // enough read: a sentence copied far and wide
      const body = text(e.uri)?.slice(e.sentence.start, e.sentence.end);
      const skip = [...e.names, ...(e.timex ? [e.timex] : [])].map((s) => ({ start: s.start - e.sentence.start, end: s.end - e.sentence.start }));
      words.set(e, body === undefined ? new Set() : contentWords(body, skip));
    }
    return words.get(e);
  };
  for (const a of page) {
    if (a.dateSource !== "sentence" || a.coMentioned.length === 0) continue;
    for (const b of groups.get(signature(a)) ?? []) {
      if (a.uri === b.uri || !datesDisagree(a.date, b.date)) continue;
      const wa = wordsOf(a);
      const wb = wa && wordsOf(b);
      if (!wa || !wb || jaccard(wa, wb) < SAME_WORDS) continue;
      a.differs.push({ uri: b.uri, sentence: b.sentence, date: b.date });
    }
  }
}

function datesDisagree(a: string, b: string): boolean {
  return !a.startsWith(b) && !b.startsWith(a);
}

/**
 * Words that carry meaning, lowercased: not the names or the date (cut out by `skip`: sentences compared already
 * name the same entities), not function words.
 */
export function contentWords(sentence: string, skip: readonly Span[] = []): Set<string> {
  let kept = sentence;
  for (const s of skip) if (s.start >= 0 && s.end <= kept.length) kept = kept.slice(0, s.start) + " ".repeat(s.end - s.start) + kept.slice(s.end);
  const out = new Set<string>();
  for (const match of kept.toLowerCase().matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const word = match[0].replace(/['’]s$/, "");
    if (word.length > 2 && !FUNCTION_WORDS.has(word)) out.add(word);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

const FUNCTION_WORDS = new Set(
  (
    "the and for but nor yet with from into onto upon about above after again against all also among any are around " +
    "because been before being below between both can could did does doing down during each few further had has have " +
    "having her here hers herself him himself his how its itself just more most not now off once only other our ours " +
    "out over own same she should some such than that their theirs them themselves then there these they this those " +
    "through too under until very was were what when where which while who whom why will would you your yours " +
    "said says say told according"
  ).split(" "),
);
