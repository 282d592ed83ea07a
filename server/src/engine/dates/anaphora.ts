// Times named through another time of the text: "the same period last year", "the same month a year
// ago" (the period of the date just mentioned, a year earlier).
import { WB, WE } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";
import { relativeReading } from "./relative";

const SAME_LAST_YEAR = pattern(
  `${WB}(?<t>[Tt]he\\s+same\\s+(?<what>period|month|quarter|week|day|time|season)\\s+(?:of\\s+)?(?:(?:the\\s+)?(?:last|previous|prior|preceding|final)\\s+(?:year|yr)|a\\s+year\\s+(?:ago|earlier|before))|[Tt]he\\s+(?:previous|preceding|prior)\\s+year|[Tt]he\\s+year\\s+(?:before|previous|prior|earlier))${WE}`,
);

/** The previous date's value a year earlier, at its own granularity ("2009-02" → "2008-02", "2009-Q1" → "2008-Q1"). */
function yearEarlier(value: string): string | null {
  const m = /^(\d{4})(-(?:\d\d(?:-\d\d)?|Q\d|H\d|W\d\d|SP|SU|FA|WI))?$/.exec(value);
  return m ? `${String(Number(m[1]) - 1).padStart(4, "0")}${m[2] ?? ""}` : null;
}

function readSameLastYear(g: Groups, scope: Scope): Reading {
  const previous = scope.previous ? yearEarlier(scope.previous.value) : null;
  if (g.what && previous) return { type: "DATE", value: previous, meaning: `the ${g.what} of ${scope.previous!.value} (mentioned just before), a year earlier` };
  // "the previous year" / no earlier date: the year before the one the text is talking about.
  const year = scope.previous ? /^(\d{4})/.exec(scope.previous.value)?.[1] : undefined;
  if (!g.what && year) return { type: "DATE", value: String(Number(year) - 1).padStart(4, "0"), meaning: `the year before ${year}, the year mentioned just before` };
  return relativeReading("year", -1, scope);
}

export function findAnaphoric(sentence: string): Candidate[] {
  return scan(sentence, SAME_LAST_YEAR, readSameLastYear);
}
