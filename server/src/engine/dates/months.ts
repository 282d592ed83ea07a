// Calendar dates written with a month name: "June 18-19", "February 10, 2021", "24 February 2022",
// "March 2013", "last November", "in Could 2021". A month without a year is placed from the article's
// date by the clause's tense ("met in November" looks back, "will attend in November" ahead).
import { directionFor, directionWords, placeInYear, tenseReason } from "./anchor";
import { addDays, daysInMonth, formatDay, formatMonth, formatWeek, isoWeek, weekdayOf } from "./calendar";
import { ANY_MONTH, isLast, isNext, LAST, monthName, monthNumber, NEXT, STRONG_MONTH, THIS, WB, WE, WEEKDAY, BARE_WEAK_MONTH } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";

const DAY = "(?<d1>\\d{1,2})(?:st|nd|rd|th)?";
const DAY_RANGE = `${DAY}(?:\\s*[-–]\\s*(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?`;
const YEAR = "(?<y>1[5-9]\\d\\d|20\\d\\d)";
const LEADING_WEEKDAY = `(?:${WEEKDAY},?\\s+)?`;
const NO_MORE_DIGITS = "(?![\\d:])";

/** "June 18", "June 18-19, 2023", "Friday, Feb. 24", "Sept 3rd 2021". */
const MONTH_DAY = pattern(`${WB}(?<t>${LEADING_WEEKDAY}(?<mon>${ANY_MONTH})\\s+${DAY_RANGE}(?:,?\\s+${YEAR})?)${NO_MORE_DIGITS}${WE}`);
/** "24 February 2022", "18-19 June". */
const DAY_MONTH = pattern(`${WB}(?<t>${LEADING_WEEKDAY}${DAY_RANGE}\\s+(?:of\\s+)?(?<mon>${ANY_MONTH})(?:,?\\s+${YEAR})?)${WE}`);
/** "2021-03-15", "3/15/2021" (US order, unless the first number cannot be a month: "15/3/2021"). */
const NUMERIC_DATE = pattern(`(?<![\\p{L}\\p{N}_/.-])(?<t>(?<iy>1[89]\\d\\d|20\\d\\d)-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\\d|3[01])|(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<sy>1[89]\\d\\d|20\\d\\d))(?![\\p{L}\\p{N}_/]|[.:-]\\d)`);

