// Pass 1: names found by their shape. A capitalised run of words ("Secretary of State Antony J. Blinken") is split
// into what leads it (titles, places, organisations: the role) and the name itself, which is then typed from the
// gazetteer, organisation and place heads, compromise's tags and the words around it.
import type { EntityType, Weighing } from "../types";
import {
  CONNECTORS, FUNCTION_WORDS, NAME_PARTICLES, isAdjectiveForm, isDemonymForm, isShoutedForm, isAcronym, isCamelBrand, isCommonWord, isDemonym, isDictionaryWord, isFunctionWord,
  gazetteerVotes, isHonorific, titleCase, isLexiconWord, isModelCode, isOtherPrefix, isOrgHead, isOrgLead, isOtherHead, isPlaceHead, isProductNoun, isProductTail,
  isHolidayWord, isShipPrefix, isTimeWord, isTitleHead, isTitleWord, known,
} from "./lexicon";
import { COMMON_ACRONYMS } from "./gazetteer";
import { givenName, placeFacts, surname } from "./gazetteers";
import { modelLoaded, observed, VERDICTS, weigh } from "./typer";
import type { Token } from "./tokens";

export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** null: a name, but of no type the evidence can tell. Later passes may type it from the rest of the article. */
  type: EntityType | null;
  /** The gazetteer's canonical form, where the name is a known one ("US" → "United States"). */
  canonical?: string;
  /** Words before the name that say what the person is ("Secretary of State", "CIA chief"). */
  role?: { start: number; end: number };
  /** The name stood after an honorific (Mr., Dr.): certainly a person. */
  honorific?: boolean;
  /** The type to take when nothing in the article says otherwise. */
  fallback?: EntityType;
  /** A lone acronym ("CDC", "SVM"): it takes the type of the long form it abbreviates, where the text gives one. */
  acronym?: boolean;
  /**
   * Where the acronym is defined: "Centers for Disease Control and Prevention (CDC)", "support vector machine (SVM)".
   * The long form's verdict is the acronym's: a name's type, or no name at all.
   */
  longForm?: { start: number; end: number };
}

/** Words after a name that say a person acted: "Sun remarked", "Biden administration". */
/**
 * Lowercase nouns right before a name that say what it is: "the carmaker Ford", "the rebel group Hamas", "the anti-piracy
 * force Atalanta", "the city of Fallujah", "the actor Tom Hanks".
 */
const DESCRIBED_AS: [RegExp, EntityType][] = [
  [/^(?:company|firm|group|carmaker|automaker|airline|carrier|bank|lender|insurer|retailer|giant|maker|manufacturer|conglomerate|start-?up|agency|party|organi[sz]ation|charity|network|broadcaster|channel|newspaper|daily|magazine|tabloid|website|site|portal|band|team|club|union|force|militia|movement|faction|ministry|department|university|subsidiary|unit|label|publisher|studio|operator|developer|exchange|regulator|watchdog|council|committee|coalition|alliance|outfit|chain|brand|insurgents|rebels)$/, "organization"],
  [/^(?:city|town|village|province|county|district|region|island|islands|country|capital|port|neighbou?rhood|suburb|municipality|resort|state|valley|river|lake|mountain|hamlet|settlement|enclave|territory|republic|kingdom|emirate)$/, "place"],
  [/^(?:actor|actress|singer|musician|rapper|player|striker|midfielder|defender|goalkeeper|batsman|bowler|pitcher|quarterback|coach|manager|writer|novelist|poet|journalist|photographer|artist|painter|director|producer|lawyer|doctor|physician|scientist|researcher|student|teacher|priest|bishop|rabbi|imam|businessman|businesswoman|entrepreneur|billionaire|banker|investor|politician|lawmaker|senator|governor|mayor|minister|spokesman|spokeswoman|spokesperson|son|daughter|wife|husband|mother|father|brother|sister|widow|boy|girl|man|woman)$/, "person"],
];

function describedAs(tokens: readonly Token[], from: number): EntityType | null {
  const before = tokens[from - 1];
  if (!before || before.capitalised || tokens[from]!.punctBefore !== "") return null;
  // "the city of Fallujah": only places are said this way with "of".
  if (before.core === "of") {
    const noun = tokens[from - 2];
    return noun && !noun.capitalised && before.punctBefore === "" && DESCRIBED_AS[1]![0].test(noun.word.lower) ? "place" : null;
  }
  for (const [nouns, type] of DESCRIBED_AS) if (nouns.test(before.word.lower)) return type;
  return null;
}

const COMPANY_THINGS =
  /^(?:shares?|stock|stocks|profits?|losses|revenues?|sales|earnings|workforce|plants?|factories|factory|employees|workers|staff|board|subsidiary|subsidiaries|headquarters|shareholders|stockholders|executives|customers|products|brands?|dealers|dealerships|stores|chief|ceo|chairman|chairwoman|spokesman|spokeswoman|spokesperson|market|bankruptcy|lineup|models|vehicles|cars)$/i;

const PERSON_FOLLOWERS = new Set(
  "said says told added noted argued wrote stated remarked explained insisted warned acknowledged asked replied answered announced urged tweeted administration family wife husband".split(" "),
);

/** A headline in Title Case capitalises every content word, so capitals there say nothing about names. */
export function isTitleCaseLine(tokens: readonly Token[], headline = false): boolean {
  // One walk over the line, asked of every line: a prose line is told by its first lowercase content word.
  let words = 0;
  let content = 0;
  let lower = 0;
  for (const t of tokens) {
    if (!/\p{L}/u.test(t.core)) continue;
    words++;
    if (FUNCTION_WORDS.has(t.word.lower) || /^\d/.test(t.core)) continue;
    content++;
    if (t.capitalised) continue;
    lower++;
    if (!headline) return false; // (with fewer than two words the line is no title-case line either)
  }
  if (words < 2) return false;
  // A long headline may keep a word or two of science or style in lowercase ("Mycobacterium tuberculosis", "using").
  return lower === 0 || (headline && lower <= Math.floor((content - lower) / 4));
}

