// Turns the BIO TSV files of ../shared/ner-data into articles the CLI can read and gold in score.mjs's format.
// The TSV keeps only tokens, so the text is rebuilt: an engine reads prose, and one token or one sentence per line
// would measure something else. Nothing here is written into the project: the caller picks a temp folder.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The engine needs an article date; these sets carry none and their timexes are not scored. */
export const DCT = "2020-01-01";
const FRONT_MATTER = `---\ndate: ${DCT}\n---\n`;

const TYPES = { PER: "person", LOC: "place", ORG: "organization" };

/**
 * The held-out splits scored by `npm run eval`. `hyphens`: the source splits hyphenated words ("e - mail"), so a
 * lone "-" may have been written without spaces; elsewhere a lone "-" is a dash. `social`: tweet tokenisation
 * ("@ user", "# tag", "it ' s", "& amp ;").
 */
export const NER_SETS = {
  uner: { file: "uner-ewt.test.tsv", prefix: "uner-test", label: "UNER EWT test (web text: blogs, email, reviews, answers)", hyphens: true },
  sec: { file: "sec.test.tsv", prefix: "sec-test", label: "SEC test (loan agreements from SEC filings)", hyphens: true, maxChars: 20000 },
  // WNUT17 has no document boundaries: consecutive posts (each a "sentence" in the file, a tweet or a Reddit, YouTube
  // or Stack Exchange comment) are grouped into pseudo-articles of 25, one post per line.
  wnut: { file: "wnut17.test.tsv", prefix: "wnut-test", label: "WNUT17 test (tweets and comments, 25 per pseudo-article)", social: true, perArticle: 25, onePerLine: true },
  wikigold: { file: "wikigold.tsv", prefix: "wikigold", label: "WikiGold (encyclopedic prose, Wikipedia)" },
};

/** Sentences of a BIO TSV file: `{ doc, tokens, tags }`, `doc` undefined where the source has no documents. */
export function readBio(text) {
  const sentences = [];
  let doc;
  let cur = { tokens: [], tags: [] };
  for (const line of text.split("\n")) {
    if (line.startsWith("# ") && !line.includes("\t")) {
      if (line.startsWith("# doc: ")) doc = line.slice(7);
    } else if (line === "") {
      if (cur.tokens.length) sentences.push({ doc, ...cur });
      cur = { tokens: [], tags: [] };
    } else {
      const [token, tag = "O"] = line.split("\t");
      cur.tokens.push(token);
      cur.tags.push(tag);
    }
  }
  if (cur.tokens.length) sentences.push({ doc, ...cur });
  return sentences;
}

/** Articles of one set: `{ source, text, mentions: [{start, end, text, type, tokens}], misc: [...] }`, offsets into `text`. */
export function buildArticles(sentences, set) {
  const groups = [];
  if (set.perArticle) {
    for (let i = 0; i < sentences.length; i += set.perArticle) {
      groups.push({ source: `sentences ${i + 1}-${Math.min(i + set.perArticle, sentences.length)}`, sentences: sentences.slice(i, i + set.perArticle) });
    }
  } else {
    for (const s of sentences) {
      const last = groups.at(-1);
      if (last && last.source === s.doc) last.sentences.push(s);
      else groups.push({ source: s.doc, sentences: [s] });
    }
  }
  const articles = [];
  for (const group of groups) {
    for (const [part, chunk] of splitLong(group.sentences, set.maxChars ?? Infinity).entries()) {
      articles.push({ ...renderArticle(chunk.map((s) => normaliseTokens(s)), set), source: part ? `${group.source} (part ${part + 1})` : group.source });
    }
  }
  return articles;
}

/**
 * Writes `PREFIX-0001.txt`... into `folder` and returns the gold (score.mjs's format). Each mention is its own
 * entity per article and type: the data has no coreference, so coref figures would mean nothing.
 * Source MISC spans go into `misc` (the scorer ignores the field) so that error listings can tell a system name
 * on them apart from one on plain text. Throws if a gold span's text is not what the written file holds there.
 */
export function writeArticles(articles, folder, prefix) {
  const gold = { documents: {}, entities: {} };
  const width = Math.max(4, String(articles.length).length);
  articles.forEach((article, i) => {
    const file = `${prefix}-${String(i + 1).padStart(width, "0")}.txt`;
    const shift = FRONT_MATTER.length;
    const text = FRONT_MATTER + article.text + "\n";
    writeFileSync(join(folder, file), text);
    const written = readFileSync(join(folder, file), "utf8");
    const mentions = article.mentions.map((m) => {
      const span = { start: m.start + shift, end: m.end + shift, text: m.text };
      // The text between a span's tokens is only whitespace the detokeniser chose; the tokens themselves are the source's.
      if (written.slice(span.start, span.end) !== span.text || span.text.replace(/\s+/g, "") !== m.tokens) {
        throw new Error(`${file}: gold span ${span.start}-${span.end} “${written.slice(span.start, span.end)}” is not “${span.text}” (tokens “${m.tokens}”)`);
      }
      const entity = `${file}:${m.type}:${m.text.toLowerCase().replace(/\s+/g, " ")}`;
      gold.entities[entity] = { name: m.text, type: m.type };
      return { ...span, entity };
    });
    const misc = article.misc.map((m) => ({ start: m.start + shift, end: m.end + shift, text: m.text }));
    gold.documents[file] = { dct: DCT, source: article.source, mentions, timexes: [], misc };
  });
  return gold;
}

