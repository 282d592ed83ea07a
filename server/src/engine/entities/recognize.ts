// Pass 1: names found by their shape. A capitalised run of words ("Secretary of State Antony J. Blinken") is split
// into what leads it (titles, places, organisations: the role) and the name itself, which is then typed from the
// gazetteer, organisation and place heads, compromise's tags and the words around it.
import type { EntityType } from "../types";
import {
  CONNECTORS, FUNCTION_WORDS, NAME_PARTICLES, isAcronym, isCommonWord, isDemonym, isEventHead, isFunctionWord, isHonorific, isOrgHead,
  isDictionaryWord, isLexiconWord, isOrgLead, isPlaceHead, isTimeWord, isTitleHead, isTitleWord, known,
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
  /** The type to take when nothing in the article says otherwise. */
  fallback?: EntityType;
  /** An event's name ("Worldwide Developers Conference"): not an entity, and neither is its acronym. */
  event?: boolean;
}

/** Words after a name that say a person acted: "Sun remarked", "Biden administration". */
const PERSON_FOLLOWERS = new Set(
  "said says told added noted argued wrote stated remarked explained insisted warned acknowledged asked replied answered announced urged tweeted administration family wife husband".split(" "),
);

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
      // Name particles join when a capitalised word follows them ("von der Leyen").
      let k = j + 1;
      while (k < tokens.length && NAME_PARTICLES.has(tokens[k]!.core) && tokens[k]!.punctBefore === "") k++;
      if (k > j + 1 && k < tokens.length && tokens[k]!.capitalised && tokens[k]!.punctBefore === "") {
        j = k;
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
        : isOrgHead(head) || isOrgLead(head);
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
    while (i <= runEnd && tokens[i]!.sentenceStart && startsWithCommonWord(tokens, i, runEnd, ctx)) i++;
    if (i > runEnd) continue;
    if (ctx.titleCase) {
      out.push(...knownAndAcronyms(ctx, i, runEnd));
      continue;
    }
    out.push(...splitRun(ctx, i, runEnd));
  }
  return out;
}

/**
 * A sentence's first word is capitalised whatever it is. It starts a name only if it is known, or if the capitalised
 * words after it make a name with it ("Apple Computer", "General Motors") and it is a noun or adjective that the
 * article never writes in lowercase.
 */
