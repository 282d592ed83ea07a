// Proleptic Gregorian calendar arithmetic on plain day records. All in UTC so that no
// time zone or daylight-saving rule of the machine can shift a date.

export interface Day {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** ISO weekday: Monday 1 … Sunday 7 (TIMEX3 writes Sunday as "XXXX-WXX-7"). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MS_PER_DAY = 86_400_000;

export function parseDay(iso: string | null): Day | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(day) ? day : null;
}

export function isValidDay(d: Day): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDays(d: Day): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

function fromEpochDays(n: number): Day {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Day, n: number): Day {
  return fromEpochDays(toEpochDays(d) + n);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return toEpochDays(b) - toEpochDays(a);
}

export function weekdayOf(d: Day): Weekday {
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return (js === 0 ? 7 : js) as Weekday;
}

/** ISO 8601 week: the week belongs to the year that holds its Thursday. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekdayOf(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

/** Month arithmetic on (year, month) pairs: January 2023 − 2 = November 2022. */
export function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export const formatYear = (year: number) => pad(year, 4);
export const formatMonth = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;
export const formatDay = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const formatWeek = (w: { year: number; week: number }) => `${pad(w.year, 4)}-W${pad(w.week)}`;
