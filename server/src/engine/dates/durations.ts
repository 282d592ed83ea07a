// Lengths of time: "two days", "more than three hours", "the coming months" (vague: PXM), the
// duration adjectives "two-day" / "18-month-old" / "decades-long", and lengths anchored to a time:
// "two years ago" (a date before the article's date), "a month prior" (before the previous date).
import { addDays, addMonths, type Day, formatDay, formatMonth, formatYear } from "./calendar";
import { NUMBER, numberValue, UNIT, type Unit, unitOf, VAGUE, WB, WE, altCap } from "./lexicon";
import { type Groups, pattern, scan } from "./match";
import type { Candidate, Reading, Scope } from "./model";
import { SPUN_LAST, SPUN_NEXT } from "./spun";
import { yearsAfter } from "./anaphora";

const CODE: Record<Unit, string> = { second: "S", minute: "M", hour: "H", day: "D", week: "W", month: "M", year: "Y", decade: "DE", century: "CE" };
const isClock = (u: Unit) => u === "second" || u === "minute" || u === "hour";
const SMALLER: Partial<Record<Unit, [Unit, number]>> = { hour: ["minute", 60], minute: ["second", 60], day: ["hour", 24], year: ["month", 12], decade: ["year", 10], century: ["year", 100] };

/** TIMEX3 duration of `n` units (null n: vague, "PXM"); halves go to the next smaller unit ("PT3H30M"). */
export function durationValue(n: number | null, unit: Unit): string {
  const t = isClock(unit) ? "T" : "";
  if (n === null) return `P${t}X${CODE[unit]}`;
  if (unit === "decade" || unit === "century") return `P${Math.round(n * (unit === "decade" ? 10 : 100))}Y`;
  const whole = Math.floor(n);
  const rest = n - whole;
  const smaller = SMALLER[unit];
  if (rest === 0 || !smaller) return `P${t}${rest === 0 ? whole : n}${CODE[unit]}`;
  const [small, per] = smaller;
  const part = `${Math.round(rest * per)}${CODE[small]}`;
  const head = whole ? `${whole}${CODE[unit]}` : "";
  if (isClock(unit)) return `PT${head}${part}`;
  return isClock(small) ? `P${head}T${part}` : `P${head}${part}`;
}

const MODS: [RegExp, string][] = [
  [/^(?:more than|over|just over|well over|upwards of)$/i, "MORE_THAN"],
  [/^(?:at least)$/i, "EQUAL_OR_MORE"],
  [/^(?:less than|under|just under|fewer than)$/i, "LESS_THAN"],
  [/^(?:nearly|almost|up to|no more than|at most)$/i, "EQUAL_OR_LESS"],
  [/^(?:about|around|roughly|approximately|some|an estimated|close to)$/i, "APPROX"],
];
const MOD = "(?<mod>[Mm]ore than|[Oo]ver|[Jj]ust over|[Ww]ell over|[Uu]pwards of|[Aa]t least|[Ll]ess than|[Uu]nder|[Jj]ust under|[Ff]ewer than|[Nn]early|[Aa]lmost|[Uu]p to|[Nn]o more than|[Aa]t most|[Aa]bout|[Aa]round|[Rr]oughly|[Aa]pproximately|[Ss]ome|[Cc]lose to)";
const modOf = (w: string | undefined) => (w ? MODS.find(([re]) => re.test(w.replace(/\s+/g, " ")))?.[1] : undefined);

const SPAN_WORD = altCap(["next", "last", "recent", "first", "previous", ...SPUN_LAST, ...SPUN_NEXT]);
// "before"/"after" are left out: followed by a noun phrase they are prepositions ("Weeks after Russia invaded").
const AFTER = "(?<after>ago|later|earlier|prior|from now|on)";

/**
 * "two days", "the next six months", "the coming months", "more than three hours", "a month prior",
 * "Weeks after", "eight consecutive weeks". Bare plurals ("months") are vague lengths.
 */