/** Sentence runs of a long document, each under `maxChars` (SEC agreements run to 60k characters). */
function splitLong(sentences, maxChars) {
  const chunks = [[]];
  let size = 0;
  for (const s of sentences) {
    const length = s.tokens.reduce((n, t) => n + t.length + 1, 0);
    if (size + length > maxChars && chunks.at(-1).length) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1).push(s);
    size += length;
  }
  return chunks;
}

const ENTITIES = { gt: ">", lt: "<", amp: "&", quot: '"', apos: "'", nbsp: " " };

/**
 * Tweets come HTML-escaped and tokenised through the escapes ("&", "amp", ";"): one token of the character
 * they stand for, carrying the first token's tag. PTB quotes (`` '') become typographic ones, which say
 * which way they face.
 */
function normaliseTokens({ tokens, tags }) {
  const out = { tokens: [], tags: [] };
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i];
    if (token === "&" && ENTITIES[tokens[i + 1]?.toLowerCase()] && tokens[i + 2] === ";") {
      token = ENTITIES[tokens[i + 1].toLowerCase()];
      out.tokens.push(token);
      out.tags.push(tags[i]);
      i += 2;
      continue;
    }
    token = token.replace(/&(gt|lt|amp|quot|apos);/gi, (_, name) => ENTITIES[name.toLowerCase()]);
    if (token === "``") token = "“";
    else if (token === "''") token = "”";
    out.tokens.push(token);
    out.tags.push(tags[i]);
  }
  return out;
}

/**
 * Sentences joined by spaces into paragraphs: a paragraph ends after five sentences, or after one without final
 * punctuation (a heading, a signature, a list item: run into the next sentence it would make a false name).
 */
