// Holidays as calendar days: "Christmas", "New Year's Eve", "Easter", "Thanksgiving", "Labor Day". Fixed ones
// by month and day, movable ones by their rule (Easter by the Gregorian computus; US federal holidays by their
// weekday). A holiday without a year is placed by its clause's tense, like a month ("shops expect strong sales at
// Christmas" is the coming one, "sales fell over Easter" the last). Holidays whose date moves with a lunar
// calendar (Ramadan, Diwali, Chinese New Year) are not read: no table here would stay right.
import { directionFor, directionWords, tenseReason } from "./anchor";
import { addDays, type Day, daysBetween, daysInMonth, formatDay, weekdayOf } from "./calendar";
import { BEFORE_NOUN, LAST, NEXT, THIS, WB, WE } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easter(year: number): Day {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { year, month: Math.floor(n / 31), day: (n % 31) + 1 };
}

/** The n-th (1-based; -1 for the last) ISO weekday `weekday` of a month. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  if (n < 0) {
    const last = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  return addDays(first, (weekday - weekdayOf(first) + 7) % 7 + 7 * (n - 1));
}

const fixed = (month: number, day: number) => (year: number): Day => ({ year, month, day });
const thanksgiving = (year: number) => nthWeekday(year, 11, 4, 4);

/** Holiday names (as a pattern) and their day in a given year. US holidays by US rules. */
const HOLIDAYS: [string, (year: number) => Day][] = [
  ["Christmas Eve", fixed(12, 24)],
  ["Christmas(?: Day)?", fixed(12, 25)],
  ["Boxing Day", fixed(12, 26)],
  ["New Year[’']s Eve", fixed(12, 31)],
  ["New Year[’']s(?: Day)?", fixed(1, 1)],
  ["(?:St\\.?|Saint) Valentine[’']s Day|Valentine[’']s Day", fixed(2, 14)],
  ["(?:St\\.?|Saint) Patrick[’']s Day", fixed(3, 17)],
  ["Halloween", fixed(10, 31)],
  ["Bastille Day", fixed(7, 14)],
  ["Canada Day", fixed(7, 1)],
  ["Australia Day", fixed(1, 26)],
  ["(?:Veterans|Armistice|Remembrance) Day", fixed(11, 11)],
  ["V-?E Day", fixed(5, 8)],
  ["(?:the )?Fourth of July|July Fourth", fixed(7, 4)],
  ["Good Friday", (y) => addDays(easter(y), -2)],
  ["Easter Monday", (y) => addDays(easter(y), 1)],
  ["Easter(?: Sunday)?", easter],
  ["Thanksgiving(?: Day)?", thanksgiving],
  ["Black Friday", (y) => addDays(thanksgiving(y), 1)],
  ["Cyber Monday", (y) => addDays(thanksgiving(y), 4)],
  ["Labor Day", (y) => nthWeekday(y, 9, 1, 1)],
  ["Memorial Day", (y) => nthWeekday(y, 5, 1, -1)],
  ["(?:Martin Luther King(?:,? Jr\\.?)?|MLK) Day", (y) => nthWeekday(y, 1, 1, 3)],
  ["Presidents[’']? Day", (y) => nthWeekday(y, 2, 1, 3)],
  ["Mother[’']s Day", (y) => nthWeekday(y, 5, 7, 2)],
  ["Father[’']s Day", (y) => nthWeekday(y, 6, 7, 3)],
];
const NAMES = HOLIDAYS.map(([name], i) => `(?<h${i}>${name})`).join("|");

/**
 * A holiday, with its year when written ("Christmas 2009", "Easter of 2010") or a modifier ("last Christmas"). A
 * one-word name that modifies a noun ("Christmas sales", "the Easter holidays", "the Christmas and New Year sales
 * period") names a season, not the day, and is left (a name of several words stays: "the Thanksgiving Day parade");
 * a capitalised word after it makes it part of a name ("Christmas Island").
 */
const HOLIDAY = pattern(
  `${WB}(?<t>(?:(?<mod>${LAST}|${NEXT}|${THIS})\\s+)?(?:${NAMES})(?:,?\\s+(?:of\\s+)?(?<y>1[89]\\d\\d|20\\d\\d))?)${WE}(?:(?<noun>${BEFORE_NOUN}|(?=\\s+(?:and|or|&)\\s+\\p{Lu}[\\p{L}’']*(?:\\s+\\p{Lu}[\\p{L}’']*)?${BEFORE_NOUN}))|)(?![’']s${WE})(?!\\s+\\p{Lu}\\p{Ll})`,
  "",
  new RegExp(HOLIDAYS.map(([name]) => name).join("|")),
);

/** The holiday's day in the year placed from the article's date in `direction`. */
function placeHoliday(dayIn: (year: number) => Day, dct: Day, direction: ReturnType<typeof directionFor>): Day {
  const options = [dct.year - 1, dct.year, dct.year + 1].map(dayIn);
  const gap = (d: Day) => daysBetween(dct, d);
  switch (direction) {
    case "before": return options.filter((d) => gap(d) < 0).at(-1)!;
    case "onOrBefore": return options.filter((d) => gap(d) <= 0).at(-1)!;
    case "after": return options.find((d) => gap(d) > 0)!;
    case "onOrAfter": return options.find((d) => gap(d) >= 0)!;
    case "same": return options[1]!;
    case "nearest": return options.reduce((best, d) => (Math.abs(gap(d)) < Math.abs(gap(best)) ? d : best));
  }
}

function readHoliday(g: Groups, scope: Scope, at: { start: number }): Reading | null {
  const index = HOLIDAYS.findIndex((_, i) => g[`h${i}`] !== undefined);
  if (index < 0) return null;
  const dayIn = HOLIDAYS[index]![1];
  const name = g[`h${index}`]!;
  // "Christmas sales" is a season; "the Thanksgiving Day parade", "Fourth of July fireworks" are on the day.
  if (g.noun !== undefined && !/\s/.test(name)) return null;
  if (g.y) return { type: "DATE", value: formatDay(dayIn(Number(g.y))), meaning: `${name} ${g.y}, as written` };
  if (!scope.dct) return { type: "DATE", value: "XXXX-XX-XX", meaning: `${name} of a year the text does not say; the article has no date` };
  const cue = scope.tenseCueAt(at.start);
  const direction = directionFor(g.mod, cue.tense);
  const day = placeHoliday(dayIn, scope.dct, direction);
  const { why, basis } = tenseReason(g.mod, cue);
  return { type: "DATE", value: formatDay(day), meaning: `${name} ${directionWords(direction)} the article's date ${formatDay(scope.dct)}${why}`, ...(basis && { basis }) };
}

export function findHolidays(sentence: string): Candidate[] {
  return scan(sentence, HOLIDAY, readHoliday);
}