const LENGTH = pattern(
  `${WB}(?!(?<=[Hh]alf\\s+)an?\\s)(?<t>(?:${MOD}\\s+(?![Tt]he\\s))?(?:(?<the>[Tt]he)\\s+)?(?:(?<span>${SPAN_WORD})\\s+)?(?:(?<q>${NUMBER}|${VAGUE})\\s+)?(?:(?:consecutive|straight|successive)\\s+)?(?<unit>${UNIT})(?:\\s+${AFTER})?)${WE}(?![-’'])`,
  "i",
);

/** "two-day", "18-month-old", "three-and-a-half-hour", "decades-long", "yearslong", "weeklong". */
const ADJECTIVE = pattern(`${WB}(?<t>(?:(?<q>${NUMBER})-(?<unit>${UNIT})(?:-old|-long)?|(?<vague>decades?|years?|months?|weeks?|days?|hours?)-?long))${WE}(?!-)`, "i");

/** "his decade as President": a possessive before a bare "decade" (the possessive stays outside). */
const POSSESSED_DECADE = pattern(`(?<=${WB}(?:his|her|its|their|our|my)\\s+)(?<t>decade)${WE}`);

/** "between 60 and 90 days", "two or three weeks": the first count of a pair shares the unit named after the second. */
const PAIRED_COUNT = pattern(`${WB}(?<t>(?<q>${NUMBER}))\\s+(?:and|or|to|-)\\s+(?:${NUMBER})\\s+(?<unit>${UNIT})${WE}`, "i");

/** "19 hours and 16 minutes", "two years, three months": a length in two units, the second the smaller. */
const COMPOUND = pattern(`${WB}(?<t>(?:${MOD}\\s+)?(?<q1>${NUMBER})\\s+(?<u1>${UNIT})(?:,\\s*|\\s+and\\s+|\\s+)(?<q2>${NUMBER})\\s+(?<u2>${UNIT}))${WE}`, "i", /(?:sec|min|hour|hr|day|night|week|month|year|yr)[\s\S]*?\s\S*(?:sec|min|hour|hr|day|night|week|month|year|yr)/i);
const ORDER: Unit[] = ["second", "minute", "hour", "day", "week", "month", "year"];

function readCompound(g: Groups): Reading | null {
  const [u1, u2] = [unitOf(g.u1!), unitOf(g.u2!)];
  const [n1, n2] = [numberValue(g.q1!), numberValue(g.q2!)];
  if (!u1 || !u2 || n1 === null || n2 === null || !Number.isInteger(n1) || !Number.isInteger(n2)) return null;
  if (ORDER.indexOf(u2) < 0 || ORDER.indexOf(u1) <= ORDER.indexOf(u2)) return null;
  const part = (n: number, u: Unit) => `${n}${CODE[u]}`;
  const value = isClock(u1) ? `PT${part(n1, u1)}${part(n2, u2)}` : isClock(u2) ? `P${part(n1, u1)}T${part(n2, u2)}` : `P${part(n1, u1)}${part(n2, u2)}`;
  return { type: "DURATION", value, mod: modOf(g.mod), meaning: `a length of ${n1} ${u1}${n1 === 1 ? "" : "s"} and ${n2} ${u2}${n2 === 1 ? "" : "s"}` };
}

/** "half an hour", "half a century". */
const HALF = pattern(`${WB}(?<t>half\\s+an?\\s+(?<unit>hour|day|year|decade|century|month))${WE}`, "i");

/** Shift `day` back (`sign` −1) or forward by n units, at the granularity of the unit. */
function shiftDate(day: Day, n: number, unit: Unit, sign: number): string | null {
  if (!Number.isInteger(n)) return null;
  switch (unit) {
    case "day": return formatDay(addDays(day, sign * n));
    case "week": return formatDay(addDays(day, sign * 7 * n));
    case "month": { const m = addMonths(day.year, day.month, sign * n); return formatMonth(m.year, m.month); }
    case "year": return formatYear(day.year + sign * n);
    case "decade": return formatYear(day.year + sign * 10 * n);
    default: return null;
  }
}

