// Pass 1: names found by their shape. A capitalised run of words ("Secretary of State Antony J. Blinken") is split
// into what leads it (titles, places, organisations: the role) and the name itself, which is then typed from the
// gazetteer, organisation and place heads, compromise's tags and the words around it.
import type { EntityType } from "../types";
import {
  CONNECTORS, FUNCTION_WORDS, isAcronym, isCommonWord, isDemonym, isEventHead, isFunctionWord, isHonorific, isOrgHead,
  isOrgLead, isPlaceHead, isTimeWord, isTitleHead, isTitleWord, known,
} from "./lexicon";
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
}

/** Words after a name that say a person acted: "Sun remarked", "Biden administration". */
const PERSON_FOLLOWERS = new Set(
  "said says told added noted argued wrote stated remarked explained insisted warned acknowledged asked replied answered announced urged tweeted administration family wife husband".split(" "),
);
/** Words before a lone name that make it a place: "in Bali", "from Anchorage". */
const PLACE_PRECEDERS = new Set("in from into near across throughout visited visiting toward towards via outside inside".split(" "));

/** A headline in Title Case capitalises every content word, so capitals there say nothing about names. */
export function isTitleCaseLine(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => /\p{L}/u.test(t.core));
  if (words.length < 2) return false;
  return words.every((t) => t.capitalised || FUNCTION_WORDS.has(t.core.toLowerCase()) || /^\d/.test(t.core));
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
    while (j + 1 < tokens.length && !tokens[j]!.possessive) {
      const next = tokens[j + 1]!;
      if (next.punctBefore !== "" && next.punctBefore !== "&") break;
      if (next.capitalised) {
        j++;
        continue;
      }
      // A connector joins only if a capitalised word follows and the run so far is the kind of name that has one.
      const after = tokens[j + 2];
      const word = next.core.toLowerCase();
      if (!CONNECTORS.has(word) || !after || !after.capitalised || after.punctBefore !== "") break;
      const head = tokens[j]!;
      const allowed =
        word === "of" ? isOrgLead(head) || isTitleWord(head) || isPlaceHead(head) || isOrgHead(head)
        : word === "and" || word === "&" ? tokens.slice(i, j + 1).some((t) => /^(for|of)$/.test(t.core))
        : word === "the" ? false
        : word === "for" ? isOrgHead(head) || isOrgLead(head)
        : true;
      if (!allowed) break;
      j += 2;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
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
}

/** Names in one line, by shape. */
export function recognizeLine(ctx: LineContext): Candidate[] {
  const { text, tokens } = ctx;
  const out: Candidate[] = [];
  for (const [runStart, runEnd] of capitalisedRuns(tokens)) {
    let i = runStart;
    // A capitalised common word opening a sentence is not part of a name ("When Antony Blinken…", "Analysts…").
    while (i <= runEnd && tokens[i]!.sentenceStart && startsWithCommonWord(tokens[i]!, ctx)) i++;
    if (i > runEnd) continue;
    if (ctx.titleCase) {
      out.push(...knownAndAcronyms(ctx, i, runEnd));
      continue;
    }
    out.push(...splitRun(ctx, i, runEnd));
  }
  return out;
}

function startsWithCommonWord(t: Token, ctx: LineContext): boolean {
  if (known(t.core) || isAcronym(t)) return false;
  if (ctx.lowercaseWords.has(t.core.toLowerCase())) return true;
  return isCommonWord(t) || isTitleWord(t) === false && FUNCTION_WORDS.has(t.core.toLowerCase());
}

