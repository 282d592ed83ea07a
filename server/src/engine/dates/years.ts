// Years and decades written as numbers: "since 2018", "early 2009", "mid-2011", "the 1990s", "'80s".
// A four-digit number is a year only where a count could not stand: not before a plural noun
// ("2000 workers"), not in money, percentages, thousands or scores.
import { WB, WE } from "./lexicon";
import { pattern, scan } from "./match";
import type { Candidate } from "./model";

// A hyphen before is allowed only after a letter: "mid-2011" but not "2010-2011" (its second half is read as a range elsewhere).
const YEAR = pattern(`(?<![\\p{L}\\p{N}_$£€#.,:/–])(?<![\\p{N}]-)(?<t>(?<y>1[89]\\d\\d|20\\d\\d))(?![\\p{L}\\p{N}_%]|[.,]\\d|[-–/:]\\d|\\s*(?:percent|per cent)${WE})`);
const DECADE = pattern(`(?<![\\p{L}\\p{N}_$£€])(?<t>(?<c>1[89]|20)(?<d>\\d)0s|[’'](?<d2>\\d)0s|(?<d3>[1-9])0s)${WE}`);

/** Words after a number that make it a count, not a year. Function words ending in s are not plurals. */
const NOT_PLURAL = new Set("is was as has this its his us plus versus across thus perhaps always towards besides unless whereas".split(" "));
function isCount(sentence: string, end: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(sentence.slice(end, end + 30))?.[1];
  return next !== undefined && next.length > 2 && next.endsWith("s") && !NOT_PLURAL.has(next);
}

/** "in his 70s" is an age, not a decade. */
const isAge = (sentence: string, start: number) => /(?:his|her|their|its|early|mid|late)[\s-]+$/i.test(sentence.slice(Math.max(0, start - 8), start)) && !/\d{4}/.test(sentence.slice(start, start + 4));

export function findYears(sentence: string): Candidate[] {
  return [
    ...scan(sentence, YEAR, (g) => ({ type: "DATE", value: g.y!, meaning: `the year ${g.y}, as written` }), (_g, _s, e) => !isCount(sentence, e)).map((c) => ({ ...c, modifiable: true })),
    ...scan(
      sentence,
      DECADE,
      (g) => {
        const value = g.c ? `${g.c}${g.d}` : `19${g.d2 ?? g.d3}`;
        return { type: "DATE", value, meaning: `the decade ${value}0–${value}9` };
      },
      (_g, s) => !isAge(sentence, s),
    ),
  ];
}