/** Maximal runs of capitalised words, joined by connectors where a name allows them ("University of X"). */
function capitalisedRuns(tokens: readonly Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.capitalised) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && (!tokens[j]!.possessive || possessiveInsideName(tokens, j))) {
      const next = tokens[j + 1]!;
      if (next.punctBefore !== "" && next.punctBefore !== "&") break;
      if (next.capitalised) {
        j++;
        continue;
      }
      // Name particles join when a capitalised word follows them ("von der Leyen").
      let k = j + 1;
      while (k < tokens.length && NAME_PARTICLES.has(tokens[k]!.core) && tokens[k]!.punctBefore === "") k++;
      if (k > j + 1 && k < tokens.length && tokens[k]!.capitalised && tokens[k]!.punctBefore === "") {
        j = k;
        continue;
      }
      // A connector joins only if a capitalised word follows and the run so far is the kind of name that has one.
      const after = tokens[j + 2];
      const word = next.word.lower;
      if (!CONNECTORS.has(word) || !after || !after.capitalised || after.punctBefore !== "") break;
      const head = tokens[j]!;
      const allowed =
        // "Envoy for Climate", "Secretary for Health": a title's complement, cut from the name later.
        word === "for" && isTitleHead(head) ? true
        : word === "of"
          ? isOrgLead(head) || isTitleWord(head) || isPlaceHead(head) || isOrgHead(head) ||
            tokens.slice(i, j + 1).some((_, k) => known(tokens.slice(i + k, j + 3).map((t) => t.core).join(" ")) !== undefined) // "United States of America"
        : word === "and" || word === "&"
          // "Centers for Disease Control and Prevention", not "Bank of America and Citigroup".
          ? (tokens.slice(i, j + 1).some((t) => /^(for|of)$/.test(t.core)) && isDictionaryWord(after) && !isOrgLead(after) && !known(after.core)) ||
            // "National Aeronautics and Space Administration": ordinary words on both sides, ending in a head.
            (j > i && tokens.slice(i, j + 1).every((t) => isDictionaryWord(t) || ENGLISH_SUFFIX.test(t.core)) && tokens.slice(j + 2, j + 5).some((t, k) => isOrgHead(t) && tokens.slice(j + 2, j + 3 + k).every((u) => u.capitalised && u.punctBefore === "")))
        : word === "the" ? false
        : isOrgHead(head) || isOrgLead(head);
      if (!allowed) break;
      j += 2;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/**
 * "National People's Congress", "Women's World Cup", "Children's Hospital": a common word's possessive inside a name
 * that goes on to its head. A name's possessive ("Beijing's Great Hall", "Xi's Communist Party") ends the name.
 */
function possessiveInsideName(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (!t.capitalised || t.word.known) return false;
  const common = isDictionaryWord(t);
  for (let k = j + 1; k < tokens.length && k <= j + 3; k++) {
    const next = tokens[k]!;
    if (!next.capitalised || next.punctBefore !== "") return false;
    // A proper name's possessive stays inside only a company's name: "Hudson's Bay Company", "McDonald's Corp.".
    if (common ? isOrgHead(next) || isOtherHead(next) || isOrgLead(next) : LEGAL_FORM.test(next.core)) return true;
  }
  return false;
}

/** Longest gazetteer entry starting at token i within [i, end]: the index of its last token. */
function knownAt(tokens: readonly Token[], text: string, i: number, end: number): number {
  for (let j = Math.min(end, i + 5); j >= i; j--) {
    if (j > i && tokens.slice(i + 1, j + 1).some((t) => t.punctBefore !== "")) continue;
    if (j < end || j === end) {
      const form = text.slice(tokens[i]!.start, tokens[j]!.coreEnd);
      if (known(form)) return j;
    }
  }
  return -1;
}

export interface LineContext {
  text: string;
  tokens: readonly Token[];
  titleCase: boolean;
  /** Lowercase words the article uses: a capitalised sentence-initial word that also appears in lowercase is common. */
  lowercaseWords: ReadonlySet<string>;
  /** Words the article capitalises inside sentences (not at their start, not in Title Case lines), and how often. */
  capitalisedWords?: ReadonlyMap<string, number>;
  /** How often the article writes each word capitalised, wherever (headline and sentence starts included). */
  capitalisedAnywhere?: ReadonlyMap<string, number>;
  /** Weak evidence weighed by the learned model (default) or by the rules alone. */
  weighing?: Weighing;
}

/** Names in one line, by shape. */
export function recognizeLine(ctx: LineContext): Candidate[] {
  const { tokens } = ctx;
  const out: Candidate[] = [];
  const titles = ctx.titleCase ? [] : quotedTitles(ctx);
  for (const [from, to] of titles) out.push({ ...candidate(ctx, from, to), type: "other" });
  for (const [runStart, runEnd] of capitalisedRuns(tokens)) {
    if (titles.some(([from, to]) => runStart <= to && runEnd >= from)) continue;
    let i = runStart;
    // A capitalised common word opening a sentence is not part of a name ("When Antony Blinken…", "Analysts…").
    while (i <= runEnd && tokens[i]!.sentenceStart && startsWithCommonWord(tokens, i, runEnd, ctx)) i++;
    if (i > runEnd) continue;
    if (ctx.titleCase) {
      out.push(...knownAndAcronyms(ctx, i, runEnd));
      continue;
    }
    out.push(...splitRun(ctx, i, runEnd));
  }
  for (const c of out) {
    if (!c.acronym) continue;
    const k = tokens.findIndex((t) => t.start === c.start);
    if (k > 0 && tokens[k]!.punctBefore.endsWith("(")) c.longForm = longFormBefore(tokens, k);
    c.longForm ??= tickerOf(out, tokens, k);
  }
  return out;
}

/**
 * "Microsoft (MSFT)", "General Motors (NYSE: GM)": a company's ticker in brackets right after its name is another name
 * for it.
 */
function tickerOf(found: readonly Candidate[], tokens: readonly Token[], k: number): { start: number; end: number } | undefined {
  if (STOCK_EXCHANGES.test(tokens[k]!.core)) return undefined;
  let opener = k;
  if (tokens[k]!.punctBefore === ":" && k > 0 && STOCK_EXCHANGES.test(tokens[k - 1]!.core)) opener = k - 1;
  if (opener < 1 || !tokens[opener]!.punctBefore.endsWith("(")) return undefined;
  const company = found.find((d) => !d.acronym && d.end === tokens[opener - 1]!.coreEnd && (d.type ?? d.fallback ?? "organization") === "organization");
  return company && { start: company.start, end: company.end };
}
const STOCK_EXCHANGES = /^(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|HKEX|SEHK|SGX|TSE|JPX|KRX|BSE|NSE|AMEX|OTC|Euronext|SIX|FWB|XETRA)$/;

/**
 * “The Grapes of Wrath”, "Hotel California": quotes around nothing but a title-case phrase of two words or more enclose a
 * work's title (quoted speech has lowercase words).
 */
function quotedTitles(ctx: LineContext): [number, number][] {
  const { tokens, text } = ctx;
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.capitalised || !/[“"‘]$/.test(tokens[i]!.punctBefore)) continue;
    for (let j = i; j < tokens.length && j < i + 12; j++) {
      const t = tokens[j]!;
      if (j > i && t.punctBefore !== "") break;
      if (!t.capitalised && !FUNCTION_WORDS.has(t.word.lower)) break;
      if (!/^[”"’]/.test(text.slice(t.end, t.end + 1))) continue;
      if (j > i && t.capitalised) spans.push([i, j]);
      i = j;
      break;
    }
  }
  return spans;
}

/**
 * "Centers for Disease Control and Prevention (CDC)", "support vector machine (SVM)": the longest run of words right
 * before a bracketed acronym whose initials (small words aside) begin with its letters.
 */
function longFormBefore(tokens: readonly Token[], k: number): { start: number; end: number } | undefined {
  const letters = tokens[k]!.core.replace(/[.&]/g, "").toLowerCase();
  if (!/^\p{Ll}+$/u.test(letters)) return undefined;
  let best: number | undefined;
  let initials = "";
  for (let i = k - 1; i >= 0 && k - i <= letters.length * 2 + 3; i--) {
    const t = tokens[i]!;
    if (i < k - 1 && tokens[i + 1]!.punctBefore !== "") break;
    if (/^(of|for|and|the|on|in|to|at|de|du|des|la|le|&)$/i.test(t.core)) continue;
    initials = t.core.split(/[-‐‑]/).filter(Boolean).map((w) => w[0]!.toLowerCase()).join("") + initials;
    if (initials.startsWith(letters)) best = i;
  }
  return best === undefined ? undefined : { start: tokens[best]!.start, end: tokens[k - 1]!.coreEnd };
}

/**
 * A sentence's first word is capitalised whatever it is. It starts a name only if it is known, or if the capitalised
 * words after it make a name with it ("Apple Computer", "General Motors") and it is a noun or adjective that the
 * article never writes in lowercase.
 */
function startsWithCommonWord(tokens: readonly Token[], i: number, runEnd: number, ctx: LineContext): boolean {
  const t = tokens[i]!;
  // Titles are the run's to parse ("Secretary of State Antony Blinken met…").
  if (t.word.known || isAcronym(t) || (isTitleHead(t) && i < runEnd)) return false;
  // "Bank of America", "University of Chicago".
  if ((isOrgLead(t) || isOrgHead(t)) && i < runEnd && tokens[i + 1]!.core === "of") return false;
  if (/^(today|tonight|yesterday|tomorrow|now|then|here|there|so|yes|no|well|oh|please|thanks)$/i.test(t.core)) return true;
  if (ctx.lowercaseWords.has(t.word.lower) || isFunctionWord(t)) return true;
  // "Maputo is…", "Reisine argued…": a word no English dictionary or lexicon knows is a name wherever it stands.
  if (!isDictionaryWord(t) && !isLexiconWord(t) && !t.upper) return false;
  // "Apple launches…": a word the article capitalises inside its sentences too is a name at a sentence's start.
  if (ctx.capitalisedWords?.has(t.core)) return false;
  if (!isCommonWord(t)) return false;
  const next = tokens[i + 1];
  const joinsName = i < runEnd && next !== undefined && !next.word.known && !isTitleHead(next) && !isFunctionWord(next);
  const nounLike = !t.tags.has("Verb") && !t.tags.has("Adverb") && !t.tags.has("Plural");
  return !(joinsName && nounLike);
}

/** In title-case text only what is certain: gazetteer names and acronyms. */
function knownAndAcronyms(ctx: LineContext, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = from; i <= to; i++) {
    const k = knownAt(ctx.tokens, ctx.text, i, to);
    if (k >= 0) {
      out.push(candidate(ctx, i, k));
      i = k;
    } else if (isAcronym(ctx.tokens[i]!) && ctx.tokens[i]!.upper && !isShouted(ctx.tokens, i)) {
      out.push({ ...candidate(ctx, i, i), type: null, acronym: true });
    }
  }
  return out;
}

/**
 * One capitalised run → the names in it. Words that cannot edge a name are trimmed ("The", "After", months,
 * demonyms); the run is cut after an organisation's head ("Chrysler LLC | Jim Press") and before an acronym that
 * abbreviates what precedes it; what remains is an organisation, or [qualifier][title][name].
 */
function splitRun(ctx: LineContext, from: number, to: number): Candidate[] {
  const { tokens } = ctx;
  if (from === to && isHolidayWord(tokens[from]!)) return [];
  const out: Candidate[] = [];
  let start = from;
  for (let i = from; i <= to + 1; i++) {
    const t = i <= to ? tokens[i]! : undefined;
    const cut = !t || isTimeWord(t) || (i > start && cutBefore(tokens, start, i));
    if (!cut) continue;
    if (i > start) out.push(...segment(ctx, start, i - 1));
    start = t && isTimeWord(t) ? i + 1 : i;
  }
  return out;
}

function cutBefore(tokens: readonly Token[], start: number, i: number): boolean {
  const prev = tokens[i - 1]!;
  const t = tokens[i]!;
  // "Chrysler LLC | Jim Press", "German Marshall Fund | Asia": a name starts right after an organisation's head.
  const startsName = t.word.known || t.tags.has("FirstName") || isTitleHead(t);
  if (isOrgHead(prev) && i - 1 > start && startsName && !isOrgHead(t)) return true;
  if (isAcronym(t) && t.upper && initials(tokens.slice(start, i)) === t.core.replace(/\./g, "")) return true;
  return false;
}

function initials(words: readonly Token[]): string {
  return words
    .flatMap((w) => w.core.split(/[-‐‑]/))
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

function segment(ctx: LineContext, from: number, to: number): Candidate[] {
  const { tokens, text } = ctx;
  // A demonym may open an organisation's name ("German Marshall Fund"), never a person's or a place's.
  // ...nor a sea's or a region's ("Indian Ocean", "Arabian Peninsula").
  const keepDemonym = (i: number) =>
    isDemonym(tokens[i]!) && i < to && !isDemonym(tokens[i + 1]!) && (isOrganisationRun(tokens, i, to) || isPlaceHead(tokens[to]!) || knownAt(tokens, text, i, to) === to);
  const edgeWord = (i: number) => {
    const t = tokens[i]!;
    return isTimeWord(t) || isPronounI(tokens, i) || (isCommonAcronym(t) && !isTitleWord(t)) || (t.upper && isShouted(tokens, i));
  };
  // "Q Can you…", "A Do you…": a transcript's speaker letter opening a run, not an initial (those keep their period).
  const speakerLetter = (t: Token) => /^\p{Lu}$/u.test(t.core);
  while (from <= to && (isFunctionWord(tokens[from]!) || (isDemonym(tokens[from]!) && !keepDemonym(from)) || edgeWord(from) || speakerLetter(tokens[from]!))) from++;
  // ("Liu He": a pronoun can end a name; a determiner or preposition cannot.)
  // (A pronoun after an abbreviation's period starts the next sentence: "Washington, D.C. He served…")
  const newSentence = (i: number) => tokens[i]!.tags.has("Pronoun") && i > from && tokens[i - 1]!.core.endsWith(".");
  while (to >= from && ((isFunctionWord(tokens[to]!) && (!tokens[to]!.tags.has("Pronoun") || newSentence(to))) || edgeWord(to))) to--;
  // "North American", "South Korean": an adjective of nationality, not a name.
  if (to > from && isDemonym(tokens[to]!) && !tokens[to]!.word.known) return [];
  if (from > to) return [];
  if (to === from && (isDemonym(tokens[from]!) || isPlainAdjective(tokens[from]!) || NO_NAME_ALONE.test(tokens[from]!.core))) return [];
  // "English-language", "Chinese-made": a demonym's compound is an adjective.
  if (to === from && /^[^-‐‑]+[-‐‑]\p{Ll}/u.test(tokens[from]!.core) && isDemonymForm(tokens[from]!.core.split(/[-‐‑]/)[0]!)) return [];
  // "Eastern", "Northern": a direction alone.
  if (to === from && DIRECTIONS.test(tokens[from]!.core)) return [];
  // "the Iranian Government", "the United States Government": a country's government is named by the country.
  if (to > from && GOVERNMENT.test(tokens[to]!.core)) {
    const place = knownAt(tokens, text, from, to - 1) === to - 1;
    if (place) return [candidate(ctx, from, to - 1)];
    if (tokens.slice(from, to).every((t) => isDemonym(t))) return [];
    // "the Biden Administration", "the Biden-Harris Administration": its leader's name, a person's.
    if (to === from + 1 && !isDictionaryWord(tokens[from]!) && !isOrgHead(tokens[from]!)) return [{ ...candidate(ctx, from, from), fallback: "person" }];
    return [{ ...candidate(ctx, from, to), type: "organization" }];
  }
  const whole = knownAt(tokens, text, from, to);
  if (whole === to) return [candidate(ctx, from, to)];
  const other = otherName(ctx, from, to);
  if (other === "names inside") return [];
  if (other) return [other];
  // "Republic of Korea", "State of Alabama", "Gulf Coast of Florida": a country, a state, a place's part.
  const of = tokens.findIndex((t, i) => i > from && i < to && t.core === "of");
  if (of > from && knownAt(tokens, text, of + 1, to) === to && known(tokens.slice(of + 1, to + 1).map((t) => t.core).join(" "))?.type === "place" &&
      tokens.slice(from, of).every((t) => COUNTRY_LEADS.test(t.core) || isPlaceHead(t))) {
    return [{ ...candidate(ctx, from, to), type: "place" }];
  }
  if (isOrganisationRun(tokens, from, to) || tokens.slice(from + 1, to + 1).some((t) => t.punctBefore === "&")) {
    while (from < to && isHonorific(tokens[from]!)) from++;
    // "Chairman of Apple Inc": the title is not part of the organisation's name.
    let t = from;
    while (t < to && isTitleWord(tokens[t]!)) t++;
    if (t > from && t < to && tokens[t]!.core === "of" && tokens.slice(from, t).some(isTitleHead)) from = t + 1;
    return [{ ...candidate(ctx, from, to), type: "organization" }];
  }
  // "the Apple Chief Executive Officer": a title with no name after it; only its qualifier is a name.
  if (isTitleHead(tokens[to]!) && !isOrgHead(tokens[to]!)) {
    let t0 = to;
    while (t0 - 1 >= from && (isTitleWord(tokens[t0 - 1]!) || tokens[t0 - 1]!.core === "of")) t0--;
    return t0 > from ? qualifier(ctx, from, t0 - 1) : [];
  }
  // [qualifier][title][name]: the last block of title words that a name follows.
  const out: Candidate[] = [];
  let titleEnd = -1;
  let titleStart = -1;
  for (let i = to - 1; i >= from; i--) {
    const t = tokens[i]!;
    if (titleEnd < 0) {
      if (isTitleWord(t) || isHonorific(t)) titleEnd = titleStart = i;
      continue;
    }
    if (isTitleWord(t) || isHonorific(t) || (t.core === "of" && i > from)) titleStart = i;
    else break;
  }
  const block = titleEnd >= 0 ? tokens.slice(titleStart, titleEnd + 1) : [];
  const hasHead = block.some((t) => isTitleHead(t) || isHonorific(t));
  // "the Secretary of State": what follows the title is more of the title, not a name.
  const nameIsTitle = tokens.slice(titleEnd + 1, to + 1).every((t) => isTitleWord(t) || t.core === "of");
  if (titleEnd >= 0 && hasHead && titleEnd < to && !nameIsTitle) {
    if (titleStart > from) out.push(...qualifier(ctx, from, titleStart - 1));
    let nameFrom = titleEnd + 1;
    if ((tokens[nameFrom]!.core === "of" || tokens[nameFrom]!.core === "for") && nameFrom < to) {
      const complement = titleComplement(ctx, nameFrom + 1, to, tokens[titleEnd]!);
      out.push(...complement.names);
      nameFrom = complement.end + 1;
      if (nameFrom > to) return out;
    }
    const name = candidate(ctx, nameFrom, to);
    const honorific = block.every((t) => isHonorific(t));
    // A name after a title is a person's, whatever the tagger guessed.
    if (name.type === null) name.type = "person";
    if (name.type === "person") {
      if (honorific) name.honorific = true;
      else name.role = { start: tokens[titleStart]!.start, end: tokens[titleEnd]!.coreEnd };
    }
    out.push(name);
    return out;
  }
  // "the U.S. Secretary of State": a title and no name; only its qualifier is a name.
  if (titleEnd >= 0 && hasHead && tokens.slice(titleStart, to + 1).every((t) => isTitleWord(t) || isHonorific(t) || t.core === "of")) {
    return titleStart > from ? qualifier(ctx, from, titleStart - 1) : [];
  }
  const name = candidate(ctx, from, to);
  if (name.type === null) {
    const shape = typeByShape(ctx, from, to);
    if (shape.acronym) name.acronym = true;
    // (No name, by the weighing: only the rest of the article can make it one.)
    if (shape.strong) name.type = shape.type;
    else if (shape.type) name.fallback = shape.type;
  }
  out.push(name);
  return out;
}

const LEGAL_FORM = /^(?:Company|Co\.?|Corporation|Corp\.?|Inc\.?|Incorporated|Ltd\.?|Limited|LLC|PLC|plc|AG|GmbH|SA|NV|Group|Holdings)$/;
/**
 * Never a name alone: a letter, a roman numeral, a pronoun's contraction ("I’d", "Isn’t"), a suffix or a degree
 * ("Jr.", "J.D.", "Ph.D.").
 */
const NO_NAME_ALONE =
  /^(?:\p{Lu}\.?|[IVXLC]+|(?:I|It|He|She|We|They|You|There|That|What|Who|Here|Let)['’](?:d|m|ll|ve|s|re)|\p{Lu}\p{Ll}*n['’]t|Jr\.?|Sr\.?|Esq\.?|J\.D\.|Ph\.D\.|M\.D\.|B\.A\.|B\.S\.|M\.A\.|M\.S\.|M\.P\.P\.|M\.B\.A\.|LL\.M\.|LL\.B\.)$/u;
/** Endings of English nouns a small dictionary may lack ("Aeronautics", "Stabilization"). */
const ENGLISH_SUFFIX = /\p{Ll}(?:ics|ation|ment|ity|ance|ence|ure|ism|ogy|ship|ness)$/u;
const COUNTRY_LEADS = /^(?:Republic|Kingdom|State|Commonwealth|Province|Territory|Emirate|Sultanate|Principality|Islamic|Democratic|People's|Federal|United|Grand|Duchy|City|County|District)$/;
const DIRECTIONS = /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|new|old|inner|outer|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?)$/i;
const GOVERNMENT = /^(?:Government|Administration|Regime|Authorities|Govt)$/i;

/** "I" opening or closing a run is the pronoun ("So I", "When I"), not a regnal number ("Elizabeth I", "World War I"). */
function isPronounI(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.core !== "I") return false;
  const before = tokens[i - 1];
  return !(before && t.punctBefore === "" && before.capitalised && (before.tags.has("FirstName") || isOtherHead(before)));
}

/** "PM", "GMT", "CEO": acronyms that are ordinary words, which never edge a name ("8 PM GMT"). */
const isCommonAcronym = (t: Token) => COMMON_ACRONYMS.has(t.core.replace(/\./g, "")) && !isProductTail(t);

/** "Democratic", "Federal": an adjective alone is no name, however capitalised. */
function isPlainAdjective(t: Token): boolean {
  if (t.word.known) return false;
  // ("Congressional", "Presidential": an adjective's ending, whether or not a small dictionary has the word.)
  return /^\p{Lu}\p{Ll}+(?:ional|ial|ical|ive|ous)$/u.test(t.core) || (isDictionaryWord(t) && ((t.tags.has("Adjective") && !t.tags.has("Noun")) || isAdjectiveForm(t.core)));
}

/** A number that ends a model's or an edition's name: "Model 3", "Windows 11", "Boeing 747", "iPhone 4S", not a year. */
function isModelNumber(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.punctBefore !== "" || !/^\d{1,4}[A-Za-z]{0,2}$|^\d{1,2}\.\d{1,2}$/.test(t.core)) return false;
  if (/^(1[5-9]|20)\d\d$/.test(t.core)) return false;
  const next = tokens[i + 1];
  // "Toyota 5 percent", "Arsenal 2-1": a quantity or a score, not a model.
  return !(next && ((next.punctBefore !== "" && /^[%-]/.test(next.punctBefore)) || QUANTITY_WORDS.test(next.core)));
}
/** "IgG", "ComK", "TSHβ", "GPHα": a short symbol mixing cases or holding a Greek letter, as the sciences name things. */
const SCIENCE_SYMBOL = /^\p{Lu}\p{Ll}{1,2}\p{Lu}{1,2}\d*$|[α-ωΑ-Ω]/u;
/** Names of taxa by their Latin endings: viruses, families, orders. */
const TAXON = /^\p{Lu}\p{Ll}+(?:virus|viridae|idae|aceae|ales|phyta|mycetes|bacteria|bacter|coccus|bacillus)$/u;

/** "coli" of "Escherichia coli": a Latin species name, lowercase, no English word. */
function isSpeciesEpithet(t: Token): boolean {
  return !t.capitalised && /^\p{Ll}{3,}(?:i|ae|is|us|um|ensis|oides|ica|icus|ata|atus|ella|ii|ens|es)$/u.test(t.core) && !isDictionaryWord(t) && !t.tags.has("Verb");
}

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|march|april|june|july|august|september|october|november|december)$/i;
const QUANTITY_WORDS = /^(million|billion|trillion|thousand|hundred|percent|per|points?|years?|months?|weeks?|days?|hours?|minutes?|people|times|shares|dollars|euros|yuan|pounds|cents|km|miles|kg|tons|tonnes|degrees|metres|meters|feet|inches|to|of)$/i;

