// Words of a line with what compromise knows about them. compromise tokenises its own way ("U.S.-China" is one
// term, "Ing-wen" two, "he’ll" grows an empty term), so the engine tokenises once, itself, and borrows compromise's
// part-of-speech tags by offset.
import nlp from "compromise/two";
import type { Span } from "../types";
import { wordOf, type Word } from "./words";

export interface Token extends Span {
  /** The word as written, possessive included. */
  text: string;
  /** The word without a possessive ’s / 's: the part that can be a name. */
  core: string;
  /** End of `core`. */
  coreEnd: number;
  possessive: boolean;
  /**
   * Starts with a capital letter (or is a capitalised acronym like "G20", "U.S."), is spelt like a brand ("iPhone"), or
   * is an Arabic name with its article ("al-Qaeda").
   */
  capitalised: boolean;
  /** Every letter is a capital and there are at least two ("BEIJING", "CIA", "U.S."). */
  upper: boolean;
  /** First word of a sentence (after any opening quote or bracket). */
  sentenceStart: boolean;
  /** Something other than white space stands between this word and the previous one: a comma, dash, quote… */
  punctBefore: string;
  /** compromise's tags for this word (union of the terms it overlaps), or its lexicon's in the quick pass. */
  tags: ReadonlySet<string>;
  /** What the spelling of `core` is, whatever its context: its lowercase, gazetteer entry… (words.ts). */
  word: Word;
}