/** In title-case text only what is certain: gazetteer names and acronyms. */
function knownAndAcronyms(ctx: LineContext, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = from; i <= to; i++) {
    const k = knownAt(ctx.tokens, ctx.text, i, to);
    if (k >= 0) {
      out.push(candidate(ctx, i, k));
      i = k;
    } else if (isAcronym(ctx.tokens[i]!) && ctx.tokens[i]!.upper) {
      out.push({ ...candidate(ctx, i, i), type: null });
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
  if (isOrgHead(prev) && !isOrgHead(t) && t.core !== "of" && !isOrgLead(t) && i - 1 > start) return true;
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
  while (from <= to && (isFunctionWord(tokens[from]!) || isDemonym(tokens[from]!) || isTimeWord(tokens[from]!))) from++;
  while (to >= from && (isFunctionWord(tokens[to]!) || isTimeWord(tokens[to]!) || (isDemonym(tokens[to]!) && to > from))) to--;
  if (from > to) return [];
  if (isEventHead(tokens[to]!) && knownAt(tokens, text, from, to) !== to) return [];
  if (to === from && isDemonym(tokens[from]!)) return [];
  const whole = knownAt(tokens, text, from, to);
  if (whole === to) return [candidate(ctx, from, to)];
  if (isOrganisationRun(tokens, from, to)) {
    while (from < to && (isHonorific(tokens[from]!) || isTitleHead(tokens[from]!)) && !isOrgLead(tokens[from]!)) from++;
    return [{ ...candidate(ctx, from, to), type: "organization" }];
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
  if (titleEnd >= 0 && hasHead && titleEnd < to) {
    if (titleStart > from) out.push(...qualifier(ctx, from, titleStart - 1));
    const name = candidate(ctx, titleEnd + 1, to);
    const honorific = block.every((t) => isHonorific(t));
    if (name.type === null) name.type = typeByShape(ctx, titleEnd + 1, to) ?? "person";
    if (name.type === "person") {
      if (honorific) name.honorific = true;
      else name.role = { start: tokens[titleStart]!.start, end: tokens[titleEnd]!.coreEnd };
    }
    out.push(name);
    return out;
  }
  // Known names leading the run qualify what follows ("US Kamala Harris" is rare; "Taiwan Strait" is one place).
  const name = candidate(ctx, from, to);
  if (name.type === null) name.type = typeByShape(ctx, from, to);
  out.push(name);
  return out;
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
    if (words.every((w) => !ctx.lowercaseWords.has(w.core.toLowerCase()) && !isTitleWord(w) && !isFunctionWord(w))) {
      out.push({ ...candidate(ctx, i, j), type: isAcronym(words[0]!) || words.length > 0 ? "organization" : null });
    }
    i = j;
  }
  return out;
}

function isOrganisationRun(tokens: readonly Token[], from: number, to: number): boolean {
  if (to > from && isOrgHead(tokens[to]!)) return true;
  for (let i = from; i < to; i++) if (isOrgLead(tokens[i]!) && tokens[i + 1]!.core === "of") return true;
  return false;
}

function candidate(ctx: LineContext, from: number, to: number): Candidate {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to]!.coreEnd;
  const text = ctx.text.slice(start, end);
  const k = known(text);
  return k ? { start, end, text, type: k.type, canonical: k.canonical } : { start, end, text, type: null };
}

/** The type of a name the gazetteer does not know, from its words and the words around it; null when unsure. */
function typeByShape(ctx: LineContext, from: number, to: number): EntityType | null {
  const { tokens } = ctx;
  const words = tokens.slice(from, to + 1);
  const last = words.at(-1)!;
  if (words.length > 1 && isPlaceHead(last)) return "place";
  if (words.length === 1 && isAcronym(last) && last.upper) return "organization";
  const votes: Record<EntityType, number> = { person: 0, place: 0, organization: 0 };
  for (const w of words) {
    if (w.tags.has("FirstName") || w.tags.has("LastName") || (w.tags.has("Person") && !w.tags.has("Honorific"))) votes.person++;
    if (w.tags.has("Place") || w.tags.has("Country") || w.tags.has("City") || w.tags.has("Region")) votes.place++;
    if (w.tags.has("Organization")) votes.organization++;
  }
  const next = tokens[to + 1];
  const prev = tokens[from - 1];
  if (next && next.punctBefore.replace(/[,”"’']/g, "") === "" && PERSON_FOLLOWERS.has(next.core.toLowerCase())) votes.person += 2;
  if (words.length === 1 && prev && !words[0]!.punctBefore && PLACE_PRECEDERS.has(prev.core.toLowerCase())) votes.place += 2;
  const ranked = (Object.entries(votes) as [EntityType, number][]).sort((a, b) => b[1] - a[1]);
  if (ranked[0]![1] > ranked[1]![1]) return ranked[0]![0];
  // Two to four capitalised words ending in no common word are, in news, most often a person's name.
  const looksLikeName = (w: Token) => /^\p{Lu}[\p{Ll}’'.-]/u.test(w.core) || /^\p{Lu}\.$/u.test(w.core);
  if (words.length >= 2 && words.length <= 4 && words.every(looksLikeName) && !isCommonNoun(last, ctx)) return "person";
  return null;
}

/** "Store" in "Music Store", "Air" in "MacBook Air": a word English uses in lowercase. */
function isCommonNoun(t: Token, ctx: LineContext): boolean {
  if (ctx.lowercaseWords.has(t.core.toLowerCase())) return true;
  return !t.tags.has("ProperNoun") && !t.tags.has("Person") && !t.tags.has("LastName") && (t.tags.has("Noun") || t.tags.has("Adjective") || t.tags.has("Verb"));
}
