// An entity's timeline across the folder: every sentence that names it, dated by a date expression of its own or
// else by its article's date (said as such), in date order; and the pairs of sentences from different articles that
// tell the same thing — the same other names, mostly the same words — with different dates of their own, which a
// fact-checker wants to see side by side.
//
// Offsets only: the corpus keeps no text. The sentences' words, needed for the "dates differ" check alone, come from
// `text(uri)`, asked only for the few sentences that could pair up.
import type { Span } from "../engine";
import { calendarString } from "./calendar";
import type { Corpus } from "./index";
import { MENTION_FIELDS } from "./record";

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
  timex?: Span;
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

/** The most sentences whose words are compared for "dates differ" (each may need its article's text read). */
const COMPARED_LIMIT = 500;
/** Two sentences tell the same thing when at least this share of their content words is common (Jaccard). */
const SAME_WORDS = 0.5;

export function timelineOf(corpus: Corpus, id: string, text: (uri: string) => string | undefined): Timeline {
  const entries: TimelineEntry[] = [];
  for (const { uri, mentions } of corpus.articlesMentioning(id)) {
    const record = corpus.article(uri);
    if (!record) continue;
    const own = bySentence(record.sentences, mentions);
    if (own.size === 0) continue;
    const ids = corpus.entityIds(uri) ?? [];
    for (const [s, spans] of own) {
      const sentence = { start: record.sentences[s * 2]!, end: record.sentences[s * 2 + 1]! };
      // The record keeps each date expression's calendar value: no dates are parsed here.
      const t = firstDatedWithin(record.timexSpans, record.timexDates, sentence);
      const timex = t < 0 ? undefined : { start: record.timexSpans[t * 2]!, end: record.timexSpans[t * 2 + 1]! };
      const date = t < 0 ? record.dct.value : calendarString(record.timexDates[t]!)!;
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
        const other = ids[record.mentions[at + 2]!];
        if (other !== undefined && other !== id) others.add(other);
      }
      const coMentioned = [...others];
      entries.push({
        uri,
        sentence,
        date,
        dateSource: timex ? "sentence" : "article",
        ...(timex ? { timex } : {}),
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

/** The first date expression inside `span` that has a calendar value (its number), or -1. */
function firstDatedWithin(spans: Int32Array, dates: Int32Array, span: Span): number {
  for (let i = 0; i < dates.length; i++) {
    if (spans[i * 2]! >= span.start && spans[i * 2 + 1]! <= span.end && dates[i]! >= 0) return i;
    if (spans[i * 2]! >= span.end) break;
  }
  return -1;
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
  const texts = new Map<string, string | undefined>();
  const textOf = (uri: string) => {
    if (!texts.has(uri)) texts.set(uri, text(uri));
    return texts.get(uri);
  };
  const words = new Map<number, Set<string>>();
  const wordsOf = (i: number): Set<string> | undefined => {
    if (!words.has(i)) {
      const e = entries[i]!;
      const body = textOf(e.uri)?.slice(e.sentence.start, e.sentence.end);
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