/**
 * A name that is no person, place or organisation, by general cues: an event's, law's, index's or award's head ("World
 * Cup", "Clean Air Act", "Hang Seng Index"); a model number or code ("Model 3", "Airbus A380"); a brand's spelling
 * ("iPod Nano"); a model's last word ("MacBook Pro"); a ship's prefix ("USS Enterprise"); a product noun after it
 * ("the Ford Taurus sedan"); a quoted title (“The Grapes of Wrath”).
 */
function otherName(ctx: LineContext, from: number, to: number): Candidate | "names inside" | null {
  const { tokens, text } = ctx;
  const words = tokens.slice(from, to + 1);
  const first = words[0]!;
  const multi = to > from;
  // The head is the last word before a number or roman numeral ("World War II", "Super Bowl LVII").
  let head = to;
  while (head > from && (/^[IVXLC]+$/.test(tokens[head]!.core) || /^\d/.test(tokens[head]!.core))) head--;
  // ("May 25", "March 3": a date, whatever else the month's name may be.)
  const numbered = isModelNumber(tokens, to + 1) && !(to === from && MONTHS.test(first.core));
  const next = tokens[to + 1];
  const closeQuote = text.slice(tokens[to]!.coreEnd, tokens[to]!.coreEnd + 1);
  const quoted = multi && /[“"‘]$/.test(first.punctBefore) && /^[”"’]/.test(closeQuote) && !isOrgHead(tokens[to]!);
  const next2 = tokens[to + 1];
  // "Escherichia coli", "Pimephales promelas": a genus and its species, in Latin.
  const species = !multi && next2 !== undefined && next2.punctBefore === "" && isSpeciesEpithet(next2) && !first.word.known && !isDictionaryWord(first);
  if (species) return { ...candidate(ctx, from, to + 1), type: "other" };
  const cue =
    // "IgG", "TSHβ", "LipC", "Phlebovirus", "Bunyaviridae": a symbol or a taxon of the sciences.
    (!multi && (SCIENCE_SYMBOL.test(first.core) || TAXON.test(first.core))) ||
    (isOtherHead(tokens[head]!) && (multi || !isDictionaryWord(tokens[head]!))) ||
    numbered ||
    words.some(isModelCode) ||
    (isCamelBrand(first) && !isOrgHead(tokens[to]!)) ||
    (multi && isProductTail(tokens[to]!)) ||
    // "Mac OS X Lion", "Apple TV Plus": an operating system's or a device's acronym inside the name.
    (multi && words.some((w) => /^(?:OS|OSX|iOS|TV|PC|SDK|API|GPU|CPU)$/.test(w.core)) && !isOrgHead(tokens[to]!)) ||
    (multi && (isShipPrefix(first) || (isOtherPrefix(first) && !isOtherPrefix(tokens[to]!)))) ||
    (multi && next !== undefined && next.punctBefore === "" && isProductNoun(next) && !isOrgHead(tokens[to]!)) ||
    quoted;
  if (!cue) return null;
  // "BIDEN-XI Meeting": an event named by the people (or places) in it, which are the names here.
  if (head === to && head === from + 1 && /^\p{Lu}[^-‐‑]*[-‐‑]\p{Lu}/u.test(first.core) && isOtherHead(tokens[to]!)) return "names inside";
  return { ...candidate(ctx, from, numbered ? to + 1 : to), type: "other" };
}

