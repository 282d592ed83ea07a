// Time expressions of an article (TimeML / TempEval-3 TIMEX3), valued against the article's date.
// Each sentence (and each boilerplate line: teasers carry dates too) is scanned on its own, by
// every rule family; overlapping candidates keep the longest; values are then read in text order
// so an anaphoric "a month prior" can lean on the date before it.
import { splitSentences } from "../read/sentences";
import type { ArticleDate, ArticleLayout, Span, Timex } from "../types";
import { findAnaphoric } from "./anaphora";
import { parseDay } from "./calendar";
import { findDeictic } from "./deictic";
import { findDurations } from "./durations";
import { findHolidays } from "./holidays";
import type { Candidate, Reading, Rule, Scope } from "./model";
import { withModifier } from "./modifiers";
import { findMonthDates } from "./months";
import { findRelativePeriods } from "./relative";
import { findSets } from "./sets";
import { tenseAt, tenseCueAt, tenseSignals } from "./tense";
import { findClockTimes } from "./times";
import { findWeekdays } from "./weekdays";
import { findYearParts } from "./yearParts";
import { findYears } from "./years";

const RULES: Rule[] = [findMonthDates, findYears, findYearParts, findWeekdays, findRelativePeriods, findDurations, findClockTimes, findSets, findDeictic, findAnaphoric, findHolidays];

/** Longest piece of text one scan sees: keeps every rule linear even on a 5 MB line with no sentence breaks. */
const MAX_PIECE = 2000;

/** Time expressions of an article, valued against its own date. */
export function findTimexes(text: string, layout: ArticleLayout, dct: ArticleDate): Timex[] {
  const day = parseDay(dct.value);
  const out: Timex[] = [];
  let previous: Reading | null = null;
  let previousDay: string | null = null;
  for (const span of pieces(text, layout)) {
    const sentence = text.slice(span.start, span.end);
    // Tense is looked at only for sentences with a time expression that asks (most have none).
    let signals: ReturnType<typeof tenseSignals> | undefined;
    const signalsOf = () => (signals ??= tenseSignals(sentence));
    const scope = (prev: Reading | null, prevDay: string | null): Scope => ({
      dct: day,
      previous: prev,
      previousDay: prevDay,
      tenseAt: (i) => tenseAt(sentence, signalsOf(), i),
      textBefore: (i) => sentence.slice(Math.max(0, i - 40), i),
      tenseCueAt: (i) => tenseCueAt(sentence, signalsOf(), i),
    });
    // Candidates are chosen before any is read, so one leaning on a date said earlier in the same sentence ("on
    // Sept. 12 … that day") is probed with a stand-in for it, and read in text order below.
    const probe = scope(previous ?? STAND_IN, previousDay ?? STAND_IN.value);
    const read: { c: Candidate; reading: Reading }[] = [];
    for (const c of select(sentence, probe)) {
      const reading = c.read(scope(previous, previousDay));
      if (!reading) continue;
      read.push({ c, reading });
      if (/^(?:FY)?\d{4}(-(\d\d(-\d\d)?|Q\d|H\d|W\d\d))?$/.test(reading.value)) previous = reading;
      previousDay = /^\d{4}-\d\d-\d\d/.exec(reading.value)?.[0] ?? previousDay;
    }
    for (const { c, reading: r } of read) {
      const reading = r.clock ? onItsDay(sentence, c, r, read) : r;
      const t = sentence.slice(c.start, c.end);
      out.push({
        start: span.start + c.start,
        end: span.start + c.end,
        text: t,
        type: reading.type,
        value: reading.value,
        ...(reading.endValue !== undefined && { endValue: reading.endValue }),
        ...(reading.mod !== undefined && { mod: reading.mod }),
        explanation: `${t} → ${reading.meaning}`,
        ...(reading.basis && { basis: reading.basis }),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A date for probing candidates that lean on an earlier one (never output). */
const STAND_IN: Reading = { type: "DATE", value: "2000-01-01", meaning: "" };

/** How near (in characters, with no clause break between) a day must be said to a clock time to be its day. */
const SAME_PHRASE = 40;

/**
 * A clock time with no day of its own takes the day said with it: "Friday evening at 9 PM" is that Friday at 21:00,
 * "at 16:15 UTC, June 1st" is on June 1st. The nearest day-valued expression of the sentence within reach wins.
 */
function onItsDay(sentence: string, c: Candidate, reading: Reading, others: { c: Candidate; reading: Reading }[]): Reading {
  let best: { reading: Reading; gap: number } | undefined;
  for (const o of others) {
    const day = /^(\d{4}-\d\d-\d\d|XXXX-WXX-\d)/.exec(o.reading.value)?.[1];
    if (o.c === c || !day || o.reading.clock) continue;
    const [a, b] = o.c.end <= c.start ? [o.c.end, c.start] : [c.end, o.c.start];
    const between = sentence.slice(a, b);
    if (b - a > SAME_PHRASE || /[;.!?]|\b(?:and|but|while|after|before|until|then)\b/.test(between)) continue;
    if (!best || b - a < best.gap) best = { reading: o.reading, gap: b - a };
  }
  if (!best) return reading;
  const day = /^(\d{4}-\d\d-\d\d|XXXX-WXX-\d)/.exec(best.reading.value)![1]!;
  return {
    ...reading,
    value: `${day}${reading.clock}`,
    meaning: `${reading.clock!.slice(1)} on the day said with it, ${day} (${best.reading.meaning})`,
    basis: "same-phrase",
  };
}

/** Candidates of one sentence that read to a value, longest first on overlap, in text order. */
function select(sentence: string, probe: Scope): Candidate[] {
  const found = RULES.flatMap((rule) => rule(sentence))
    .map((c) => withModifier(sentence, c))
    .filter((c): c is Candidate => c !== null && c.read(probe) !== null)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of found) if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}

/** Sentences of the article and of its boilerplate lines, cut to at most MAX_PIECE characters. */
function pieces(text: string, layout: ArticleLayout): Span[] {
  const spans = [...layout.sentences, ...layout.boilerplate.flatMap((line) => splitSentences(text, line))].sort((a, b) => a.start - b.start);
  return spans.flatMap((s) => cut(text, s));
}

/** A span split at white space into pieces no longer than MAX_PIECE (hard cuts if there is none). */
function cut(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_PIECE) {
    const window = text.slice(start, start + MAX_PIECE);
    const space = window.search(/\s\S*$/);
    const end = space > MAX_PIECE / 2 ? start + space : start + MAX_PIECE;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: span.end });
  return out;
}
