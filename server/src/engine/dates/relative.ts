// Periods named relative to the article's date: "today", "yesterday morning", "last night",
// "last week" (ISO week), "this weekend", "final month", "later this 12 months", "next year".
import { DCT, tenseReason } from "./anchor";
import { addDays, addMonths, type Day, formatDay, formatMonth, formatWeek, formatYear, isoWeek, weekdayOf } from "./calendar";
import { isLast, isNext, LAST, NEXT, THIS, WB, WE } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";
import { PART, PART_OF_DAY } from "./weekdays";

export type Period = "day" | "week" | "weekend" | "month" | "year" | "quarter" | "decade";

/** The TIMEX3 value of the period holding `day`, moved `shift` periods: the week after → shift 1. */
export function periodValue(day: Day, period: Period, shift: number): string {
  switch (period) {
    case "day": return formatDay(addDays(day, shift));
    case "week": return formatWeek(isoWeek(addDays(day, 7 * shift)));
    case "weekend": return `${formatWeek(isoWeek(addDays(day, 7 * shift)))}-WE`;
    case "month": { const m = addMonths(day.year, day.month, shift); return formatMonth(m.year, m.month); }
    case "quarter": { const m = addMonths(day.year, day.month, 3 * shift); return `${formatYear(m.year)}-Q${Math.ceil(m.month / 3)}`; }
    case "year": return formatYear(day.year + shift);
    case "decade": return String(Math.floor(day.year / 10) + shift);
  }
}

/** The underspecified value of a period when the article has no date. */
const UNKNOWN: Record<Period, string> = { day: "XXXX-XX-XX", week: "XXXX-WXX", weekend: "XXXX-WXX-WE", month: "XXXX-XX", quarter: "XXXX-QX", year: "XXXX", decade: "XXX" };

const SHIFT_WORDS: Record<number, string> = { [-1]: "the %s before", 0: "the %s of", 1: "the %s after" };

/** Reading of "the period `shift` periods from the article's date's". */
export function relativeReading(period: Period, shift: number, scope: Scope): Reading {
  const type = "DATE";
  if (!scope.dct) return { type, value: UNKNOWN[period], meaning: `a ${period} relative to the article's date, which is unknown` };
  const words = SHIFT_WORDS[shift] ?? `%s ${shift} ${period}s from`;
  const meaning = `${words.replace("%s", period === "day" ? "day" : period)} ${DCT(scope.dct)}`.replace("the day of the article's", "the article's");
  return { type, value: periodValue(scope.dct, period, shift), meaning: period === "week" ? `${meaning} (ISO weeks)` : meaning };
}

/**
 * The day a report is about: the last day the text named ("said on Tuesday … later in the day", "the quake struck on
 * Sunday … at 7:58 a.m."), else the article's date. Market reports time their sessions this way too.
 */
export function dayInFocus(scope: Scope): Reading {
  const day = scope.previousDay;
  if (day) return { type: "DATE", value: day, meaning: `${day}, the day the text spoke of just before`, basis: "earlier-date" };
  return relativeReading("day", 0, scope);
}

function periodOf(word: string): Period {
  const w = word.toLowerCase();
  if (/^(yrs?|years?|12 months)$/.test(w)) return "year";
  return w as Period;
}

/** "this/last/next week", "final month", "this 12 months" (a spin of "this year"), "the following yr". */
const NAMED_PERIOD = pattern(
  `${WB}(?<t>(?:[Tt]he\\s+)?(?<mod>${LAST}|${NEXT}|${THIS})\\s+(?<unit>week|weekend|month|year|yr|quarter|decade)|(?:${THIS}|[Ff]inal|[Ss]ubsequent)\\s+(?<unit2>12 months))${WE}(?!-)`,
);

/** "over the weekend", "by the weekend": the one just past in a report, the coming one ahead (a weekend's own: itself). */
const THE_WEEKEND = pattern(`${WB}(?<t>the\\s+weekend)${WE}(?!\\s+(?:of|before|after|earlier|later)${WE})(?![’']s)`, "", /weekend/);

function readTheWeekend(scope: Scope, at: { start: number }): Reading {
  if (!scope.dct) return { type: "DATE", value: UNKNOWN.weekend, meaning: "a weekend; the article has no date" };
  const cue = scope.tenseCueAt(at.start);
  const weekday = weekdayOf(scope.dct);
  // On a Saturday or Sunday the weekend is that one; otherwise the one before or after, by the clause's tense.
  const shift = weekday >= 6 ? 0 : cue.tense === "past" ? -1 : 0;
  const { why, basis } = tenseReason(undefined, cue);
  const r = relativeReading("weekend", shift, scope);
  return { ...r, meaning: `${shift < 0 ? "the weekend before" : "the weekend of the week of"} the article's date ${formatDay(scope.dct)}${why}`, ...(basis && { basis }) };
}

/** "the year", "the week": only with "later in", "the end of"… before them (see modifiers). */
const BARE_PERIOD = pattern(`${WB}(?<t>the\\s+(?<unit>week|month|year|yr))${WE}(?!\\s+(?:before|after|earlier|later|ago|prior)${WE})`);

