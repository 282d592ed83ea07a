// Placing a named member of a cycle (a weekday, a month, a season) relative to the article's date.
// "last November" and a past-tense "November" both look back; "next Friday" and a forward-looking
// "Friday" look ahead; a bare name in a sentence without tense takes the nearest occurrence.
import { addDays, type Day, formatDay, weekdayOf } from "./calendar";
import { isLast, isNext } from "./lexicon";
import type { Tense } from "./model";

export type Direction = "before" | "onOrBefore" | "after" | "onOrAfter" | "same" | "nearest";

/** How to place a name from its modifier word ("last", "next", "this", a spin of them) and the clause's tense. */
export function directionFor(modifier: string | undefined, tense: Tense, fallback: Direction = "nearest"): Direction {
  if (modifier) {
    if (isLast(modifier)) return "before";
    if (isNext(modifier)) return "after";
    return "same";
  }
  if (tense === "past") return "onOrBefore";
  if (tense === "future") return "onOrAfter";
  return fallback;
}

export const DCT = (dct: Day) => `the article's date ${formatDay(dct)}`;

/**
 * Why a name was placed where it was, when its clause's tense decided: " (future: 'will run'…)" and the basis "tense"
 * to mark the value as inferred; nothing when a modifier ("last") or no tense decided.
 */
export function tenseReason(modifier: string | undefined, cue: { tense: Tense; cue?: string }): { why: string; basis?: "tense" } {
  if (modifier || cue.tense === "unknown") return { why: "" };
  return { why: `; ${cue.tense} tense${cue.cue ? ` ('${cue.cue}')` : ""}`, basis: "tense" };
}

/** Words for a direction, for explanations: "the November before the article's date". */
export function directionWords(direction: Direction): string {
  switch (direction) {
    case "before": return "before";
    case "onOrBefore": return "on or before";
    case "after": return "after";
    case "onOrAfter": return "on or after";
    case "same": return "in the same period as";
    case "nearest": return "nearest to";
  }
}

/**
 * Year of the cycle member `target` (1-based position in a year of `length` positions: months 12,
 * seasons 4) placed from position `current` of year `year` in `direction`.
 */
export function placeInYear(year: number, current: number, target: number, length: number, direction: Direction): number {
  switch (direction) {
    case "before": return target < current ? year : year - 1;
    case "onOrBefore": return target <= current ? year : year - 1;
    case "after": return target > current ? year : year + 1;
    case "onOrAfter": return target >= current ? year : year + 1;
    case "same": return year;
    case "nearest": {
      const gap = (y: number) => Math.abs((y - year) * length + target - current);
      return [year, year - 1, year + 1].reduce((best, y) => (gap(y) < gap(best) ? y : best));
    }
  }
}

/**
 * The day of ISO weekday `target` placed from `dct`. The article's own weekday is the article's
 * date in every direction but an explicit "last"/"next" (news says "said Friday" of today).
 */
export function placeWeekday(dct: Day, target: number, direction: Direction): Day {
  const current = weekdayOf(dct);
  const back = (current - target + 7) % 7;
  const ahead = (target - current + 7) % 7;
  switch (direction) {
    case "before": return addDays(dct, -(back || 7));
    case "after": return addDays(dct, ahead || 7);
    case "onOrAfter": return addDays(dct, ahead);
    case "same": return addDays(dct, target - current);
    case "onOrBefore":
    case "nearest": return addDays(dct, -back);
  }
}