/** A date value's day record at its own granularity ("2022-11" → 1 Nov 2022 with granularity month). */
function dateOfValue(value: string): { day: Day; unit: Unit } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  return { day: { year: Number(m[1]), month: Number(m[2] ?? 1), day: Number(m[3] ?? 1) }, unit: m[3] ? "day" : m[2] ? "month" : "year" };
}

const COARSER: Unit[] = ["day", "week", "month", "year", "decade"];

function readLength(g: Groups, scope: Scope): Reading | null {
  const unit = unitOf(g.unit!);
  if (!unit) return null;
  const plural = /s$/i.test(g.unit!) || /^12 months$/i.test(g.unit!);
  const vague = !g.q || new RegExp(`^${VAGUE}$`, "i").test(g.q);
  const n = vague ? null : numberValue(g.q!);
  if (!vague && n === null) return null;
  // A bare singular unit ("week") is not a length; "the year", "last week" are other rules' business.
  if (vague && !plural) return null;
  if (!g.q && g.span === undefined && g.the) return null; // "the months" — anaphoric, no length
  const mod = modOf(g.mod);
  const value = durationValue(n, unit);
  const after = g.after?.toLowerCase();
  const words = `${n === null ? "some" : n} ${unit}${n === 1 ? "" : "s"}`;
  if (after === "ago" || after === "from now") {
    const sign = after === "ago" ? -1 : 1;
    if (n === null) return { type: "DATE", value: sign < 0 ? "PAST_REF" : "FUTURE_REF", meaning: `${words} ${after}: an unspecified time ${sign < 0 ? "before" : "after"} the article's date` };
    if (!scope.dct) return { type: "DATE", value: "XXXX-XX-XX", meaning: `${words} ${after}; the article has no date` };
    const shifted = shiftDate(scope.dct, n, unit, sign);
    return shifted ? { type: "DATE", value: shifted, mod, meaning: `${words} ${sign < 0 ? "before" : "after"} the article's date ${formatDay(scope.dct)}` } : { type: "DURATION", value, mod, meaning: `${words} ${after}` };
  }
  if (after && after !== "on") {
    // "a month prior", "a few months later": measured from the last date the text gave, if it is as fine as the unit.
    const sign = /later|after/.test(after) ? 1 : -1;
    // "sales rose in the fourth quarter from a year earlier": whole years keep the period spoken of (2014-Q4).
    const sameperiod = unit === "year" && n !== null && Number.isInteger(n) && scope.previous ? yearsAfter(scope.previous.value, sign * n) : null;
    if (sameperiod) return { type: "DATE", value: sameperiod, mod, meaning: `${words} ${sign < 0 ? "before" : "after"} ${scope.previous!.value}, the date mentioned just before` };
    const anchor = scope.previous ? dateOfValue(scope.previous.value) : null;
    if (n !== null && anchor && COARSER.indexOf(anchor.unit) <= COARSER.indexOf(unit) && COARSER.indexOf(unit) >= 0) {
      const shifted = shiftDate(anchor.day, n, unit, sign);
      if (shifted) return { type: "DATE", value: shifted.slice(0, unit === "year" ? 4 : unit === "month" ? 7 : 10), mod, meaning: `${words} ${sign < 0 ? "before" : "after"} ${scope.previous!.value}, the date mentioned just before` };
    }
    return { type: "DURATION", value, mod, meaning: `${words}, counted from another event` };
  }
  const span = g.span ? ` (${g.span.toLowerCase()})` : "";
  return { type: "DURATION", value, mod, meaning: `a length of ${words}${span}` };
}