/** Words that end a newspaper's name: "today's Times", "today's Financial Times" is the day's edition. */
const NEWSPAPER = "(?:Times|Post|Journal|Guardian|Telegraph|Herald|News|Mail|Gazette|Tribune|Express|Independent|Observer|Star|Sun|Chronicle|Globe|Standard|Mirror|Record|Review|Monde|Figaro|Bild|Spiegel|Economist|Edition|Show|Programme|Program|Session|Game|Match|Race|Final)";
/**
 * "today", "yesterday morning", "tomorrow", "tonight", "last night". "Today's" before a name that ends its phrase is
 * the present-day one ("an exciting time at today's GM", "today's Russia is…"); before a noun it is the day
 * ("today's Senate vote"), and so is a newspaper's edition ("today's Financial Times").
 */
const DEICTIC_DAY = pattern(`${WB}(?<t>(?<word>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?:(?<era>)(?=[’']s(?:\\s+\\p{Lu}[\\p{L}.&-]*)+(?:\\s*(?:[,.;:!?)”"]|$)|\\s+(?:is|was|are|were|has|had|have|will|would|can|could|must|should|may|might|does|did|and|or|but|that|which|who|where)${WE}))(?![’']s(?:\\s+\\p{Lu}[\\p{L}.&]*)*?\\s+${NEWSPAPER}${WE})|)(?:\\s+${PART})?|(?<word2>[Tt]onight)|(?<lastnight>[Ll]ast\\s+night)|(?<thispart>[Tt]his)\\s+(?<part2>morning|afternoon|evening))${WE}`);

/** Words that count from the time the text is talking about, not from the article's date ("the following year"). */
const ANAPHORIC = /^(?:the\s+)?(?:following|subsequent|succeeding|preceding|previous|prior)$/i;

/** The day a resolved value names, as precise as `unit` needs ("1995" for a year or a decade), or null. */
export function anchorDay(value: string, unit: Period): Day | null {
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(value);
  if (!m) return null;
  const needs = unit === "year" || unit === "decade" ? 1 : unit === "month" || unit === "quarter" ? 2 : 3;
  if ((m[3] ? 3 : m[2] ? 2 : 1) < needs) return null;
  return { year: Number(m[1]), month: Number(m[2] ?? 1), day: Number(m[3] ?? 1) };
}

function readNamedPeriod(g: Groups, scope: Scope): Reading {
  const unit = periodOf(g.unit ?? g.unit2!);
  const mod = g.mod ?? "this";
  // "founded in 1995 … the following decade": counted from the year the text spoke of, the 2000s.
  const anchor = ANAPHORIC.test(mod) && scope.previous ? anchorDay(scope.previous.value, unit) : null;
  if (anchor && !/^(?:the\s+)?past$/i.test(mod)) {
    const shift = isLast(mod) ? -1 : 1;
    return {
      type: "DATE",
      value: periodValue(anchor, unit, shift),
      meaning: `the ${unit} ${shift < 0 ? "before" : "after"} ${scope.previous!.value}, the date the text spoke of just before`,
      basis: "earlier-date",
    };
  }
  // "the past year", "the past decade": the span up to now, a duration rather than a calendar period.
  if (/^(?:the\s+)?past$/i.test(mod) || (unit === "decade" && isLast(mod))) {
    const n = unit === "decade" ? "P10Y" : unit === "weekend" ? "P2D" : `P1${unit[0]!.toUpperCase()}`;
    return { type: "DURATION", value: unit === "quarter" ? "P3M" : n, meaning: `a ${unit} up to the article's date` };
  }
  const shift = isLast(mod) ? -1 : isNext(mod) ? 1 : 0;
  return relativeReading(unit, shift, scope);
}

const DAY_SHIFT: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };

function readDeicticDay(g: Groups, scope: Scope): Reading {
  // "today's GM", "today's Britain": the present-day one, not the day (TimeML's PRESENT_REF); "today's vote" is the day.
  if (g.era !== undefined && /^today$/i.test(g.word!)) return { type: "DATE", value: "PRESENT_REF", meaning: "the present: \"today's\" before a name means the present-day one" };
  const word = (g.word ?? g.word2 ?? (g.lastnight ? "yesterday" : "today")).toLowerCase();
  const part = g.part ?? g.part2 ?? (g.lastnight || word === "tonight" ? "night" : undefined);
  const r = relativeReading("day", DAY_SHIFT[word] ?? 0, scope);
  if (!part) return r;
  return { type: "TIME", value: `${r.value}T${PART_OF_DAY[part]}`, meaning: `the ${part} of ${r.meaning}` };
}

export function findRelativePeriods(sentence: string): Candidate[] {
  return [
    ...scan(sentence, NAMED_PERIOD, readNamedPeriod).map((c) => ({ ...c, modifiable: true })),
    ...scan(sentence, BARE_PERIOD, (g, s) => relativeReading(periodOf(g.unit!), 0, s)).map((c) => ({ ...c, modifiable: "required" as const })),
    ...scan(sentence, DEICTIC_DAY, readDeicticDay).map((c) => ({ ...c, modifiable: true })),
    ...scan(sentence, THE_WEEKEND, (_g, scope, at) => readTheWeekend(scope, at)),
  ];
}

