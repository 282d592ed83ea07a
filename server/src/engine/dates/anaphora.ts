// Times named through another time of the text: "the same period last year", "the same month a year
// ago" (the period of the date just mentioned, a year earlier).
import { WB, WE } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";
import { parseDay } from "./calendar";
import { anchorDay, dayInFocus, periodValue, relativeReading } from "./relative";
import { PART_OF_DAY } from "./weekdays";

const SAME_LAST_YEAR = pattern(
  `${WB}(?<t>[Tt]he\\s+same\\s+(?<what>period|month|quarter|week|day|time|season)\\s+(?:of\\s+)?(?:(?:the\\s+)?(?:last|previous|prior|preceding|final)\\s+(?:year|yr)|a\\s+year\\s+(?:ago|earlier|before))|[Tt]he\\s+(?:previous|preceding|prior)\\s+year|[Tt]he\\s+year\\s+(?:before|previous|prior|earlier))${WE}`,
);

/** A date's value `years` later (earlier when negative), at its own granularity ("2009-02" → "2008-02", "2009-Q1" → "2008-Q1", "FY2007" → "FY2006"). */
export function yearsAfter(value: string, years: number): string | null {
  const m = /^(FY)?(\d{4})(-(?:\d\d(?:-\d\d)?|Q\d|H\d|W\d\d|SP|SU|FA|WI))?$/.exec(value);
  if (!m || m[3] === "-02-29") return null; // a leap day has no namesake in most years
  return `${m[1] ?? ""}${String(Number(m[2]) + years).padStart(4, "0")}${m[3] ?? ""}`;
}
const yearEarlier = (value: string) => yearsAfter(value, -1);

function readSameLastYear(g: Groups, scope: Scope): Reading {
  const previous = scope.previous ? yearEarlier(scope.previous.value) : null;
  if (g.what && previous) return { type: "DATE", value: previous, meaning: `the ${g.what} of ${scope.previous!.value} (mentioned just before), a year earlier` };
  // "the previous year" / no earlier date: the year before the one the text is talking about.
  const year = scope.previous ? /^(\d{4})/.exec(scope.previous.value)?.[1] : undefined;
  if (!g.what && year) return { type: "DATE", value: String(Number(year) - 1).padStart(4, "0"), meaning: `the year before ${year}, the year mentioned just before` };
  return relativeReading("year", -1, scope);
}

/** "that year", "by that time", "the same day", "the entire year": the date the text spoke of just before. */
const THAT_TIME = pattern(`${WB}(?<t>(?:[Tt]hat|[Tt]he\\s+same|[Tt]he\\s+(?:entire|whole))\\s+(?<unit>year|month|week|day|time))${WE}(?!\\s+(?:ago|before|after|earlier|later|last|next|of\\s+the\\s+year))`);
/** "the full year" of a forecast or a report is the year the article is in ("raised its forecast for the full year"). */
const FULL_YEAR = pattern(`${WB}(?<t>[Tt]he\\s+full\\s+year)${WE}`, "", /full\s+year/);

const UNIT_CHARS: Record<string, number> = { year: 4, month: 7, week: 7, day: 10, time: 99 };

function readThatTime(g: Groups, scope: Scope): Reading | null {
  const previous = scope.previous;
  const unit = g.unit!.toLowerCase();
  // "the entire year" with no date before it: the article's own year.
  if (!previous) return /entire|whole|full/i.test(g.t!) && unit === "year" ? relativeReading("year", 0, scope) : null;
  // "that year" after "the financial year" is that fiscal year; no finer unit is in one.
  if (previous.value.startsWith("FY")) return unit === "year" ? { type: "DATE", value: previous.value, meaning: `the fiscal year the text spoke of just before (${previous.value})`, basis: "earlier-date" } : null;
  if (unit === "week" && !/W\d\d/.test(previous.value)) return null;
  const value = previous.value.slice(0, UNIT_CHARS[unit]);
  if (value.length < Math.min(UNIT_CHARS[unit]!, 10) && unit !== "time") return null;
  return { type: "DATE", value, meaning: `the ${unit} the text spoke of just before (${previous.value})`, basis: "earlier-date" };
}