/**
 * What a title is of, before the name of who holds it: "Mayor of Havana Eusebio Leal" (a place), "Chairman of Apple
 * Inc. Tim Cook" (an organisation), "VP of Engineering Udi Manber" (a department: no name), "Minister of Foreign
 * Affairs Wang Yi" (more of the title). Returns the names in it and its last token.
 */
function titleComplement(ctx: LineContext, j: number, to: number, title: Token): { names: Candidate[]; end: number } {
  const { tokens, text } = ctx;
  // "President of the United States Barack Obama"
  if (tokens[j]!.word.lower === "the" && j < to) j++;
  const k = knownAt(tokens, text, j, to);
  if (k >= 0) return { names: [candidate(ctx, j, k)], end: k };
  let end = j;
  if (isTitleWord(tokens[j]!)) {
    while (end + 1 <= to && (isTitleWord(tokens[end + 1]!) || isOrgHead(tokens[end + 1]!))) end++;
    return { names: [], end };
  }
  while (end + 1 <= to && isOrgHead(tokens[end + 1]!)) end++;
  if (end === j && isDictionaryWord(tokens[j]!)) return { names: [], end };
  const rules = /^(?:mayor|governor|archbishop|bishop|patriarch|king|queen|prince|princess|emperor|sultan|emir|duke|president|premier)$/i;
  const type: EntityType = end === j && rules.test(title.core) ? "place" : "organization";
  return { names: [{ ...candidate(ctx, j, end), type }], end };
}

