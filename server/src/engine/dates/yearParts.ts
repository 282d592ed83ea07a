// Parts of a year: seasons ("the spring", "the summer season", "winter 2021") and quarters/halves
// ("the first quarter of 2009", "the last quarter", "third-quarter"). A season without a year is
// placed from the article's date by tense, like a month.
import { directionFor, directionWords, placeInYear, tenseReason } from "./anchor";
import { type Day, formatDay, formatYear } from "./calendar";
import { BEFORE_NOUN, LAST, NEXT, SEASON, SEASONS, THIS, WB, WE } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";
import { relativeReading } from "./relative";

const SEASON_ORDER = ["SP", "SU", "FA", "WI"];
/**
 * Position of a month in the season cycle of its year: spring 1 … winter 4 (December), with
 * January and February at 0, the tail of the previous year's winter.
 */
const seasonPosition = (month: number) => (month <= 2 ? 0 : Math.floor(month / 3) === 4 ? 4 : Math.floor(month / 3));

/**
 * "the spring", "last winter", "summer 2021"; a determiner-less "fall"/"spring" (both also verbs) only with a
 * year, after a preposition of time ("in spring", "by fall") or as the subject of a verb that cannot follow
 * the verb "spring" ("spring shows signs of hope"). A season before a capitalised word is part of a name ("Fall River",
 * "the Summer Olympics").
 */
const SEASON_PHRASE = pattern(
  `${WB}(?<t>(?:(?<mod>${LAST}|${NEXT}|${THIS})\\s+|(?<the>[Tt]he)\\s+|(?<bare>(?:(?<=(?<prep>\\b(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Tt]hroughout|[Bb]efore|[Aa]fter|[Ff]rom|[Ee]arly|[Ll]ate)\\s+))|)))(?<s>${SEASON})(?:,?\\s+(?:of\\s+)?(?<y>1[89]\\d\\d|20\\d\\d))?)${WE}(?!\\s+of\\s+(?!\\d))(?!\\s+Time${WE})(?!\\s+\\p{Lu}\\p{Ll})(?:(?<noun>${BEFORE_NOUN})|)(?:(?<verb>(?=\\s+(?:is|was|has|had|will|would|came|comes|arrived|arrives|began|begins|brought|brings|shows|showed|saw|sees)${WE}))|)`,
);

function readSeason(g: Groups, scope: Scope, at: { start: number }): Reading | null {
  const word = g.s!.toLowerCase().split(/\s+/)[0]!;
  const code = SEASONS[word]!;
  if (g.bare !== undefined && !g.y && g.prep === undefined && g.verb === undefined && (word === "fall" || word === "spring")) return null;
  // "a winter storm", "summer camp": a season word modifying a noun is no time of its own.
  if (g.bare !== undefined && !g.y && g.noun !== undefined) return null;
  if (g.y) return { type: "DATE", value: `${g.y}-${code}`, meaning: `the ${word} of ${g.y}` };
  if (!scope.dct) return { type: "DATE", value: `XXXX-${code}`, meaning: `a ${word}; the article has no date` };
  const cue = scope.tenseCueAt(at.start);
  const direction = directionFor(g.mod, cue.tense, "same");
  const year = placeInYear(scope.dct.year, seasonPosition(scope.dct.month), SEASON_ORDER.indexOf(code) + 1, 4, direction);
  const { why, basis } = tenseReason(g.mod, cue);
  return { type: "DATE", value: `${formatYear(year)}-${code}`, meaning: `the ${word} ${directionWords(direction)} the article's date ${formatDay(scope.dct)}${why}`, ...(basis && { basis }) };
}

const ORDINAL: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4 };
/** "the first quarter of 2009", "the fourth quarter", "the final quarter of last year", "third-quarter", "Q3 2009", "the first half". */
const PART_OF_YEAR = pattern(
  `${WB}(?<t>(?:[Tt]he\\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[-\\s](?<kind>quarter|half)(?:\\s+of\\s+(?:(?<y>1[89]\\d\\d|20\\d\\d)|(?<rel>${LAST}|${THIS}|${NEXT}|the)\\s+(?:year|yr)|(?<fy>fiscal\\s+(?<fyy>\\d{4}))))?|Q(?<qn>[1-4])\\s+(?<qy>\\d{4}))${WE}`,
  "i",
);

function quarterYear(g: Groups, dct: Day | null): number | null {
  if (g.y ?? g.fyy ?? g.qy) return Number(g.y ?? g.fyy ?? g.qy);
  if (!dct) return null;
  if (g.rel && /last|final|previous|past|prior|preceding/i.test(g.rel)) return dct.year - 1;
  if (g.rel && /next|following|coming|subsequent/i.test(g.rel)) return dct.year + 1;
  return dct.year;
}

function readPartOfYear(g: Groups, scope: Scope): Reading | null {
  const kind = (g.kind ?? "quarter").toLowerCase();
  const size = kind === "half" ? 2 : 4;
  const code = kind === "half" ? "H" : "Q";
  const ord = g.ord?.toLowerCase();
  const hasYear = Boolean(g.y ?? g.fyy ?? g.qy ?? g.rel);
  // "the last quarter" with no year: the quarter before the article's; with a year: that year's last.
  if ((ord === "last" || ord === "final") && !hasYear) return kind === "quarter" ? relativeReading("quarter", -1, scope) : null;
  const n = g.qn ? Number(g.qn) : ord === "last" || ord === "final" ? size : ORDINAL[ord ?? ""];
  if (!n || n > size) return null;
  let year = quarterYear(g, scope.dct);
  let how = hasYear ? "as written" : "of the article's year";
  if (!hasYear && scope.dct && kind === "quarter") {
    // Quarters are named close to the article's date, whatever the tense: "fourth-quarter profit" in January is last year's.
    const direction = "nearest";
    year = placeInYear(scope.dct.year, Math.ceil(scope.dct.month / 3), n, 4, direction);
    how = `${directionWords(direction)} the article's date ${formatDay(scope.dct)}`;
  }
  const value = `${year === null ? "XXXX" : formatYear(year)}-${code}${n}`;
  return { type: "DATE", value, meaning: `${kind === "half" ? "half" : "quarter"} ${n} of the year, ${how}` };
}

export function findYearParts(sentence: string): Candidate[] {
  return [...scan(sentence, SEASON_PHRASE, readSeason), ...scan(sentence, PART_OF_YEAR, readPartOfYear)].map((c) => ({ ...c, modifiable: true }));
}