/**
 * "a 35-year-old man", "the 54-year-old said": a person's age, not a time expression; "an 18-month-old partnership"
 * is how long a thing has lasted, and stays.
 */
function isAge(g: Groups, sentence: string, end: number): boolean {
  if (!/-old$/i.test(g.t ?? "")) return false;
  const next = /^\s*([\p{L}’']+|[^\s\p{L}])/u.exec(sentence.slice(end))?.[1]?.toLowerCase() ?? "";
  // Years old is said of people far more than of things ("the 18-year-old striker"): an age unless a thing follows.
  if (/^years?$/i.test(g.unit ?? "") && /^\p{Ll}/u.test(next)) return !THINGS.test(next);
  return PERSONS.test(next) || !/^\p{Ll}/u.test(next) || /^(?:was|is|has|had|who|said|says|will|would|and|from|of|in|at|on)$/.test(next);
}
/** Things whose age news gives in years: "a 30-year-old building", "the 40-year-old law" (lengths, not ages). */
const THINGS =
  /^(?:building|buildings|house|home|bridge|tower|church|school|plant|factory|mill|mine|reactor|dam|road|car|cars|plane|aircraft|ship|vessel|boat|tree|trees|company|firm|business|brand|band|law|laws|rule|ban|policy|treaty|agreement|deal|pact|dispute|conflict|war|feud|rivalry|tradition|record|mystery|case|program|programme|system|network|partnership|relationship|marriage|alliance|organization|organisation|institution|club|party|league|festival|event|store|shop|restaurant|newspaper|magazine|stadium|hotel|ritual|question|debate|fight|struggle|insurgency|practice|model|design|technology|fleet|wine|whisky|whiskey|bottle|painting)$/;
const PERSONS =
  /^(?:man|men|woman|women|boy|boys|girl|girls|child|children|baby|toddler|teen|teenager|son|daughter|mother|father|brother|sister|wife|husband|grandmother|grandfather|suspect|victim|driver|resident|student|player|patient|worker|officer|soldier|survivor|mom|dad|actor|actress|singer|former|retired)$/;

function readAdjective(g: Groups): Reading | null {
  if (g.vague) {
    const unit = unitOf(g.vague.replace(/-$/, ""));
    if (!unit) return null;
    const plural = /s-?$/.test(g.vague.toLowerCase());
    return { type: "DURATION", value: durationValue(plural ? null : 1, unit), meaning: plural ? `lasting some ${unit}s` : `lasting a ${unit}` };
  }
  const unit = unitOf(g.unit!);
  const n = numberValue(g.q!);
  if (!unit || n === null) return null;
  return { type: "DURATION", value: durationValue(n, unit), meaning: `lasting ${n} ${unit}${n === 1 ? "" : "s"}` };
}

/** "one day" alone is "someday"; "one day" after "for", "within"… is a length. */
function isSomeday(sentence: string, g: Groups, start: number): boolean {
  return /^one$/i.test(g.q ?? "") && /^days?$/i.test(g.unit ?? "") && !g.after && !/(?:for|within|in|over|only|just|than|the)\s+$/i.test(sentence.slice(Math.max(0, start - 10), start));
}

/** "a second term", "a second time": the ordinal, not a length of one second. */
function isOrdinalSecond(sentence: string, g: Groups, end: number): boolean {
  return /^an?$/i.test(g.q ?? "") && /^second$/i.test(g.unit ?? "") && !g.after && /^\s+\p{L}/u.test(sentence.slice(end, end + 3)) && !/^\s+(?:and|or|to|of|in|later|earlier|before|after|ago)\b/i.test(sentence.slice(end, end + 10));
}

/**
 * "if there ever came a day when…", "not a day anybody can be prepared for": "a day" before a relative clause is an
 * occasion, not a length ("closed for a day when the power failed" is a length: a preposition of length before it).
 */
function isOccasion(sentence: string, g: Groups, start: number, end: number): boolean {
  return (
    /^an?$/i.test(g.q ?? "") &&
    !g.after &&
    /^\s+(?:when|where|that|which|I|we|you|he|she|they|anybody|anyone|everybody|everyone|nobody|no one|somebody|someone|people)\b/.test(sentence.slice(end, end + 12)) &&
    !/(?:for|within|in|over|only|just|than|about|nearly|almost|barely|least|most|more|less|per|took|takes|take|lasted|lasts|spent|spend)\s+$/i.test(sentence.slice(Math.max(0, start - 10), start))
  );
}

/**
 * "75 hours of video", "ten hours of battery life", "150 hours can be stored": playing time measures an amount of
 * recorded content (or a device's capacity), not a period in which anything happens ("two hours of talks" is one).
 */
function isContentAmount(sentence: string, g: Groups, start: number, end: number): boolean {
  if (g.after || !/^(?:hours?|minutes?|seconds?|hrs?|mins?)$/i.test(g.unit ?? "")) return false;
  const after = sentence.slice(end, end + 40);
  return (
    CONTENT_AFTER.test(after) ||
    /^\s+(?:(?:can|could|will|would|may|might)\s+)?(?:be|been|are|were|is)\s+(?:stored|saved|recorded|uploaded)\b/i.test(after) ||
    /\b(?:stores?|stored|storing|holds?|holding|fits?)\s+(?:up to\s+|about\s+|around\s+|roughly\s+|some\s+)?$/i.test(sentence.slice(Math.max(0, start - 24), start))
  );
}
const CONTENT_AFTER =
  /^\s+of\s+(?:(?:new|original|recorded|high-definition|HD|live|raw|archival|archive|uploaded|digital|music|audio|video)\s+)?(?:video|videos|footage|film|films|movies|music|songs|audio|recordings?|programming|programmes|programs|content|television|TV|podcasts?|battery|playback|talk time|standby|tape|tapes)\b/i;

/** Counts that are frequencies, not lengths: "a day" in "twice a day". */
function isFrequency(sentence: string, start: number): boolean {
  return /(?:once|twice|times|per)\s+$/i.test(sentence.slice(Math.max(0, start - 8), start));
}

/** A bare plural unit after a determiner names particular periods, not a length: "those days", "his years". */
function isDeterminedPlural(sentence: string, g: Groups, start: number): boolean {
  return !g.q && !g.span && /(?:these|those|this|that|his|her|their|its|our|my|your|the|early|of the)\s+$/i.test(sentence.slice(Math.max(0, start - 10), start));
}

export function findDurations(sentence: string): Candidate[] {
  return [
    ...scan(sentence, LENGTH, readLength, (g, s, e) => !isSomeday(sentence, g, s) && !isFrequency(sentence, s) && !isDeterminedPlural(sentence, g, s) && !isOrdinalSecond(sentence, g, e) && !isOccasion(sentence, g, s, e) && !isContentAmount(sentence, g, s, e)),
    ...scan(sentence, ADJECTIVE, readAdjective, (g, _s, end) => !isAge(g, sentence, end)),
    ...scan(sentence, PAIRED_COUNT, (g) => {
      const unit = unitOf(g.unit!);
      const n = numberValue(g.q!);
      return unit && n !== null ? { type: "DURATION", value: durationValue(n, unit), meaning: `a length of ${n} ${unit}${n === 1 ? "" : "s"} (the unit named after the pair)` } : null;
    }),
    ...scan(sentence, COMPOUND, readCompound),
    ...scan(sentence, POSSESSED_DECADE, () => ({ type: "DURATION", value: "P10Y", meaning: "a length of ten years" })),
    ...scan(sentence, HALF, (g) => {
      const unit = unitOf(g.unit!);
      return unit ? { type: "DURATION", value: durationValue(0.5, unit), meaning: `half a ${unit}` } : null;
    }),
  ];
}
