// Pass 1: names found by their shape. A capitalised run of words ("Secretary of State Antony J. Blinken") is split
// into what leads it (titles, places, organisations: the role) and the name itself, which is then typed from the
// gazetteer, organisation and place heads, compromise's tags and the words around it.
import type { EntityType } from "../types";
import {
  CONNECTORS, FUNCTION_WORDS, isAcronym, isCommonWord, isDemonym, isHonorific, isOrgHead, isOrgLead, isPlaceHead,
  isTitleWord, known, nameTags,
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
    } else if (isAcronym(ctx.tokens[i]!)) {
      out.push({ ...candidate(ctx, i, i), type: null });
    }
  }
  return out;
}

/** One capitalised run → its leading role words (with any places/organisations in them) and its name. */
function splitRun(ctx: LineContext, from: number, to: number): Candidate[] {
  const { tokens, text } = ctx;
  const out: Candidate[] = [];
  // Whole run known, or an organisation by its head: keep it whole ("U.S. Navy", "German Marshall Fund").
  const whole = knownAt(tokens, text, from, to);
  if (whole === to) return [candidate(ctx, from, to)];
  if (to > from && (isOrgHead(tokens[to]!) || (isOrgLead(tokens[from]!) && tokens.slice(from, to).some((t) => t.core === "of")))) {
    const start = leadingTitles(ctx, from, to, out);
    if (start <= to) out.push({ ...candidate(ctx, start, to), type: "organization" });
    return out;
  }
  const start = leadingTitles(ctx, from, to, out);
  if (start > to) return out;
  const roleStart = start > from ? tokens[from]!.start : undefined;
  const honorific = start > from && isHonorific(tokens[start - 1]!);
  const titled = start > from && tokens.slice(from, start).some((t) => isTitleWord(t) && !known(t.core));
  const name = { ...candidate(ctx, start, to), ...(honorific && { honorific }) };
  if (name.type === null) name.type = typeByShape(ctx, start, to, titled || honorific);
  if (roleStart !== undefined && titled && !honorific) name.role = { start: roleStart, end: tokens[start - 1]!.coreEnd };
  out.push(name);
  return out;
}

/**
 * Consumes the titles, demonyms, places and organisations that lead a run; emits the known names among them.
 * Returns where the name starts. The last word is never consumed: a run is at least its name.
 */
function leadingTitles(ctx: LineContext, from: number, to: number, out: Candidate[]): number {
  const { tokens, text } = ctx;
  let i = from;
  const found: Candidate[] = [];
  while (i < to) {
    const t = tokens[i]!;
    const k = knownAt(tokens, text, i, to - 1);
    if (k >= 0 && (isTitleWord(tokens[k + 1]!) || isDemonym(tokens[k + 1]!))) {
      found.push(candidate(ctx, i, k));
      i = k + 1;
    } else if ((isTitleWord(t) && !nameTags(t).person) || isHonorific(t) || isDemonym(t) || (t.core === "of" && i > from)) {
      i++;
    } else if (isAcronym(t) && i + 1 <= to && isTitleWord(tokens[i + 1]!)) {
      found.push({ ...candidate(ctx, i, i), type: "organization" });
      i++;
    } else break;
  }
  // "of" cannot end the role: "Secretary of" + "State Antony Blinken" is wrong; back off to before "of".
  while (i > from && tokens[i - 1]!.core === "of") i--;
  out.push(...found);
  return i;
}

function candidate(ctx: LineContext, from: number, to: number): Candidate {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to]!.coreEnd;
  const text = ctx.text.slice(start, end);
  const k = known(text);
  return k ? { start, end, text, type: k.type, canonical: k.canonical } : { start, end, text, type: null };
}

/** The type of a name the gazetteer does not know, from its words and the words around it. */
function typeByShape(ctx: LineContext, from: number, to: number, titled: boolean): EntityType | null {
  const { tokens } = ctx;
  const words = tokens.slice(from, to + 1);
  const last = words.at(-1)!;
  if (titled) return "person";
  if (words.length > 1 && isPlaceHead(last)) return "place";
  if (words.length === 1 && isAcronym(last)) return "organization";
  const votes = { person: 0, place: 0, organization: 0 };
  for (const w of words) {
    const tags = nameTags(w);
    if (tags.person) votes.person++;
    if (tags.place) votes.place++;
    if (tags.organization) votes.organization++;
  }
  const next = tokens[to + 1];
  const prev = tokens[from - 1];
  if (next && next.punctBefore.replace(/[,”"’']/g, "") === "" && PERSON_FOLLOWERS.has(next.core.toLowerCase())) votes.person += 2;
  if (words.length === 1 && prev && prev.punctBefore === "" && !words[0]!.punctBefore && PLACE_PRECEDERS.has(prev.core.toLowerCase())) votes.place += 2;
  const best = (Object.entries(votes) as [EntityType, number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] > 0 && best[1] > Object.values(votes).filter((v) => v === best[1]).length - 1) {
    const tied = Object.values(votes).filter((v) => v === best[1]).length > 1;
    if (!tied) return best[0];
  }
  // Two or three capitalised words with nothing else to go on are, in news, most often a person's name.
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}’'.-]/u.test(w.core) || /^\p{Lu}\.$/u.test(w.core))) return "person";
  return null;
}