/** "Apple Computer" in "Apple Computer CEO Steve Jobs": a known name, or an organisation when it is a proper name. */
function qualifier(ctx: LineContext, from: number, to: number): Candidate[] {
  const { tokens, text } = ctx;
  const out: Candidate[] = [];
  for (let i = from; i <= to; i++) {
    const k = knownAt(tokens, text, i, to);
    if (k >= 0) {
      out.push(candidate(ctx, i, k));
      i = k;
      continue;
    }
    let j = i;
    while (j + 1 <= to && knownAt(tokens, text, j + 1, to) < 0) j++;
    const words = tokens.slice(i, j + 1);
    if (words.every((w) => !ctx.lowercaseWords.has(w.word.lower) && !isTitleWord(w) && !isFunctionWord(w))) {
      out.push({ ...candidate(ctx, i, j), type: "organization" });
    }
    i = j;
  }
  return out;
}

function isOrganisationRun(tokens: readonly Token[], from: number, to: number): boolean {
  if (to > from && isOrgHead(tokens[to]!)) return true;
  // "Ministry of …", "Centers for Disease Control", "Institute for Strategic Studies"
  for (let i = from; i < to; i++) if ((isOrgLead(tokens[i]!) || isOrgHead(tokens[i]!)) && /^(?:of|for)$/.test(tokens[i + 1]!.core)) return true;
  return false;
}