function renderArticle(sentences, set) {
  let text = "";
  const mentions = [];
  const misc = [];
  const quotes = { double: false, single: false };
  let inParagraph = 0;
  for (const s of sentences) {
    if (text) {
      const breakBefore = set.onePerLine || inParagraph >= 5;
      text += breakBefore ? (set.onePerLine ? "\n" : "\n\n") : " ";
      if (breakBefore) inParagraph = 0;
    }
    // Apostrophes make single quotes too unreliable to carry their state over a sentence's end.
    quotes.single = false;
    const { text: line, starts, ends } = detokenise(s.tokens, s.tags, set, quotes);
    const base = text.length;
    text += line;
    inParagraph++;
    if (!/[.!?…"'”’)]$/.test(line)) inParagraph = 5;
    for (const span of bioSpans(s.tags)) {
      const m = {
        start: base + starts[span.first],
        end: base + ends[span.last],
        text: line.slice(starts[span.first], ends[span.last]),
        tokens: s.tokens.slice(span.first, span.last + 1).join(""),
      };
      if (TYPES[span.label]) mentions.push({ ...m, type: TYPES[span.label] });
      else misc.push(m);
    }
  }
  return { text, mentions, misc };
}

/** Spans of IOB2 tags (an I- that does not continue a span of its label starts one, as IO encoding would). */
function bioSpans(tags) {
  const spans = [];
  tags.forEach((tag, i) => {
    const [bio, label] = tag.split("-");
    const last = spans.at(-1);
    if (bio === "I" && last && last.last === i - 1 && last.label === label) last.last = i;
    else if (bio === "B" || bio === "I") spans.push({ label, first: i, last: i });
  });
  return spans;
}

const EMOTICON = /^(?:[:;=8][-']?[()[\]DPpOo3/\\|*]+|<3)$/;
const PUNCT = /^[\p{P}\p{S}]+$/u;
/** Punctuation that hugs the word before it ("word," "word)" "15%" "so..."). */
const CLOSES = new Set([...",.!?;:%)]}…”’»"]);
/** ...and the word after it ("(word" "$5" "“word"). */
const OPENS = new Set([..."([{$£€“‘«"]);
const CLITIC = /^(?:n['’]t|['’](?:s|re|ll|ve|m|d))$/i;
const CLITIC_TAIL = /^(?:s|t|re|ll|ve|m|d)$/i;
/** Words that are not one half of a hyphenated compound ("waterproof - the" is a dash). */
const FUNCTION_WORDS = new Set(
  "a an the and or but nor no not to of in on at for by with from as is are was were be been am it its this that these those i you he she we they me my your our their his her him them us if so do does did has have had will would can could should may might must there here what who how why when where which than then also just very all since always thanks please".split(" "),
);
/** Second halves that make a compound after almost any word ("toss-up", "step-in", "cafeteria-style"). */
const COMPOUND_TAILS = new Set("up in out on off over down style based like related term time free made friendly owned wide scale level class".split(" "));

const isWord = (t) => t !== undefined && (!PUNCT.test(t) || EMOTICON.test(t));
const isCloser = (t) => t !== undefined && (CLITIC.test(t) || (PUNCT.test(t) && !EMOTICON.test(t) && CLOSES.has(t[0])));

/**
 * One sentence's tokens as text, with each token's offsets. Each token may hug the one before (`left`) or after
 * (`right`); a space goes between two tokens unless one of them hugs the other. Quotes need state across sentences
 * (a quotation can run over several), hence `quotes`.
 */
function detokenise(tokens, tags, set, quotes) {
  const n = tokens.length;
  const left = new Array(n).fill(false);
  const right = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t === '"') {
      // Opening at a sentence start, closing at its end or before punctuation, else the other way from the last one.
      const closing = i > 0 && (next === undefined || isCloser(next) || quotes.double);
      quotes.double = !closing;
      if (closing) left[i] = true;
      else right[i] = true;
    } else if (t === "'" || t === "’") {
      if (isWord(prev) && CLITIC_TAIL.test(next ?? "")) {
        // "it ' s", "don ' t", "Borrower ' s": an apostrophe split out of its word
        left[i] = right[i] = true;
      } else if (/^\p{L}+[sS]$/u.test(prev ?? "") && !FUNCTION_WORDS.has(prev.toLowerCase()) && !quotes.single) {
        left[i] = true; // "attorneys ' fees": a plural possessive
      } else {
        const closing = i > 0 && (next === undefined || isCloser(next) || quotes.single);
        quotes.single = !closing;
        if (closing) left[i] = true;
        else right[i] = true;
      }
    } else if (/^n$/i.test(t) && /^['’]$/.test(next ?? "") && /^t$/i.test(tokens[i + 2] ?? "")) {
      left[i] = true; // "would n ' t"
    } else if (/^(?:na|ta)$/i.test(t) && /^(?:gon|wan|got)$/i.test(prev ?? "")) {
      left[i] = true; // UD splits "gonna" into "gon na"
    } else if (t === "-" && set.hyphens) {
      left[i] = right[i] = hyphenJoins(prev, next, tags[i], tags[i + 1]);
    } else if (t === "/" || t === "_") {
      left[i] = right[i] = true; // "his/her", "/r/news", "amber_elyxx"
    } else if (t === "*" && next === "*") {
      right[i] = true; // markdown bold "**"
    } else if (set.social && (t === "@" || t === "#") && /^\w/.test(next ?? "")) {
      right[i] = true;
    } else if (t === "." && /^\d+$/.test(prev ?? "") && /^\d+$/.test(next ?? "")) {
      left[i] = right[i] = true; // "98 . 2 %", SEC's "1 . 1" (clause numbers)
    } else if (t === "," && /^\d+$/.test(prev ?? "") && /^\d{3}$/.test(next ?? "")) {
      left[i] = right[i] = true; // SEC's "30 , 000 , 000"
    } else if (t === "." && /^\p{L}$/u.test(prev ?? "") && /^\p{L}$/u.test(next ?? "") && tokens[i + 2]?.startsWith(".")) {
      left[i] = right[i] = true; // "U . S . A ." (SEC, WNUT split initialisms)
    } else if (!EMOTICON.test(t) && PUNCT.test(t)) {
      // Punctuation tokens, including glued runs such as `"),` or `("` in SEC: a quote inside faces the same way.
      left[i] = CLOSES.has(t[0]) || (/^["']/.test(t) && t.length > 1);
      right[i] = OPENS.has(t.at(-1)) || (/["']$/.test(t) && t.length > 1 && OPENS.has(t.at(-2)));
      if (t.length > 1 && t.includes('"')) quotes.double = right[i];
    } else if (CLITIC.test(t)) {
      left[i] = true; // "do n't", "John 's"
    } else if (/\p{L}-$/u.test(t) && isWord(next)) {
      right[i] = true; // WNUT's "Obi- Wan", "T- 800"
    }
  }
  let text = "";
  const starts = [];
  const ends = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && !left[i] && !right[i - 1]) text += " ";
    starts.push(text.length);
    text += tokens[i];
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/**
 * Whether a lone "-" (from a source that splits hyphenated words) was written without spaces. The source's own
 * spacing is lost, so: inside a name ("Al - Zaman", "Winston - Salem": a spaced dash inside a name is rare, so the
 * gold span says it), between numbers ("1946 - 1954"), and between two content words of which one is short or a
 * usual second half, all lowercase ("e - mail", "ice - cream", "toss - up", "cafeteria - style"); otherwise a dash.
 */
function hyphenJoins(prev, next, tag, nextTag) {
  if (prev === undefined || next === undefined) return false;
  if (tag.startsWith("I-") && nextTag?.startsWith("I-")) return true;
  if (/^\d+$/.test(prev) && /^\d+$/.test(next)) return true;
  if (!/^\p{Ll}+$/u.test(prev) || !/^\p{Ll}+$/u.test(next)) return false;
  if (COMPOUND_TAILS.has(next)) return !FUNCTION_WORDS.has(prev);
  return !FUNCTION_WORDS.has(prev) && !FUNCTION_WORDS.has(next) && Math.min(prev.length, next.length) <= 4;
}
