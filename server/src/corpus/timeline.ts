// An entity's timeline across the folder: every sentence that names it, dated by a date expression of its own or
// else by its article's date (said as such), in date order; and the pairs of sentences from different articles that
// tell the same thing — the same other names, mostly the same words — with different dates of their own, which a
// fact-checker wants to see side by side.
//
// Offsets only: the corpus keeps no text. The sentences' words, needed for the "dates differ" check alone, come from
// `text(uri)`, asked only for the few sentences that could pair up.
import type { Span, Timex } from "../engine";
import type { Corpus } from "./index";
import { detailsOf, MENTION_FIELDS } from "./record";

/** Where an entry's date comes from: a date expression in the sentence, or the article's own date. */
export type TimelineDateSource = "sentence" | "article";

export interface TimelineEntry {
  uri: string;
  /** The sentence, as offsets into the article's text. */
  sentence: Span;
  /** A calendar value: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  dateSource: TimelineDateSource;
  /** The date expression the value comes from (a sentence's own date only). */
  timex?: Span & { text: string };
  /** The entity's mentions in the sentence. */
  mentions: Span[];
  /** The other entities named in the sentence (corpus ids), in text order. */
  coMentioned: string[];
  /** Every name in the sentence, this entity's included: left out when sentences' words are compared. */
  names: Span[];
  /** Entries of other articles that tell the same with a different date of their own (indexes into `entries`). */
  differs: number[];
}

export interface Timeline {
  id: string;
  /** Every entry, in date order (then corpus order, then text order). */
  entries: TimelineEntry[];
}

/** The most sentences whose words are compared for "dates differ" (each may need its article's text). */
const COMPARED_LIMIT = 2_000;
/** Two sentences tell the same thing when at least this share of their content words is common (Jaccard). */
const SAME_WORDS = 0.5;

export function timelineOf(corpus: Corpus, id: string, text: (uri: string) => string | undefined): Timeline {
  const entries: TimelineEntry[] = [];
  for (const { uri, mentions } of corpus.articlesMentioning(id)) {
    const record = corpus.article(uri);
    if (!record) continue;
    const own = bySentence(record.sentences, mentions);
    if (own.size === 0) continue;
    // The dates in full are parsed only for an article whose naming sentences hold a date expression.
    let timexes: Timex[] | undefined;
    for (const [s, spans] of own) {
      const sentence = { start: record.sentences[s * 2]!, end: record.sentences[s * 2 + 1]! };
      if (!timexes && hasSpanWithin(record.timexSpans, sentence)) timexes = detailsOf(record).timexes;
      const timex = timexes?.find((t) => t.start >= sentence.start && t.end <= sentence.end && calendarValue(t) !== undefined);
      const date = timex ? calendarValue(timex)! : record.dct.value;
      if (!date) continue; // neither the sentence nor its article says when
      // Every name in the sentence, read off the record's mention array (no mention objects made).
      const named: Span[] = [];
      const others = new Set<string>();
      for (let i = firstMentionFrom(record.mentions, sentence.start); i * MENTION_FIELDS < record.mentions.length; i++) {
        const at = i * MENTION_FIELDS;
        const start = record.mentions[at]!;
        const end = record.mentions[at + 1]!;
        if (start >= sentence.end) break;
        if (end > sentence.end) continue;
        named.push({ start, end });
        const other = corpus.idOf(uri, record.mentions[at + 2]!);
        if (other !== undefined && other !== id) others.add(other);
      }
      const coMentioned = [...others];
      entries.push({
        uri,
        sentence,
        date,
        dateSource: timex ? "sentence" : "article",
        ...(timex ? { timex: { start: timex.start, end: timex.end, text: timex.text } } : {}),
        mentions: spans,
        coMentioned,
        names: named,
        differs: [],
      });
    }
  }
  // Stable: entries were made in corpus order, then text order.
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  markDifferingDates(entries, text);
  return { id, entries };
}

/** The entity's mentions grouped by the sentence (index) they stand in; mentions outside every sentence are left out. */
function bySentence(sentences: Int32Array, mentions: readonly Span[]): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  let s = 0;
  for (const m of mentions) {
    while (s * 2 < sentences.length && sentences[s * 2 + 1]! < m.end) s++;
    if (s * 2 >= sentences.length) break;
    if (sentences[s * 2]! > m.start) continue;
    const list = out.get(s);
    if (list) list.push({ start: m.start, end: m.end });
    else out.set(s, [{ start: m.start, end: m.end }]);
  }
  return out;
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

function hasSpanWithin(pairs: Int32Array, span: Span): boolean {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i]! >= span.start && pairs[i + 1]! <= span.end) return true;
  return false;
}

/**
 * The calendar part of a date or time's value: a time is cut to its day, a week ("2023-W24", its weekend too) to
 * the month holding its Thursday (ISO 8601's rule), a season or quarter to its year; undefined for durations, sets,
 * references like PRESENT_REF and values with unknown digits (XXXX-06).
 */
export function calendarValue(timex: Pick<Timex, "type" | "value">): string | undefined {
  if (timex.type !== "DATE" && timex.type !== "TIME") return undefined;
  const week = /^(\d{4})-W(\d\d)(?=$|-)/.exec(timex.value);
  if (week) return monthOfWeek(Number(week[1]), Number(week[2]));
  return /^\d{4}(?:-\d\d(?:-\d\d)?)?(?=$|T|-[A-Z])/.exec(timex.value)?.[0];
}

/** YYYY-MM of the Thursday of ISO week `week` of `year` (week 1 holds January 4th). */
function monthOfWeek(year: number, week: number): string {
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const thursday = new Date(monday1 + (3 + 7 * (week - 1)) * 86_400_000);
  return `${thursday.getUTCFullYear()}-${String(thursday.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * Marks pairs of entries from different articles that name the same other entities and share most content words,
 * with dates of their own that disagree (neither a prefix of the other: "2023-06" and "2023-06-18" agree).
 */
function markDifferingDates(entries: TimelineEntry[], text: (uri: string) => string | undefined): void {
  const groups = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.dateSource !== "sentence" || e.coMentioned.length === 0) return;
    const key = [...e.coMentioned].sort().join("\u0000");
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  let compared = 0;
  const words = new Map<number, Set<string>>();
  const wordsOf = (i: number): Set<string> | undefined => {
    if (!words.has(i)) {
      const e = entries[i]!;
      const body = text(e.uri)?.slice(e.sentence.start, e.sentence.end);
      const skip = [...e.names, ...(e.timex ? [e.timex] : [])].map((s) => ({ start: s.start - e.sentence.start, end: s.end - e.sentence.start }));
      words.set(i, body === undefined ? new Set() : contentWords(body, skip));
    }
    return words.get(i);
  };
  for (const group of groups.values()) {
    const dated = new Set(group.map((i) => entries[i]!.date));
    const articles = new Set(group.map((i) => entries[i]!.uri));
    if (dated.size < 2 || articles.size < 2) continue;
    if ((compared += group.length) > COMPARED_LIMIT) break;
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const a = entries[group[x]!]!;
        const b = entries[group[y]!]!;
        if (a.uri === b.uri || !datesDisagree(a.date, b.date)) continue;
        if (jaccard(wordsOf(group[x]!)!, wordsOf(group[y]!)!) < SAME_WORDS) continue;
        a.differs.push(group[y]!);
        b.differs.push(group[x]!);
      }
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
    "through too under until very was were what when where which while who whom why will would you your yours was " +
    "said says say told according"
  ).split(" "),
);