function candidate(ctx: LineContext, from: number, to: number): Candidate {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to]!.coreEnd;
  const text = ctx.text.slice(start, end);
  const k = known(text);
  return k ? { start, end, text, type: k.type, canonical: k.canonical } : { start, end, text, type: null };
}

/**
 * The type of a name the gazetteer does not know, from its words and the words around it; null when unsure.
 * Only heads are strong evidence; tags, neighbours and shape are weak, and yield to what the rest of the article says.
 */
function typeByShape(ctx: LineContext, from: number, to: number): Shape {
  const { tokens } = ctx;
  const words = tokens.slice(from, to + 1);
  const last = words.at(-1)!;
  const first = words[0]!;
  if (words.length > 1 && isPlaceHead(last)) return { type: "place", strong: true };
  if (words.length === 1 && isAcronym(last) && last.upper && !isShouted(tokens, from)) return { type: "organization", strong: true, acronym: true };
  const described = describedAs(tokens, from);
  if (described) return { type: described, strong: true };
  if (isCited(tokens, to)) return { type: "person", strong: true };
  // "Ford's shares", "Apple's chief executive", "Ford's North American losses": what only a company has.
  if (last.possessive && tokens.slice(to + 1, to + 4).some((t, i) => (i === 0 || t.punctBefore === "") && COMPANY_THINGS.test(t.core))) {
    return { type: "organization", strong: true };
  }
  // "Apple unveiled the new MacBook", "launched its latest Falcon": what is unveiled or launched is a product.
  if (isLaunched(tokens, from) && !first.word.known) return { type: "other", strong: true };
  // "Leo Denault of Entergy", "Yun Sun of the Stimson Center": where a person is from, a company or a place.
  if (isAffiliation(tokens, from)) {
    const place = placeFacts(words.map((w) => w.core).join(" "));
    return { type: place && place.population >= 10_000 ? "place" : "organization", strong: true };
  }
  // "Southern Africa", "Northern Mindanao": a direction and a place is a place.
  if (words.length > 1 && DIRECTIONS.test(first.core) && (last.word.known?.type === "place" || placeFacts(last.core))) return { type: "place", strong: true };
  // "Miami Hurricanes", "Indiana Hoosiers": a place and a plural, a team.
  if (words.length === 2 && (first.word.known?.type === "place" || placeFacts(first.core)) && /^\p{Lu}\p{Ll}+[^s]s$/u.test(last.core) && !placeFacts(last.core)) {
    return { type: "organization", strong: true };
  }
  // No strong cue: the weak ones are weighed, by the learned model where it is shipped (the rules' guess is one of
  // its features), else by the rules alone.
  const rule = ruleGuess(ctx, from, to);
  const features = [...weakFeatures(ctx, from, to), `rule=${rule ?? "none"}`];
  observed({ start: first.start, end: last.coreEnd }, features);
  if (ctx.weighing !== "rules" && modelLoaded()) {
    const p = weigh(features);
    const verdict = VERDICTS[p.indexOf(Math.max(...p))]!;
    // The model learned "no name" from web posts and tweets, which capitalise headings and titles; a run of capitalised
    // words inside a news sentence is a name far more often, so there the rules' guess stands unless the model is
    // sure (measured: MEANTIME 0.902 → 0.903, WikiGold 0.692 → 0.697, UNER 0.592 → 0.589; "Yun Sun of the…" kept).
    if (verdict !== "none") return { type: verdict, strong: false };
    if (words.length === 1 || !rule || p[VERDICTS.indexOf("none")]! >= SURE_NO_NAME) return { none: true };
  }
  return rule ? { type: rule, strong: false } : { none: true };
}