function readNumericDate(g: Groups): Reading | null {
  let year: number, month: number, day: number, order: string;
  if (g.iy) [year, month, day, order] = [Number(g.iy), Number(g.im), Number(g.id), "year-month-day"];
  else {
    const [a, b] = [Number(g.a), Number(g.b)];
    [year, month, day, order] = a > 12 ? [Number(g.sy), b, a, "day/month/year"] : [Number(g.sy), a, b, "month/day/year"];
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { type: "DATE", value: formatDay({ year, month, day }), meaning: `${monthName(month)} ${day}, ${year}, written as ${order}` };
}

/** "March 2013", "May of 2021", "in Could 2021". */
const MONTH_YEAR = pattern(`${WB}(?<t>(?<mon>${ANY_MONTH}),?\\s+(?:of\\s+)?${YEAR})${NO_MORE_DIGITS}${WE}`);

/** "October of next year", "March of last year", "June this year". */
const MONTH_RELATIVE_YEAR = pattern(`${WB}(?<t>(?<mon>${ANY_MONTH}),?\\s+(?:of\\s+)?(?<rel>${LAST}|${NEXT}|${THIS}|that|the\\s+same)\\s+(?:year|yr|12 months))${WE}`);

/** "the last week of March", "the first week of June 2009": the ISO week whose Thursday falls in that week of the month. */
const WEEK_OF_MONTH = pattern(`${WB}(?<t>[Tt]he\\s+(?<ord>first|second|third|fourth|last|final)\\s+week\\s+of\\s+(?<mon>${ANY_MONTH})(?:,?\\s+${YEAR})?)${WE}`);

/** Words after which a capitalised "May"/"Could" can only be the month ("in Could", "since May"). */
const MONTH_CONTEXT = "(?:in|since|until|till|by|from|through|during|before|after|of|early|late|mid|last|next|this|final|between)";
/** "November", "last November", "this Could"; weak names only after a date preposition. */
const BARE_MONTH = pattern(
  `${WB}(?<t>(?:(?<mod>${LAST}|${NEXT}|${THIS})\\s+)?(?<mon>${STRONG_MONTH}))${WE}|(?<=${WB}${MONTH_CONTEXT}[\\s-]+)(?<t2>(?<mon2>${BARE_WEAK_MONTH}))${WE}(?!\\s+(?:be|have|not|also|well|never)${WE})`,
  "",
);

function yearOf(month: number, scope: Scope, index: number, modifier?: string): { year: number | null; how: string; basis?: "tense" } {
  if (!scope.dct) return { year: null, how: "year unknown: the article has no date, so the month keeps an unknown year" };
  const cue = scope.tenseCueAt(index);
  const direction = directionFor(modifier, cue.tense);
  const year = placeInYear(scope.dct.year, scope.dct.month, month, 12, direction);
  const { why, basis } = tenseReason(modifier, cue);
  return { year, how: `the ${monthName(month)} ${directionWords(direction)} the article's date ${formatDay(scope.dct)}${why}`, ...(basis && { basis }) };
}

const dayValue = (year: number | null, month: number, day: number) =>
  year === null ? `XXXX-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` : formatDay({ year, month, day });

function placeDayMonth(month: number, day: number, scope: Scope, index: number): { year: number; how: string; basis?: "tense" } {
  const dct = scope.dct!;
  // Months compared with the day: a past-tense "June 18" written on June 20 is this year's.
  const [current, position, length] = [dct.month * 32 + dct.day, month * 32 + day, 12 * 32];
  const nearest = placeInYear(dct.year, current, position, length, "nearest");
  // A date within two months of the article's is that one, whatever the tense ("announced today an event to be held
  // on October 12"); a farther one follows the tense ("bought the gun on March 3", said in November).
  const near = Math.abs((nearest - dct.year) * length + position - current) <= 2 * 32;
  const cue = near ? { tense: "unknown" as const } : scope.tenseCueAt(index);
  const direction = directionFor(undefined, cue.tense);
  const year = direction === "nearest" ? nearest : placeInYear(dct.year, current, position, length, direction);
  const { why, basis } = tenseReason(undefined, cue);
  return { year, how: `${direction === "nearest" ? "in the year nearest" : `${directionWords(direction)}`} the article's date ${formatDay(dct)}${why}`, ...(basis && { basis }) };
}

function readDayMonth(g: Groups, scope: Scope, at: { start: number }): Reading | null {
  const month = monthNumber(g.mon!);
  const d1 = Number(g.d1);
  const d2 = g.d2 === undefined ? undefined : Number(g.d2);
  if (!month || d1 < 1 || d1 > 31 || (d2 !== undefined && (d2 <= d1 || d2 > 31))) return null;
  // A day and month without a year: placed by the clause's tense ("bought the gun on March 3" in November is this
  // year's), else in the year nearest the article's date.
  const placed = g.y ? { year: Number(g.y), how: `as written` } : scope.dct ? placeDayMonth(month, d1, scope, at.start) : { year: null, how: "year unknown: the article has no date" };
  if (placed.year !== null && d1 > daysInMonth(placed.year, month)) return null;
  const value = dayValue(placed.year, month, d1);
  const name = `${monthName(month)} ${d1}${d2 ? `–${d2}` : ""}`;
  const basis = "basis" in placed && placed.basis ? { basis: placed.basis } : {};
  if (d2 === undefined) return { type: "DATE", value, meaning: `${name}, ${placed.how}`, ...basis };
  return { type: "DATE", value, endValue: dayValue(placed.year, month, d2), meaning: `the days ${name}, ${placed.how}`, ...basis };
}

function readMonthYear(g: Groups): Reading | null {
  const month = monthNumber(g.mon!);
  return month ? { type: "DATE", value: formatMonth(Number(g.y), month), meaning: `${monthName(month)} ${g.y}, as written` } : null;
}

function readMonthRelativeYear(g: Groups, scope: Scope): Reading | null {
  const month = monthNumber(g.mon!);
  if (!month) return null;
  // "June of that year": the year the text spoke of just before.
  if (/^(?:that|the\s+same)$/i.test(g.rel!)) {
    const year = scope.previous ? /^(\d{4})/.exec(scope.previous.value)?.[1] : undefined;
    if (!year) return { type: "DATE", value: `XXXX-${String(month).padStart(2, "0")}`, meaning: `${monthName(month)} of a year the text does not say` };
    return { type: "DATE", value: formatMonth(Number(year), month), meaning: `${monthName(month)} of ${year}, the year the text spoke of just before`, basis: "earlier-date" };
  }
  const shift = isLast(g.rel!) ? -1 : isNext(g.rel!) ? 1 : 0;
  if (!scope.dct) return { type: "DATE", value: `XXXX-${String(month).padStart(2, "0")}`, meaning: `${monthName(month)} of a year relative to the article's date, which is unknown` };
  const year = scope.dct.year + shift;
  return { type: "DATE", value: formatMonth(year, month), meaning: `${monthName(month)} of ${["the year before", "the year of", "the year after"][shift + 1]} the article's date ${formatDay(scope.dct)}` };
}

const WEEK_ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1, final: -1 };