// A word: letters and digits, with inner apostrophes, hyphens, ampersands and periods ("O’Brien", "Asia-Pacific",
// "AT&T", "U.S."); a final period only for letter-dot abbreviations ("U.S.", "J.") and a few titles ("Mr.", "Corp.").
// Mathematical alphanumerics (𝒳, 𝐀) are letters to Unicode but symbols in prose: they never start or join a word.
const WORD = /(?![\u{1D400}-\u{1D7FF}])[\p{L}\p{N}](?:(?![\u{1D400}-\u{1D7FF}])[\p{L}\p{N}\p{M}]|[’'&.\-‐‑](?=[\p{L}\p{N}]))*/gu;
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)*\p{L}$/u;
const TITLE_ABBREVIATIONS = new Set(["Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Adm", "Rev", "St", "Mt", "Jr", "Sr", "Corp", "Inc", "Co", "Ltd", "Bros", "Ft"]);

/** "MS" → "Ms": abbreviations are listed as they are written in running text; transcripts write them in capitals. */
const capitalise = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();

/**
 * How words get their tags. "compromise" runs its tagger over the line (context-aware, ~0.07 MB/s); "lexicon" only
 * looks each word up in compromise's lexicon (context-free, hundreds of times faster): the fast first pass over a
 * large folder, replaced by the full analysis when it is done.
 */
export type Tagger = "compromise" | "lexicon";

/**
 * Where a line's words get their tags: compromise's terms for the article's lines (from `tagLines`, walked once in
 * order by one cursor, so lines must be tokenized in order), or the lexicon.
 */
export type TagSource = { terms: TaggedTerm[]; cursor: { index: number } } | "lexicon";

/** Tokens of `text.slice(span.start, span.end)`, offsets into `text`. */
export function tokenize(text: string, span: Span, sentenceStarts: ReadonlySet<number>, tags: TagSource): Token[] {
  const line = text.slice(span.start, span.end);
  const tokens: Token[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(line); m; m = WORD.exec(line)) {
    let word = m[0];
    let end = m.index + word.length;
    if (line[end] === "." && (DOTTED_ABBREVIATION.test(word) || TITLE_ABBREVIATIONS.has(word) || TITLE_ABBREVIATIONS.has(capitalise(word))) && /\p{Lu}/u.test(word)) {
      // "U.S." keeps its last period unless that period also ends the sentence before a capital... which is
      // indistinguishable; names win, since a lost period costs nothing downstream.
      word += ".";
      end++;
      WORD.lastIndex = end;
    }
    // "Washington-based", "Republican-controlled": the name before the hyphen stands alone.
    const compound = /[-‐‑]/.test(word) ? COMPOUND.exec(word) : null;
    if (compound) {
      word = compound[1]!;
      end = m.index + word.length;
    }
    // "US$299": a currency sign, not the country.
    if (line[end] === "$") {
      previousEnd = end;
      continue;
    }
    // (Most words end in a letter, not an apostrophe: the tests below are asked of every word, so cheap ones first.)
    const lastChar = word.charCodeAt(word.length - 1);
    const possessive = (lastChar === 115 || lastChar === 83) && word.length > 2 && /['’]s$/i.test(word);
    const core = possessive ? word.slice(0, -2) : lastChar === 39 || lastChar === 0x2019 ? word.slice(0, -1) : word;
    const between = line.slice(previousEnd, m.index);
    const start = span.start + m.index;
    const facts = wordOf(core);
    tokens.push({
      start,
      end: span.start + end,
      text: word,
      core,
      coreEnd: start + core.length,
      possessive,
      capitalised: isCapitalised(core),
      upper: isUpper(core),
      sentenceStart: tokens.length === 0 || startsSentence(sentenceStarts, span.start + previousEnd, start, between),
      punctBefore: between === " " ? "" : between.replace(/\s+/g, ""),
      tags: tags === "lexicon" ? facts.lexiconTags : collectTags(tags, span.start + m.index, span.start + end),
      word: facts,
    });
    previousEnd = end;
  }
  return tokens;
}

const COMPOUND = /^(\p{Lu}[\p{L}.]*)[-‐‑](based|born|led|backed|made|owned|run|funded|controlled|style|era|bound|allied|aligned|linked|related|friendly|centric|focused)$/u;

/** Capitalised, a brand's spelling ("iPhone") or an Arabic name with its article ("al-Qaeda"). */
function isCapitalised(core: string): boolean {
  const c = core.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122 && !/[A-Z-‐‑]/.test(core)) return false;
  return /^[\p{Lu}]|^\p{Ll}{1,2}\p{Lu}\p{L}|^(?:al|el|ad|as|ash|at|az|bin|ibn|abu)[-‐‑]\p{Lu}/u.test(core);
}

/** Every letter is a capital and there are at least two. (Most words start with a lowercase letter: told at once.) */
function isUpper(core: string): boolean {
  const c = core.charCodeAt(0);
  if (c >= 97 && c <= 122) return false;
  return /\p{Lu}.*\p{Lu}/u.test(core) && !/\p{Ll}/u.test(core);
}

/** A sentence starts at the word, or at an opening quote or bracket right before it ("“Having said that…"). */
function startsSentence(sentenceStarts: ReadonlySet<number>, gapStart: number, start: number, gap: string): boolean {
  if (sentenceStarts.has(start)) return true;
  if (!/^[\s"“”‘'(\[—–.!?:;-]*$/.test(gap)) return false;
  for (let at = gapStart; at < start; at++) if (sentenceStarts.has(at)) return true;
  return false;
}

/**
 * compromise's steps after its tokenizer, without those that add nothing here. The post-tagger (hundreds of context
 * patterns) was 70% of the tagging time, and the names found with and without it are the same to within 0.5 points of
 * F1 on both gold sets (seeds 0.967 → 0.966, MEANTIME 0.808 → 0.804; coreference and dates unchanged): names are told
 * by shape, lexicon and the whole article here, not by the post-tagger's corrections. Normalisation and aliases (the
 * engine reads the text itself), contractions (it tokenises on its own), term ids, frozen terms and typeahead (no
 * plugin uses them) go too: skipping the last four changed no name on either gold set.
 */
const SKIPPED_HOOKS = new Set(["alias", "normal", "machine", "contractions", "contractionTwo", "id", "freeze", "typeahead", "postTagger"]);
const TAGGING = nlp.hooks().filter((hook: string) => !SKIPPED_HOOKS.has(hook));

/** A compromise term: offsets into the article's text. */
export interface TaggedTerm {
  start: number;
  end: number;
  tags: Set<string>;
}

/**
 * compromise slows down on very long strings, and each call costs the same setup whatever its length (tagging
 * paragraph by paragraph took a quarter longer than one call for the article). So consecutive lines are tagged
 * together, in pieces of about this many characters; a longer paragraph is cut into pieces of its own.
 */
const TAG_CHUNK = 4000;

/**
 * compromise's tags for the words of `lines` (in order, not overlapping). Lines tagged in one piece keep the line
 * breaks between them, and compromise ends a sentence at a line break, so a headline never runs into the next line.
 */
export function tagLines(text: string, lines: readonly Span[]): TaggedTerm[] {
  const out: TaggedTerm[] = [];
  const tagPiece = (from: number, to: number) => {
    const doc = nlp.tokenize(calmPunctuation(text.slice(from, to)));
    doc.compute(TAGGING);
    doc.compute("offset");
    for (const terms of doc.docs as { offset?: { start: number; length: number }; tags: Set<string> }[][]) {
      for (const term of terms) {
        if (!term.offset || term.offset.length === 0) continue;
        out.push({ start: from + term.offset.start, end: from + term.offset.start + term.offset.length, tags: term.tags });
      }
    }
  };
  for (let i = 0; i < lines.length; ) {
    const first = lines[i]!;
    if (first.end - first.start > TAG_CHUNK) {
      const line = text.slice(first.start, first.end);
      for (let from = 0; from < line.length; ) {
        const to = chunkEnd(line, from);
        tagPiece(first.start + from, first.start + to);
        from = to;
      }
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && lines[j]!.end - first.start <= TAG_CHUNK) j++;
    tagPiece(first.start, lines[j - 1]!.end);
    i = j;
  }
  return out;
}

/**
 * compromise splits sentences with a regular expression that is quadratic in a run of end marks not followed by
 * white space (a line of 4,000 dots took a second, a megabyte of them minutes). A run of four or more becomes its
 * first mark and spaces: the same length, so offsets hold, and no word's tags change.
 */
function calmPunctuation(piece: string): string {
  return piece.replace(/[.!?\u203D\u2E18\u203C\u2047-\u2049\u0964\u0965\u061F\u06D4\u0589\u1362\u1367\u104B\u17D4\u3002]{4,}/g, (run) => run[0] + " ".repeat(run.length - 1));
}

/** Where a piece of a long line ends: after a sentence end near the limit, else a space, else the limit itself. */
function chunkEnd(line: string, from: number): number {
  if (line.length - from <= TAG_CHUNK) return line.length;
  const window = line.slice(from + TAG_CHUNK / 2, from + TAG_CHUNK);
  const sentence = window.search(/[.!?]["”’)]?\s(?=[^.!?]*$)/);
  if (sentence >= 0) return from + TAG_CHUNK / 2 + sentence + 1;
  const space = window.lastIndexOf(" ");
  return from + (space >= 0 ? TAG_CHUNK / 2 + space + 1 : TAG_CHUNK);
}

const EMPTY = new Set<string>();

/** Tags of the terms overlapping [start, end). Words come in order, so one cursor walks the terms once. */
function collectTags({ terms, cursor }: Exclude<TagSource, "lexicon">, start: number, end: number): ReadonlySet<string> {
  while (cursor.index < terms.length && terms[cursor.index]!.end <= start) cursor.index++;
  const i = cursor.index;
  if (i >= terms.length || terms[i]!.start >= end) return EMPTY;
  // Most words are one term: its own set, shared read-only (a copy per word was a good part of the garbage).
  if (i + 1 >= terms.length || terms[i + 1]!.start >= end) return terms[i]!.tags;
  const result = new Set(terms[i]!.tags);
  for (let k = i + 1; k < terms.length && terms[k]!.start < end; k++) for (const t of terms[k]!.tags) result.add(t);
  return result;
}