/** The hand-set weighing of weak evidence: votes of compromise's tags, the gazetteers and the words around the name. */
function ruleGuess(ctx: LineContext, from: number, to: number): EntityType | null {
  const { tokens } = ctx;
  const words = tokens.slice(from, to + 1);
  const first = words[0]!;
  const last = words.at(-1)!;
  // compromise's bare Person and Place tags are often guesses ("Antony" is a Place to it); its name lexicons and its
  // country and city lists are not. Heads count: a first name first, a family name or a place last.
  const votes: Record<EntityType, number> = { person: 0, place: 0, organization: 0, other: 0 };
  if (first.tags.has("FirstName")) votes.person++;
  if (last.tags.has("LastName") || (words.length === 1 && last.tags.has("FirstName"))) votes.person++;
  if (last.tags.has("Country") || last.tags.has("City") || last.tags.has("Region")) votes.place++;
  if (last.tags.has("Place") && words.length === 1) votes.place++;
  if (last.tags.has("Organization")) votes.organization++;
  const listed = gazetteerVotes(words);
  votes.person += listed.person;
  votes.place += listed.place;
  // "Air France", "Radio Free Asia": an ordinary word before a country's name makes a company or a body of it; a
  // direction makes a part of it ("Northern Mindanao").
  if (words.length > 1 && last.word.known?.type === "place" && isDictionaryWord(first) && !DIRECTIONS.test(first.core)) votes.organization += 2;
  const next = tokens[to + 1];
  if (next && next.punctBefore.replace(/[,”"’']/g, "") === "" && PERSON_FOLLOWERS.has(next.word.lower)) votes.person += 2;
  // "said Eve Geddie", "Eve Geddie, director of …": what people do and are.
  const prev = tokens[from - 1];
  if (prev && words[0]!.punctBefore === "" && /^(said|says|told|according)$/i.test(prev.core) && words.length > 1) votes.person += 2;
  if (next && next.punctBefore === "," && tokens.slice(to + 1, to + 4).some((t) => isTitleHead(t) && !t.capitalised && !/^(?:major|general|chief|head|executive|senior)$/.test(t.core))) votes.person += 2;
  // "Craiova, Romania": a name followed by a comma and a known place is a place in it.
  const after = tokens[to + 2];
  if (next && next.punctBefore === "," && !next.possessive && next.word.known?.type === "place" && !(after && after.punctBefore === "" && after.capitalised)) votes.place += 2;
  const ranked = (Object.entries(votes) as [EntityType, number][]).sort((a, b) => b[1] - a[1]);
  if (ranked[0]![1] > ranked[1]![1]) return ranked[0]![0];
  // Two to four capitalised words ending in no common word are, in news, most often a person's name.
  const looksLikeName = (w: Token) => /^\p{Lu}[\p{Ll}’'.-]/u.test(w.core) || /^\p{Lu}\.$/u.test(w.core);
  // ("Apple Computer", "Washington Mutual": two ordinary words, or a place and a word, make a company, not a person.)
  const companyLike = words.length === 2 && (isDictionaryWord(first) || first.word.known) && isDictionaryWord(last) && !first.tags.has("FirstName");
  const firstIsName = first.tags.has("FirstName") || !isDictionaryWord(first) || /^(?:bin|ibn|abu|al|el|van|von|de|da|di|le|la|del)$/i.test(first.core);
  // ("Harvard Law Review", "Appellate Section": a person's last name is seldom an English word, unless a common surname.)
  const lastIsName = !isDictionaryWord(last) || (surname(last.core)?.rank ?? Infinity) <= 20000;
  if (!companyLike && words.length >= 2 && words.length <= 4 && words.every(looksLikeName) && firstIsName && lastIsName && !isCommonNoun(last, ctx)) return "person";
  // Capitalised words that are no person's name: a company or body ("Apple Computer"); alone inside a sentence, only
  // when the word is no ordinary word to compromise ("Chrysler", not "Hope"). An English word capitalised once ("Fax:",
  // "Christmas", "Liberty") is not enough; one the article capitalises again and again is ("Apple").
  const t = tokens[from]!;
  if (from < to || (!t.sentenceStart && !isLexiconWord(t) && (!isDictionaryWord(t) || (ctx.capitalisedAnywhere?.get(t.core) ?? 0) >= 2))) return "organization";
  return null;
}

/** How sure the model must be that several capitalised words are no name before it overrules the rules. */
const SURE_NO_NAME = 0.6;

/** A name's type from its shape: strong evidence, weak evidence, or the model's word that it is no name. */
type Shape = { type: EntityType; strong: boolean; acronym?: boolean; none?: undefined } | { none: true; type?: undefined; strong?: undefined; acronym?: undefined };

/**
 * The weak evidence of a name, as the learned weighing reads it: its shape, what compromise's lexicon and the open
 * gazetteers say of its first and last words, the words around it, and how the article writes it elsewhere.
 */
function weakFeatures(ctx: LineContext, from: number, to: number): string[] {
  const { tokens } = ctx;
  const words = tokens.slice(from, to + 1);
  const first = words[0]!;
  const last = words.at(-1)!;
  const form = (t: Token) => (t.upper && t.core.length > 1 ? titleCase(t.core) : t.core);
  const size = (n: number) => (n >= 1e6 ? "M" : n >= 1e5 ? "H" : n >= 1e4 ? "T" : "S");
  const f = [`n=${Math.min(words.length, 4)}`];
  if (last.upper) f.push("caps");
  if (isCamelBrand(first)) f.push("camel");
  if (words.some((w) => /\d/.test(w.core))) f.push("digit");
  if (words.some((w) => /[-‐‑]/.test(w.core))) f.push("hyphen");
  if (last.possessive) f.push("possessive");
  if (first.sentenceStart) f.push("sentenceStart");
  if (ctx.titleCase) f.push("titleCaseLine");
  const sides: [string, Token][] = words.length === 1 ? [["w", first]] : [["first", first], ["last", last]];
  for (const [side, t] of sides) {
    for (const tag of WEAK_TAGS) if (t.tags.has(tag)) f.push(`${side}:${tag}`);
    if (isDictionaryWord(t)) f.push(`${side}:dictionary`);
    if (isLexiconWord(t)) f.push(`${side}:lexicon`);
    if (givenName(form(t))) f.push(`${side}:given`);
    const rank = surname(form(t))?.rank;
    if (rank !== undefined) f.push(`${side}:surname${rank <= 1000 ? 1 : rank <= 10000 ? 2 : 3}`);
    const place = placeFacts(form(t));
    if (place) f.push(`${side}:${place.kind}${size(place.population)}`);
    const k = t.word.known;
    if (k) f.push(`${side}:known-${k.type}`);
  }
  if (words.length > 1) {
    const place = placeFacts(words.map(form).join(" "));
    if (place) f.push(`whole:${place.kind}${size(place.population)}`);
  }
  const prev = tokens[from - 1];
  const next = tokens[to + 1];
  f.push(`prev=${!prev ? "^" : prev.capitalised ? "Cap" : prev.word.lower}`);
  f.push(`before=${first.punctBefore.slice(-1) || "_"}`);
  f.push(`next=${!next ? "$" : next.capitalised ? "Cap" : next.word.lower}`);
  if (next) f.push(`after=${next.punctBefore.slice(0, 1) || "_"}`);
  f.push(`seen=${Math.min(ctx.capitalisedAnywhere?.get(first.core) ?? 0, 4)}`);
  if (ctx.lowercaseWords.has(first.word.lower)) f.push("lowercaseElsewhere");
  return f;
}
const WEAK_TAGS = ["FirstName", "LastName", "Place", "Country", "City", "Region", "Organization", "Noun", "Adjective", "Verb", "Plural", "ProperNoun", "Acronym"];

/**
 * "HIGHLY recommend", "THE END": an English word in capitals, shouted, not an acronym. A noun in capitals among lowercase
 * words may be a name ("sources to TIME"); other words, and any word among capitals, are shouted.
 */
function isShouted(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!isDictionaryWord(t) || t.word.known) return false;
  const caps = (u: Token | undefined) => u !== undefined && u.upper && u.punctBefore === "";
  if (caps(tokens[i - 1]) || (caps(tokens[i + 1]) && tokens[i + 1]!.punctBefore === "")) return true;
  return isShoutedForm(t.core);
}

/** The name follows "unveiled (the) (new)", "launches its latest", "the new": a product's or a work's. */
function isLaunched(tokens: readonly Token[], from: number): boolean {
  let i = from - 1;
  const lower = (k: number) => (tokens[k] && !tokens[k]!.capitalised && tokens[k + 1]!.punctBefore === "" ? tokens[k]!.word.lower : "");
  const fresh = /^(?:new|latest|newest|next|upcoming|updated|redesigned)$/.test(lower(i));
  if (fresh) i--;
  const determiner = /^(?:the|its|their|a|an|his|her)$/.test(lower(i));
  if (determiner) i--;
  if (LAUNCH_VERBS.test(lower(i))) return true;
  // "the new X" alone
  return fresh && determiner && lower(i + 1) === "the";
}
const LAUNCH_VERBS = /^(?:unveil|unveils|unveiled|unveiling|launch|launches|launched|launching|introduce|introduces|introduced|introducing|debut|debuts|debuted|unwrapped|showcased)$/;

/** The name follows "<a person's name> of (the)": "Leo Denault of Entergy", "Bonnie Glaser of the German Marshall Fund". */
function isAffiliation(tokens: readonly Token[], from: number): boolean {
  let i = from - 1;
  if (tokens[i]?.core === "the" && tokens[from]!.punctBefore === "") i--;
  if (tokens[i]?.core !== "of" || tokens[i + 1]!.punctBefore !== "" || tokens[i]!.punctBefore !== "") return false;
  // The words before "of": two or three capitalised words, the first a given name.
  let j = i - 1;
  while (j >= 0 && i - j <= 3 && tokens[j]!.capitalised && (j === i - 1 || tokens[j + 1]!.punctBefore === "")) j--;
  const first = tokens[j + 1];
  return i - j - 1 >= 2 && first !== undefined && (first.tags.has("FirstName") || givenName(first.core) !== undefined) && !isTitleWord(first);
}

/** "Reisine (1988)", "Smith et al.", "(Slade, 1994)": an author, cited. */
function isCited(tokens: readonly Token[], to: number): boolean {
  const next = tokens[to + 1];
  if (!next) return false;
  if (next.core === "et" && tokens[to + 2]?.core === "al") return true;
  return /^[(,]$/.test(next.punctBefore) && /^(?:1[5-9]|20)\d\d[a-z]?$/.test(next.core) && /^[),;:]/.test(tokens[to + 2]?.punctBefore ?? ")");
}

/** "Store" in "Music Store", "Air" in "MacBook Air": a word English uses in lowercase. */
function isCommonNoun(t: Token, ctx: LineContext): boolean {
  if (ctx.lowercaseWords.has(t.word.lower)) return true;
  return !t.tags.has("ProperNoun") && !t.tags.has("Person") && !t.tags.has("LastName") && (t.tags.has("Noun") || t.tags.has("Adjective") || t.tags.has("Verb"));
}