function readWeekOfMonth(g: Groups, scope: Scope, at: { start: number }): Reading | null {
  const month = monthNumber(g.mon!);
  if (!month) return null;
  const year = g.y ? Number(g.y) : yearOf(month, scope, at.start).year;
  if (year === null) return { type: "DATE", value: "XXXX-WXX", meaning: `a week of ${monthName(month)}; the article has no date` };
  const n = WEEK_ORDINAL[g.ord!.toLowerCase()]!;
  // Thursdays of the month: the n-th (or last) one names its ISO week.
  const firstThursday = addDays({ year, month, day: 1 }, (4 - weekdayOf({ year, month, day: 1 }) + 7) % 7);
  const thursdays = [0, 1, 2, 3, 4].map((k) => addDays(firstThursday, 7 * k)).filter((d) => d.month === month);
  const thursday = n > 0 ? thursdays[n - 1] : thursdays.at(-1);
  if (!thursday) return null;
  return { type: "DATE", value: formatWeek(isoWeek(thursday)), meaning: `the ${g.ord!.toLowerCase()} week of ${monthName(month)} ${year} (ISO week)` };
}

/** "that March morning in 2009": a year written in the same phrase, after the month. */
const YEAR_IN_PHRASE = /^[^.;:!?]{0,30}?\b(?:in|of)\s+(1[5-9]\d\d|20\d\d)(?![\d])/;

const DELIVERY = /^\s+(?:delivery|contracts?|futures)(?![\p{L}])/u;

function readBareMonth(g: Groups, scope: Scope, at: { start: number; end: number }, sentence: string): Reading | null {
  const month = monthNumber(g.mon ?? g.mon2!);
  if (!month) return null;
  const written = g.mod ? undefined : YEAR_IN_PHRASE.exec(sentence.slice(at.end))?.[1];
  if (written) return { type: "DATE", value: formatMonth(Number(written), month), meaning: `${monthName(month)} of ${written}, the year said with it`, basis: "same-phrase" };
  // A commodity's contract month is ahead of the trading day: "crude for June delivery".
  if (!g.mod && scope.dct && DELIVERY.test(sentence.slice(at.end))) {
    const year = placeInYear(scope.dct.year, scope.dct.month, month, 12, "onOrAfter");
    return { type: "DATE", value: formatMonth(year, month), meaning: `the ${monthName(month)} on or after the article's date ${formatDay(scope.dct)}, a contract month`, basis: "tense" };
  }
  const { year, how, basis } = yearOf(month, scope, at.start, g.mod);
  return { type: "DATE", value: year === null ? `XXXX-${String(month).padStart(2, "0")}` : formatMonth(year, month), meaning: how, ...(basis && { basis }) };
}

/** A capitalised word right after a strong month name with no date word before it: a person ("April Ryan"). */
function looksLikeName(sentence: string, g: Groups, start: number, end: number): boolean {
  if (g.mod || g.mon2) return false;
  const before = sentence.slice(Math.max(0, start - 12), start);
  if (/\b[Tt]he\s+$/.test(before)) return false; // "the February balloon scandal"
  const after = sentence.slice(end, end + 20);
  return /^\s+\p{Lu}\p{Ll}/u.test(after) && !/^\s+(?:[A-Z][a-z]+day|\d)/.test(after) && !new RegExp(`${MONTH_CONTEXT}\\s+$`, "i").test(before);
}

export function findMonthDates(sentence: string): Candidate[] {
  return [
    ...scan(sentence, MONTH_DAY, readDayMonth),
    ...scan(sentence, DAY_MONTH, readDayMonth),
    ...scan(sentence, MONTH_YEAR, readMonthYear),
    ...scan(sentence, NUMERIC_DATE, readNumericDate),
    ...scan(sentence, MONTH_RELATIVE_YEAR, readMonthRelativeYear),
    ...scan(sentence, WEEK_OF_MONTH, readWeekOfMonth),
    ...scan(sentence, BARE_MONTH, (g, scope, at) => readBareMonth(g, scope, at, sentence), (g, s, e) => !looksLikeName(sentence, g, s, e)),
  ].map((c) => ({ ...c, modifiable: true }));
}