/** "later in the day", "earlier in the day" (not "at the end of the day", an idiom for "in the end"). */
const IN_THE_DAY = pattern(`${WB}(?<t>(?:[Ll]ater|[Ee]arlier)\\s+in\\s+the\\s+day)${WE}`, "", /the\s+day/);
/** "that evening", "in the afternoon": a part of the day the text spoke of just before (else the article's). */
const PART_OF_THAT_DAY = pattern(`${WB}(?:(?<t>[Tt]hat\\s+(?<part>morning|afternoon|evening|night))|(?<=${WB}in\\s+)(?<t2>the\\s+(?<part2>morning|afternoon|evening)))${WE}(?!\\s+(?:of|before|after)${WE})`, "", /morning|afternoon|evening|night/);

/** "in morning trading", "the afternoon session": a part of the day a market report is about. */
const SESSION = pattern(`${WB}(?<t>(?<part>morning|afternoon|evening))(?=\\s+(?:trading|trade|dealings|session)${WE})`, "i", /trad|dealing|session/i);

function readSession(g: Groups, scope: Scope): Reading {
  const day = dayInFocus(scope);
  const part = (g.part ?? g.part2)!.toLowerCase();
  return { ...day, type: "TIME", value: `${day.value}T${PART_OF_DAY[part]}`, meaning: `the ${part} of ${day.meaning}` };
}

/**
 * "the previous day", "the next day", "the day before", "the week after": a day, week or month counted from the one
 * the text spoke of just before (else the article's date). "The day before the vote" counts from the vote, a
 * noun phrase no rule resolves, so "before"/"after" are read only at a phrase's end.
 */
const NEIGHBOUR = pattern(
  `${WB}(?<t>[Tt]he\\s+(?:(?<dir>previous|preceding|prior|next|following|subsequent)\\s+(?:(?<unit>day)|(?<part>morning|afternoon|evening|night))|(?<unit2>day|week|month)\\s+(?<dir2>before|after|earlier|later)(?=\\s*(?:[,.;:!?)”"]|$|and\\b|but\\b))))${WE}`,
  "",
  /\b(?:day|week|month|morning|afternoon|evening|night)\b/,
);

function readNeighbour(g: Groups, scope: Scope): Reading | null {
  if (g.part) {
    // "the next morning": a part of the day after (or before) the one spoken of.
    const day = readNeighbour({ ...g, part: undefined, unit: "day" }, scope);
    const part = g.part.toLowerCase();
    return day && { ...day, type: "TIME", value: `${day.value}T${PART_OF_DAY[part]}`, meaning: `the ${part} of ${day.meaning}` };
  }
  const unit = (g.unit ?? g.unit2)! as "day" | "week" | "month";
  const shift = /^(?:previous|preceding|prior|before|earlier)$/.test(g.dir ?? g.dir2!) ? -1 : 1;
  const said = unit === "day" ? scope.previousDay : scope.previous?.value;
  const anchor = said ? (unit === "day" ? parseDay(said) : anchorDay(said, unit)) : null;
  const words = `the ${unit} ${shift < 0 ? "before" : "after"}`;
  if (anchor) return { type: "DATE", value: periodValue(anchor, unit, shift), meaning: `${words} ${said}, the date the text spoke of just before`, basis: "earlier-date" };
  if (!scope.dct) return null;
  const r = relativeReading(unit, shift, scope);
  return { ...r, meaning: `${words} the article's date, no date being spoken of before` };
}

export function findAnaphoric(sentence: string): Candidate[] {
  return [
    ...scan(sentence, SAME_LAST_YEAR, readSameLastYear),
    ...scan(sentence, THAT_TIME, readThatTime),
    ...scan(sentence, IN_THE_DAY, (_g, scope) => dayInFocus(scope)),
    ...scan(sentence, NEIGHBOUR, readNeighbour),
    ...scan(sentence, SESSION, readSession).map((c) => ({ ...c, modifiable: true })),
    ...scan(sentence, PART_OF_THAT_DAY, readSession),
    ...scan(sentence, FULL_YEAR, (_g, scope) => relativeReading("year", 0, scope)),
  ];
}