function startsWithCommonWord(tokens: readonly Token[], i: number, runEnd: number, ctx: LineContext): boolean {
  const t = tokens[i]!;
  // Titles are the run's to parse ("Secretary of State Antony Blinken met…").
  if (known(t.core) || isAcronym(t) || (isTitleHead(t) && i < runEnd)) return false;
  if (ctx.lowercaseWords.has(t.core.toLowerCase()) || isFunctionWord(t)) return true;
  if (!isCommonWord(t)) return false;
  const next = tokens[i + 1];
  const joinsName = i < runEnd && next !== undefined && !known(next.core) && !isTitleHead(next) && !isFunctionWord(next);
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
  // "Chrysler LLC | Jim Press", "German Marshall Fund | Asia": a name starts right after an organisation's head.
  const startsName = known(t.core) || t.tags.has("FirstName") || isTitleHead(t);
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
  const keepDemonym = (i: number) => isDemonym(tokens[i]!) && isOrganisationRun(tokens, i, to) && i < to && !isDemonym(tokens[i + 1]!);
  while (from <= to && (isFunctionWord(tokens[from]!) || (isDemonym(tokens[from]!) && !keepDemonym(from)) || isTimeWord(tokens[from]!))) from++;
  // ("Liu He": a pronoun can end a name; a determiner or preposition cannot.)
  while (to >= from && ((isFunctionWord(tokens[to]!) && !tokens[to]!.tags.has("Pronoun")) || isTimeWord(tokens[to]!))) to--;
  // "North American", "South Korean": an adjective of nationality, not a name.
  if (to > from && isDemonym(tokens[to]!) && !known(tokens[to]!.core)) return [];
  if (from > to) return [];
  if (isEventHead(tokens[to]!) && knownAt(tokens, text, from, to) !== to) return [{ ...candidate(ctx, from, to), type: null, event: true }];
  if (to === from && isDemonym(tokens[from]!)) return [];
  const whole = knownAt(tokens, text, from, to);
  if (whole === to) return [candidate(ctx, from, to)];
  if (isOrganisationRun(tokens, from, to)) {
    while (from < to && isHonorific(tokens[from]!)) from++;
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
  const nameIsTitle = tokens.slice(titleEnd + 1, to + 1).every((t) => isTitleWord(t));
  if (titleEnd >= 0 && hasHead && titleEnd < to && !nameIsTitle) {
    if (titleStart > from) out.push(...qualifier(ctx, from, titleStart - 1));
    const name = candidate(ctx, titleEnd + 1, to);
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
  const name = candidate(ctx, from, to);
  if (name.type === null) {
    const shape = typeByShape(ctx, from, to);
    if (shape?.strong) name.type = shape.type;
    else if (shape) name.fallback = shape.type;
    // Capitalised words that are no person's name: a company or body ("Apple Computer"); alone inside a sentence,
    // only when the word is no ordinary word to compromise ("Chrysler", not "Hope").
    else if (from < to || (!tokens[from]!.sentenceStart && !isLexiconWord(tokens[from]!))) name.fallback = "organization";
  }
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
      out.push({ ...candidate(ctx, i, j), type: "organization" });
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

/**
 * The type of a name the gazetteer does not know, from its words and the words around it; null when unsure.
 * Only heads are strong evidence; tags, neighbours and shape are weak, and yield to what the rest of the article says.
 */
function typeByShape(ctx: LineContext, from: number, to: number): { type: EntityType; strong: boolean } | null {
  const { tokens } = ctx;
  const words = tokens.slice(from, to + 1);
  const last = words.at(-1)!;
  if (words.length > 1 && isPlaceHead(last)) return { type: "place", strong: true };
  if (words.length === 1 && isAcronym(last) && last.upper) return { type: "organization", strong: true };
  // compromise's bare Person and Place tags are often guesses ("Antony" is a Place to it); its name lexicons and its
  // country and city lists are not. Heads count: a first name first, a family name or a place last.
  const votes: Record<EntityType, number> = { person: 0, place: 0, organization: 0 };
  const first = words[0]!;
  if (first.tags.has("FirstName")) votes.person++;
  if (last.tags.has("LastName") || (words.length === 1 && last.tags.has("FirstName"))) votes.person++;
  if (last.tags.has("Country") || last.tags.has("City") || last.tags.has("Region")) votes.place++;
  if (last.tags.has("Place") && words.length === 1) votes.place++;
  if (last.tags.has("Organization")) votes.organization++;
  const next = tokens[to + 1];
  if (next && next.punctBefore.replace(/[,”"’']/g, "") === "" && PERSON_FOLLOWERS.has(next.core.toLowerCase())) votes.person += 2;
  // "said Eve Geddie", "Eve Geddie, director of …": what people do and are.
  const prev = tokens[from - 1];
  if (prev && words[0]!.punctBefore === "" && /^(said|says|told|according)$/i.test(prev.core) && words.length > 1) votes.person += 2;
  if (next && next.punctBefore === "," && tokens.slice(to + 1, to + 4).some((t) => isTitleHead(t) && !t.capitalised)) votes.person += 2;
  // "Craiova, Romania": a name followed by a comma and a known place is a place in it.
  const after = tokens[to + 2];
  if (next && next.punctBefore === "," && known(next.core)?.type === "place" && !(after && after.punctBefore === "" && after.capitalised)) votes.place += 2;
  const ranked = (Object.entries(votes) as [EntityType, number][]).sort((a, b) => b[1] - a[1]);
  if (ranked[0]![1] > ranked[1]![1]) return { type: ranked[0]![0], strong: false };
  // Two to four capitalised words ending in no common word are, in news, most often a person's name.
  const looksLikeName = (w: Token) => /^\p{Lu}[\p{Ll}’'.-]/u.test(w.core) || /^\p{Lu}\.$/u.test(w.core);
  const firstIsName = first.tags.has("FirstName") || !isDictionaryWord(first);
  if (words.length >= 2 && words.length <= 4 && words.every(looksLikeName) && firstIsName && !isCommonNoun(last, ctx)) return { type: "person", strong: false };
  return null;
}

/** "Store" in "Music Store", "Air" in "MacBook Air": a word English uses in lowercase. */
function isCommonNoun(t: Token, ctx: LineContext): boolean {
  if (ctx.lowercaseWords.has(t.core.toLowerCase())) return true;
  return !t.tags.has("ProperNoun") && !t.tags.has("Person") && !t.tags.has("LastName") && (t.tags.has("Noun") || t.tags.has("Adjective") || t.tags.has("Verb"));
}
