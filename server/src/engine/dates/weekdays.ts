// Weekday names: "Sunday", "last Friday", "Tuesday night". A bare weekday in a past-tense report is
// the latest such day on or before the article's date; in a forward-looking clause, the coming one.
import { directionFor, directionWords, placeWeekday, tenseReason } from "./anchor";
import { type Day, formatDay } from "./calendar";
import { LAST, NEXT, THIS, WB, WE, WEEKDAY, weekdayName, weekdayNumber } from "./lexicon";
import { pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";

/** TIMEX3 codes of the parts of a day. */
export const PART_OF_DAY: Record<string, string> = { morning: "MO", afternoon: "AF", evening: "EV", night: "NI" };
export const PART = "(?<part>morning|afternoon|evening|night)";

/** A weekday after "The" and before a capitalised word names a title: "The Sunday Times", "the Monday Club". */
const WEEKDAY_PHRASE = pattern(`${WB}(?<![Tt]he\\s+)(?:(?<mod>${LAST}|${NEXT}|${THIS})\\s+)?(?<wd>${WEEKDAY})(?:\\s+${PART})?${WE}|(?<=${WB}[Tt]he\\s+)(?<wd2>${WEEKDAY})${WE}(?!\\s+\\p{Lu})`);

const FOR_BEFORE = /(?<![\p{L}])for\s+$/u;

export interface PlacedDay {
  /** The day, or null when the article has no date. */
  day: Day | null;
  /** Its TIMEX3 value: "2023-06-18", or "XXXX-WXX-7" when underspecified. */
  value: string;
  meaning: string;
  /** Set when the clause's tense placed it. */
  basis?: "tense";
}

/** The day a weekday name refers to, seen from a clause of the given tense. */
export function placeWeekdayName(name: string, modifier: string | undefined, scope: Scope, index: number): PlacedDay {
  const n = weekdayNumber(name);
  const day = weekdayName(n);
  if (!scope.dct) return { day: null, value: `XXXX-WXX-${n}`, meaning: `a ${day}; which one is unknown: the article has no date` };
  // Without tense, news weekdays mostly report what happened: look back.
  // "delays for Wednesday", "set for Friday": what a day is set aside for lies ahead.
  const cue = !modifier && FOR_BEFORE.test(scope.textBefore(index)) ? { tense: "future" as const, cue: "for" } : scope.tenseCueAt(index);
  const direction = directionFor(modifier, cue.tense, "onOrBefore");
  const placed = placeWeekday(scope.dct, n, direction);
  const same = formatDay(placed) === formatDay(scope.dct);
  const { why, basis } = tenseReason(modifier, cue);
  const meaning = same ? `the article's own date ${formatDay(scope.dct)}, a ${day}` : `the ${day} ${directionWords(direction)} the article's date ${formatDay(scope.dct)}${why}`;
  return { day: placed, value: formatDay(placed), meaning, ...(basis && !same && { basis }) };
}

function readWeekday(g: Record<string, string | undefined>, scope: Scope, at: { start: number }): Reading {
  const placed = placeWeekdayName((g.wd ?? g.wd2)!, g.mod, scope, at.start);
  const basis = placed.basis && { basis: placed.basis };
  if (!g.part) return { type: "DATE", value: placed.value, meaning: placed.meaning, ...basis };
  return { type: "TIME", value: `${placed.value}T${PART_OF_DAY[g.part]}`, meaning: `the ${g.part} of ${placed.meaning}`, ...basis };
}

export function findWeekdays(sentence: string): Candidate[] {
  return scan(sentence, WEEKDAY_PHRASE, readWeekday);
}
