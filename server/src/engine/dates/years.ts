// Years and decades written as numbers: "since 2018", "early 2009", "mid-2011", "the 1990s", "'80s".
// A four-digit number is a year only where a count could not stand: not before a plural noun
// ("2000 workers"), not in money, percentages, thousands or scores.
import { formatDay } from "./calendar";
import { isLast, isNext, LAST, NEXT, THIS, WB, WE } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";

// A hyphen before is allowed only after a letter: "mid-2011" but not "2010-2011" (its second half is read as a range elsewhere).
const YEAR = pattern(`(?<![\\p{L}\\p{N}_$£€#.,:/–])(?<![\\p{N}]-)(?<t>(?<y>1[89]\\d\\d|20\\d\\d))(?![\\p{L}\\p{N}_%]|[.,]\\d|[-–/:]\\d|\\s*(?:percent|per cent)${WE})`);
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second"];
const CENTURY_ORDINALS = `(?:${ORDINALS.map((o) => `[${o[0]!.toUpperCase()}${o[0]}]${o.slice(1)}`).join("|")})`;

/** "the 19th century", "the twenty-first century": TIMEX3 writes a century as its first two digits ("18"). */
const CENTURY = pattern(`${WB}(?<t>(?:[Tt]he\\s+)?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>${CENTURY_ORDINALS}))[\\s-]+[Cc]entury)${WE}`, "", /[Cc]entury/);
/** "fiscal 2009", "fiscal year 2010", "FY2011": a company's or a government's financial year. */
const FISCAL = pattern(`${WB}(?<t>(?:[Ff]iscal|[Ff]inancial)\\s+(?:[Yy]ear\\s+)?(?<y>1[89]\\d\\d|20\\d\\d)|FY\\s?(?<y2>20\\d\\d|\\d\\d))(?![\\p{L}\\p{N}_]|[-–/]\\d)`);
/**
 * "the financial year", "this fiscal year", "last fiscal year": the fiscal year counted from the article's. Companies
 * name a fiscal year for the calendar year it mostly lies in or ends in; the article's own year is the usual one.
 */
const FISCAL_PERIOD = pattern(
  `${WB}(?<t>(?:(?<the>[Tt]he)\\s+(?:(?<rel1>current|present|coming|next|following|last|previous|past|prior)\\s+)?|(?<rel2>${LAST}|${NEXT}|${THIS})\\s+)(?:fiscal|financial)\\s+year)${WE}(?!\\s*(?:\\d|of\\s+\\d))`,
  "",
  /(?:fiscal|financial)\s+year/,
);

function readFiscalPeriod(g: Groups, scope: Scope): Reading {
  const rel = (g.rel1 ?? g.rel2 ?? "this").toLowerCase();
  const shift = /^(?:previous|past|prior)$/.test(rel) || isLast(rel) ? -1 : /^(?:coming|following)$/.test(rel) || isNext(rel) ? 1 : 0;
  if (!scope.dct) return { type: "DATE", value: "FYXXXX", meaning: "a fiscal year; the article has no date" };
  const year = scope.dct.year + shift;
  const which = shift < 0 ? "the one before the article's year" : shift > 0 ? "the one after the article's year" : "the article's year";
  return { type: "DATE", value: `FY${year}`, meaning: `the fiscal year ${year}, ${which} (${formatDay(scope.dct)})` };
}

/** "2004-2005", "1968-69", "2010–11": a range of years. */
const YEAR_RANGE = pattern(`(?<![\\p{L}\\p{N}_$£€#.,:/–-])(?<t>(?<y1>1[5-9]\\d\\d|20\\d\\d)\\s?[-–]\\s?(?<y2>\\d{4}|\\d{2}))(?![\\p{L}\\p{N}_%]|[.,]\\d|[-–/:]\\d)`);
/** A year before 1800 only after a word that asks for a date: "founded in 1694", "since 1750". */
const OLD_YEAR = pattern(`(?<=${WB}(?:in|since|from|until|by|of|before|after|around|circa|c\\.)\\s+)(?<t>(?<y>1[5-7]\\d\\d))(?![\\p{L}\\p{N}_%]|[.,]\\d|[-–/:]\\d)`, "", /1[5-7]\d\d/);
const DECADE = pattern(`(?<![\\p{L}\\p{N}_$£€])(?<t>(?<c>1[89]|20)(?<d>\\d)0s|[’'](?<d2>\\d)0s|(?<d3>[1-9])0s)${WE}`);

/** Words after a number that make it a count, not a year. Function words ending in s are not plurals. */
const NOT_PLURAL = new Set("is was as has this its his us plus versus across thus perhaps always towards besides unless whereas".split(" "));
function isCount(sentence: string, end: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(sentence.slice(end, end + 30))?.[1];
  return next !== undefined && next.length > 2 && next.endsWith("s") && !NOT_PLURAL.has(next);
}

/** "in his 70s" is an age, "the low 80s" a temperature or a price, not a decade. */
const isAge = (sentence: string, start: number) =>
  (/(?:his|her|their|its|early|mid|late)[\s-]+$/i.test(sentence.slice(Math.max(0, start - 8), start)) || /(?:low|lower|high|upper|mid)[\s-]+$/i.test(sentence.slice(Math.max(0, start - 8), start))) &&
  !/\d{4}/.test(sentence.slice(start, start + 4));

function readCentury(g: Groups): Reading | null {
  const n = g.n ? Number(g.n) : ORDINALS.indexOf(g.w!.toLowerCase()) + 1;
  if (n < 1 || n > 22) return null;
  const value = String(n - 1).padStart(2, "0");
  return { type: "DATE", value, meaning: `the century of the years ${value}00–${value}99` };
}

function readYearRange(g: Groups): Reading | null {
  const y1 = Number(g.y1);
  const y2 = g.y2!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(g.y2) : Number(g.y2);
  if (y2 <= y1 || y2 - y1 > 50) return null;
  return { type: "DATE", value: String(y1), endValue: String(y2), meaning: `the years ${y1} to ${y2}` };
}

export function findYears(sentence: string): Candidate[] {
  return [
    ...scan(sentence, CENTURY, readCentury).map((c) => ({ ...c, modifiable: true })),
    ...scan(sentence, YEAR_RANGE, readYearRange),
    ...scan(sentence, FISCAL_PERIOD, readFiscalPeriod).map((c) => ({ ...c, modifiable: true })),
    ...scan(sentence, FISCAL, (g) => {
      const y = g.y ?? (g.y2!.length === 2 ? `20${g.y2}` : g.y2!);
      return { type: "DATE", value: `FY${y}`, meaning: `the fiscal year ${y}` };
    }),
    ...[YEAR, OLD_YEAR].flatMap((re) => scan(sentence, re, (g) => ({ type: "DATE", value: g.y!, meaning: `the year ${g.y}, as written` }), (_g, _s, e) => !isCount(sentence, e))).map((c) => ({ ...c, modifiable: true })),
    ...scan(
      sentence,
      DECADE,
      (g) => {
        // "the 1800s", "the 1900s": a century; "the 2000s", "the 1990s", "the '80s": a decade.
        if (g.c && g.d === "0" && g.c !== "20") return { type: "DATE", value: g.c, meaning: `the century of the years ${g.c}00–${g.c}99` };
        const value = g.c ? `${g.c}${g.d}` : `19${g.d2 ?? g.d3}`;
        return { type: "DATE", value, meaning: `the decade ${value}0–${value}9` };
      },
      (_g, s) => !isAge(sentence, s),
    ).map((c) => ({ ...c, modifiable: true })),
  ];
}
