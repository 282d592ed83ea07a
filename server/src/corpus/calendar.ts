// A date expression's place on the calendar, as a timeline orders it: the calendar part of its value, kept in each
// article's record as one number per date expression (so a timeline over 10,000 articles parses no dates).
import type { Timex } from "../engine";

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

/** "2023-06-18" → 20230618, "2023-06" → 20230600, "2023" → 20230000; no value → -1. Orders as the strings do. */
export function calendarNumber(value: string | undefined): number {
  if (!value) return -1;
  const [y, m = "0", d = "0"] = value.split("-");
  return Number(y) * 10_000 + Number(m) * 100 + Number(d);
}

/** The inverse of `calendarNumber` (undefined for -1). */
export function calendarString(n: number): string | undefined {
  if (n < 0) return undefined;
  const y = String(Math.floor(n / 10_000)).padStart(4, "0");
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return m === 0 ? y : d === 0 ? `${y}-${String(m).padStart(2, "0")}` : `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
