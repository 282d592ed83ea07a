// Names and number words of English time expressions, as regular-expression fragments.
// Month and weekday names are matched case-sensitively (capitalised), so that the verbs
// "may", "march" and the adjective "august" never count.
import { SEASON_GLOSS, SPUN_LAST, SPUN_MAY, SPUN_NEXT, SPUN_YEAR } from "./spun";

export const alt = (words: readonly string[]) => `(?:${words.join("|")})`;

/** Like `alt`, also accepting each word capitalised (sentence-initial "Final week"), for patterns that must stay case-sensitive. */
export const altCap = (words: readonly string[]) => alt(words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`));

/** Start and end of a word, Unicode-aware (\b only knows ASCII letters). */
export const WB = "(?<![\\p{L}\\p{N}_])";
export const WE = "(?![\\p{L}\\p{N}_])";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Month number (1–12) of a month word: full name, abbreviation ("Sept."), upper-case form, or a
 * spin of "May". Null for anything else.
 */
export function monthNumber(word: string): number | null {
  const w = word.replace(/\.$/, "");
  if (SPUN_MAY.includes(w)) return 5;
  const lower = w.toLowerCase();
  const full = MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower);
  if (full >= 0) return full + 1;
  const abbr = MONTH_ABBREVIATIONS.findIndex((m) => m.toLowerCase() === lower.slice(0, 3));
  return abbr >= 0 && (lower.length === 3 || lower === "sept") ? abbr + 1 : null;
}

export const monthName = (month: number) => MONTH_NAMES[month - 1]!;

/** Month names safe to read on their own: every full name but "May" (a modal and a surname). */
export const STRONG_MONTH = alt([...MONTH_NAMES.filter((m) => m !== "May"), ...MONTH_NAMES.filter((m) => m !== "May").map((m) => m.toUpperCase())]);
/** Month words that need a date context: "May", its spins, and abbreviations ("Feb.", "Sept."). */
export const WEAK_MONTH = alt(["May", "MAY", ...SPUN_MAY, "Sept\\.?", ...MONTH_ABBREVIATIONS.filter((m) => m !== "May").map((m) => `${m}\\.?`)]);
/** Weak month words that may stand alone after a date preposition: "in May", "in Could", "since Sept.". */
export const BARE_WEAK_MONTH = alt(["May", "MAY", ...SPUN_MAY, ...MONTH_ABBREVIATIONS.filter((m) => m !== "May").map((m) => `${m}\\.`), "Sept\\."]);
export const ANY_MONTH = `(?:${STRONG_MONTH}|${WEAK_MONTH})`;

const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
export const WEEKDAY = alt([...WEEKDAY_NAMES, ...WEEKDAY_NAMES.map((d) => d.toUpperCase())]);
/** ISO weekday number (Monday 1 … Sunday 7) of a weekday name. */
export const weekdayNumber = (word: string) => WEEKDAY_NAMES.findIndex((d) => d.toLowerCase() === word.toLowerCase()) + 1;
export const weekdayName = (n: number) => WEEKDAY_NAMES[n - 1]!;

/**
 * Lookahead: a lower-case word follows that is neither a function word nor one of a few verbs, so the time word before
 * it modifies a noun ("Christmas sales", "a winter storm") rather than naming a time ("at Christmas, and …",
 * "Thanksgiving falls on …").
 */
export const BEFORE_NOUN = `(?=\\s+\\p{Ll}+(?<!\\s(?:and|or|but|in|on|at|of|to|for|with|when|as|is|was|will|would|this|last|next|that|the|a|an|each|every|itself|falls|fell|comes|came|approaches|approached|arrives|arrived|brings|brought|passed|nears|neared|sees|saw|shows|showed|has|had|began|begins|set|sets|ended|ends|starts|started|after|before|from|until|through|while|because|since|so|then))${WE})`;

/** Seasons as TIMEX3 writes them. */
export const SEASONS: Record<string, "SP" | "SU" | "FA" | "WI"> = { spring: "SP", summer: "SU", autumn: "FA", fall: "FA", winter: "WI" };
export const SEASON = `(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)${SEASON_GLOSS}`;

/** "last" and its spins, "next" and its spins, case-insensitive words. */
export const LAST = altCap(["last", ...SPUN_LAST]);
export const NEXT = altCap(["next", ...SPUN_NEXT]);
export const THIS = altCap(["this", "current"]);
export const isLast = (w: string) => new RegExp(`^${LAST}$`, "i").test(w);
export const isNext = (w: string) => new RegExp(`^${NEXT}$`, "i").test(w);

/** Calendar units and their spins. Groups: the unit word as written. */
export const YEAR_WORD = alt(["years?", ...SPUN_YEAR]);
export const UNIT = `(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|${YEAR_WORD}|decades?|centur(?:y|ies))`;

export type Unit = "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "century";

/** Canonical unit of a unit word ("yrs" → year, "12 months" → year, "nights" → day). */
export function unitOf(word: string): Unit | null {
  const w = word.toLowerCase().replace(/\s+/g, " ");
  if (w === "12 months" || /^yrs?$/.test(w) || /^years?$/.test(w)) return "year";
  if (/^sec/.test(w)) return "second";
  if (/^min/.test(w)) return "minute";
  if (/^h(ou)?rs?$|^hours?$/.test(w)) return "hour";
  if (/^(days?|nights?)$/.test(w)) return "day";
  if (/^fortnights?$/.test(w)) return "week";
  if (/^weeks?$/.test(w)) return "week";
  if (/^months?$/.test(w)) return "month";
  if (/^decades?$/.test(w)) return "decade";
  if (/^centur/.test(w)) return "century";
  return null;
}

const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** A cardinal in digits or words ("18", "three", "twenty-five", "a", "an"); no vague quantities. */
export const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d{1,4}(?:\\.\\d+)?|${alt([...TENS.slice(2).map((t) => `${t}(?:[- ](?:${SMALL.slice(1, 10).join("|")}))?`), ...SMALL.slice().reverse(), "a", "an", "a single", "hundred", "a hundred"])})(?:[- ]and[- ]a[- ]half)?`;

/** Value of a NUMBER match; "and a half" adds 0.5. Null if it is not one. */
export function numberValue(text: string): number | null {
  let t = text.toLowerCase().trim();
  let half = 0;
  const h = /[- ]and[- ]a[- ]half$/.exec(t);
  if (h) {
    half = 0.5;
    t = t.slice(0, h.index);
  }
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) return Number(t.replace(/,/g, "")) + half;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) + half;
  if (t === "a" || t === "an" || t === "a single") return 1 + half;
  if (t === "hundred" || t === "a hundred") return 100 + half;
  const small = SMALL.indexOf(t);
  if (small >= 0) return small + half;
  const [tens, ones] = t.split(/[- ]/);
  const ten = TENS.indexOf(tens ?? "");
  if (ten < 2) return null;
  const one = ones ? SMALL.indexOf(ones) : 0;
  return one < 0 ? null : ten * 10 + one + half;
}

/** Quantities too vague for a number: the value gets an X ("PXM"). */
export const VAGUE = "(?:a few|few|several|a couple of|couple of|a couple|many|some|a number of|numerous)";
