// Names of people, places and organisations in one article, resolved to entities within it.
//
//   lines → tokens (compromise tags) → pass 1: names by shape (recognize.ts)
//         → types settled across the article → pass 2: every occurrence of the article's names (scan.ts)
//         → identity within the article (within.ts) → roles (roles.ts)
import { lines as nonEmptyLines } from "../read/sentences";
import type { ArticleEntity, ArticleLayout, EntityType, Mention, Role, Span, Weighing } from "../types";
import { isAcronymForm, isDictionaryForm, isGivenNameForm, isOrgFirstWord, known, titleCase } from "./lexicon";
import { nameKey, nameTokens } from "./names";
import { appositiveAfter, roleBefore } from "./roles";
import { isTitleCaseLine, recognizeLine, type Candidate } from "./recognize";
import { formMatcher, scanForms } from "./scan";
import { tagLines, tokenize, type Tagger, type TagSource, type Token } from "./tokens";
import { groupMentions, type TypedMention } from "./within";

export interface EntityResult {
  entities: ArticleEntity[];
  mentions: Mention[];
}

interface Line extends Span {
  tokens: Token[];
  titleCase: boolean;
  boilerplate: boolean;
}

export function findEntities(text: string, layout: ArticleLayout, tagger: Tagger = "compromise", weighing: Weighing = "learned"): EntityResult {
  const lines = readLines(text, layout, tagger);
  const lowercaseWords = new Set<string>();
  const capitalisedWords = new Map<string, number>();
  const capitalisedAnywhere = new Map<string, number>();
  for (const line of lines) {
    for (const t of line.tokens) {
      if (t.capitalised && !t.upper) capitalisedAnywhere.set(t.core, (capitalisedAnywhere.get(t.core) ?? 0) + 1);
      if (line.titleCase) continue;
      if (!t.capitalised) lowercaseWords.add(t.word.lower);
      else if (!t.sentenceStart && !t.upper) capitalisedWords.set(t.core, (capitalisedWords.get(t.core) ?? 0) + 1);
    }
  }

  // Pass 1, by shape.
  const found: (Candidate & { boilerplate: boolean; line: Line })[] = [];
  for (const line of lines) {
    for (const c of recognizeLine({ text, tokens: line.tokens, titleCase: line.titleCase, lowercaseWords, capitalisedWords, capitalisedAnywhere, weighing })) {
      found.push({ ...c, boilerplate: line.boilerplate, line });
    }
  }
  const typed = settleTypes(found);

  // Pass 2, by the names pass 1 found.
  const forms = new Map<string, { type: EntityType; canonical?: string; weak?: true }>();
  const personWords = new Map<string, number>();
  // Words the article gives, alone, a type other than person ("Boston" the place).
  const typedOtherwise = new Set(typed.filter((c) => c.type !== "person").map((c) => c.text));
  for (const c of typed) {
    forms.set(c.text, { type: c.type, ...(c.canonical && { canonical: c.canonical }), ...(c.weak && { weak: true as const }) });
    if (c.type === "person") {
      const words = c.text.split(/\s+/);
      if (words.length > 1) {
        const family = words.at(-1)!.replace(/[.,]$/, "");
        if (/^\p{Lu}\p{Ll}/u.test(family) && !/^(jr|sr|ii|iii)$/i.test(family)) personWords.set(family, (personWords.get(family) ?? 0) + 1);
        // A first word that is no given name is a family name written first ("Wang Yi", "Xi Jinping").
        const first = words[0]!;
        // (Not a place's name: "Boston Brahmins" does not make every "Boston" a person.)
        if (/^\p{Lu}\p{Ll}/u.test(first) && !isGivenNameForm(first) && !isDictionaryForm(first) && !known(first) && !typedOtherwise.has(first)) {
          personWords.set(first, (personWords.get(first) ?? 0) + 1);
        }
      }
    }
  }
  for (const family of personWords.keys()) if (!forms.has(family)) forms.set(family, { type: "person" });
  // "Apple" of "Apple Computer" wherever the article says it alone, sentence starts included; not a word the article
  // also writes in lowercase, nor one that names other things ("General" of "General Motors", "Bank", "New", "Air"…).
  for (const c of typed) {
    if (c.type !== "organization" || c.weak) continue;
    const first = c.text.split(/\s+/)[0]!;
    if (first === c.text || forms.has(first) || !/^\p{Lu}\p{Ll}+$/u.test(first) || lowercaseWords.has(first.toLowerCase())) continue;
    if (!isOrgFirstWord(first)) continue;
    forms.set(first, { type: "organization" });
  }
  const all: TypedMention[] = typed.map((c) => ({
    start: c.start, end: c.end, text: c.text, type: c.type, ...(c.canonical && { canonical: c.canonical }), ...(c.weak && { weak: true }), boilerplate: c.boilerplate,
  }));
  const matcher = formMatcher(forms.keys());
  if (matcher) {
    const covered = new Coverage(all);
    for (const line of lines) {
      for (const hit of scanForms(matcher, text, line)) {
        if (covered.overlaps(hit)) continue;
        const form = forms.get(hit.form)!;
        all.push({ start: hit.start, end: hit.end, text: hit.text, type: form.type, ...(form.canonical && { canonical: form.canonical }), ...(form.weak && { weak: true }), boilerplate: line.boilerplate });
        covered.add(hit);
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);

  // Identity within the article.
  const { groupOf, groups } = groupMentions(all);
  const entities: ArticleEntity[] = groups.map((g) => ({
    type: g.type,
    name: g.name,
    aliases: [...new Set(g.members.map((i) => all[i]!.text.replace(/['’]s$/, "")))].sort(),
    roles: [],
    count: g.members.length,
    first: all[g.members[0]!]!.start,
    ...(g.members.every((i) => all[i]!.weak) && { weakType: true }),
  }));
  const mentions: Mention[] = all.map((m, i) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: groupOf[i]! }));

  attachRoles(text, typed, mentions, entities, lines);
  markAuthors(layout, mentions, entities);
  return { entities, mentions };
}

function readLines(text: string, layout: ArticleLayout, tagger: Tagger): Line[] {
  const boilerplateStarts = new Set(layout.boilerplate.map((b) => b.start));
  const sentenceStarts = new Set(layout.sentences.map((s) => s.start));
  const spans = nonEmptyLines(text, layout.bodyStart, text.length);
  const tags: TagSource = tagger === "compromise" ? { terms: tagLines(text, spans), cursor: { index: 0 } } : "lexicon";
  return spans.map((span) => {
    const tokens = tokenize(text, span, sentenceStarts, tags);
    const titleCase = isTitleCaseLine(tokens, span.start === layout.headline?.start);
    return { ...span, tokens, titleCase, boilerplate: boilerplateStarts.has(span.start) };
  });
}

/**
 * Gives every pass-1 name a type, using the whole article: an untyped "Sun" is a person when "Yun Sun" is one;
 * an acronym is an organisation unless it spells a known name ("BIDEN"). Names still untyped are dropped.
 */
function settleTypes<T extends Candidate>(found: T[]): (T & { type: EntityType; weak?: true })[] {
  const live = resolveAcronyms(found);
  // Each name's key and words, once: every loop below asks for them (a look-up in a large memo each time).
  const keys = live.map((c) => nameKey(c.text));
  const wordsOf = live.map((c) => nameTokens(c.text));
  // What the article says of each name: strong evidence (gazetteer, heads, titles) anywhere beats weak evidence.
  const strong = new Map<string, EntityType>();
  const weak = new Map<string, Map<EntityType, number>>();
  for (const [i, c] of live.entries()) {
    const key = keys[i]!;
    if (c.type) strong.set(key, c.type);
    else if (c.fallback) {
      const votes = weak.get(key) ?? new Map<EntityType, number>();
      votes.set(c.fallback, (votes.get(c.fallback) ?? 0) + 1);
      weak.set(key, votes);
    }
  }
  const majority = (key: string) => {
    const votes = weak.get(key);
    return votes ? [...votes].sort((a, b) => b[1] - a[1])[0]![0] : undefined;
  };
  const typeOf = (i: number) => live[i]!.type ?? strong.get(keys[i]!) ?? majority(keys[i]!) ?? null;

  // Multi-word names first; their words then type the lone ones: "Blinken" and "Xi" of "Xi Jinping", "Apple" of
  // "Apple Computer"; and "Austin" is Lloyd Austin here, not the city.
  const byPart = new Map<string, EntityType>();
  // Words taken from a name typed by evidence (a title, a head, the gazetteer), not by a guess.
  const byPartFirm = new Set<string>();
  for (const [i, c] of live.entries()) {
    const words = wordsOf[i]!;
    const type = words.length > 1 ? typeOf(i) : null;
    if (type && (c.type !== null || strong.has(keys[i]!))) for (const w of [words[0]!, words.at(-1)!]) byPartFirm.add(w);
    if (type === "person") {
      // (Not a place that opens the name: "Miami" of a "Miami Area" taken for a person.)
      if (known(titleCase(words[0]!))?.type !== "place") byPart.set(words[0]!, "person");
      byPart.set(words.at(-1)!, "person");
    } else if (type === "organization" && !byPart.has(words[0]!)) byPart.set(words[0]!, "organization");
    // "Rita" of "Hurricane Rita", "Taurus" of "Ford Taurus": the model or the storm, named short.
    else if (type === "other" && !byPart.has(words.at(-1)!) && /^\p{L}+$/u.test(words.at(-1)!) && !isDictionaryForm(words.at(-1)!)) byPart.set(words.at(-1)!, "other");
  }
  // Types the article's own words gave (a head, a title, "the carmaker Ford"), as against the gazetteer's.
  const byContext = new Map<string, EntityType>();
  for (const [i, c] of live.entries()) if (c.type && c.canonical === undefined) byContext.set(keys[i]!, c.type);
  const heads = new Set(wordsOf.filter((w) => w.length > 1).map((w) => w.at(-1)!));
  const out: (T & { type: EntityType; weak?: true })[] = [];
  for (const [i, c] of live.entries()) {
    const key = keys[i]!;
    const words = wordsOf[i]!;
    const single = words.length === 1;
    // "Austin" is Lloyd Austin here, whatever the gazetteer says; not where the article says "the carmaker Ford".
    const familyName = single && byPart.get(key) === "person" && c.type !== "person" && (c.type === null || c.canonical !== undefined) && !byContext.has(key);
    let type = familyName ? "person" : (c.type ?? strong.get(key) ?? (single ? byPart.get(key) : undefined) ?? majority(key) ?? (isAcronymForm(c.text) ? "organization" : null));
    // "the Chrysler Aspen", "Toyota Prius": a company's name, then a word: its model, not a person.
    if (type === "person" && !single && c.type === null && !strong.has(key) && byContext.get(words[0]!) === "organization") type = "other";
    if (!type) continue;
    // "the Administration", "the Government", "the Committee" alone, with no full name in the article it stands for.
    if (single && GENERIC_ALONE.has(key) && !known(c.text) && !heads.has(key)) continue;
    // A type only guessed (from the shape, the tagger, a word of a guessed name): the folder may know better.
    const firm = c.type !== null || strong.has(key) || (single && byPart.get(key) === type && byPartFirm.has(key));
    out.push({ ...c, type, ...(familyName && { canonical: undefined }), ...(!firm && { weak: true as const }) });
  }
  // A hyphenated name splits where its parts are names of their own elsewhere in the article ("Biden-Xi"), never by
  // its own words ("Jean-Pierre").
  const elsewhere = new Map<string, EntityType>();
  for (const c of out) {
    if (/[-‐‑]\p{Lu}/u.test(c.text)) continue;
    const words = nameTokens(c.text);
    elsewhere.set(words[0]!, byPart.get(words[0]!) ?? c.type);
    elsewhere.set(words.at(-1)!, byPart.get(words.at(-1)!) ?? c.type);
  }
  return splitHyphenated(out, elsewhere);
}

/** Capitalised common nouns that name no body by themselves: a reference to one named in full, or to none. */
const GENERIC_ALONE = new Set(
  "administration government nation division committee department agency office bureau ministry commission council court cabinet board authority company group bank university college school institute party army navy police state city county district region province country municipality capital constitution crown".split(" "),
);

/**
 * An acronym takes the verdict of the long form it abbreviates, wherever the article uses it: the long form's type
 * ("Centers for Disease Control and Prevention (CDC)"), "other" for an event's or a law's ("WWDC"), and no name at
 * all for a term written in lowercase ("support vector machine (SVM)").
 */
function resolveAcronyms<T extends Candidate>(found: T[]): T[] {
  const verdict = new Map<string, { type: EntityType; canonical?: string } | "none">();
  for (const c of found) {
    if (!c.acronym || !c.longForm || known(c.text)) continue;
    const long = found.find((d) => !d.acronym && d.end === c.longForm!.end && d.start >= c.longForm!.start);
    const type = long ? (long.type ?? long.fallback) : null;
    // Its long form names it: "CDC" is the Centers for Disease Control and Prevention wherever the article says it.
    if (!long) verdict.set(c.text, "none");
    else if (type) verdict.set(c.text, { type, canonical: long.canonical ?? long.text });
  }
  for (const c of found) {
    if (c.type === "other" && nameTokens(c.text).length > 1) {
      const acronym = initialsOf(c.text);
      if (!verdict.has(acronym)) verdict.set(acronym, { type: "other", canonical: c.text });
    }
  }
  const out: T[] = [];
  for (const c of found) {
    const v = c.acronym ? (verdict.get(c.text) ?? verdict.get(c.text.replace(/\./g, ""))) : undefined;
    if (v === "none") continue;
    out.push(v ? { ...c, ...v } : c);
  }
  return out;
}

const initialsOf = (name: string) => name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");


/** "Biden-Xi", "Sullivan-Yang": a hyphenated name whose parts are each names of the article is two mentions. */
function splitHyphenated<T extends Candidate & { type: EntityType }>(found: T[], typeByWord: Map<string, EntityType>): T[] {
  const out: T[] = [];
  for (const c of found) {
    const parts = c.text.split(/[-‐‑](?=\p{Lu})/u);
    if (parts.length < 2 || known(c.text) || parts.some((p) => !typeByWord.has(nameKey(p)) && !known(p))) {
      out.push(c);
      continue;
    }
    let at = c.start;
    for (const part of parts) {
      const k = known(part);
      out.push({ ...c, start: at, end: at + part.length, text: part, type: k?.type ?? typeByWord.get(nameKey(part))!, ...(k ? { canonical: k.canonical } : {}), role: undefined });
      at += part.length + 1;
    }
  }
  return out;
}

/** Spans already claimed, so later passes do not annotate inside an earlier, longer name. */
class Coverage {
  private readonly spans: Span[];
  constructor(spans: Span[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }
  overlaps(s: Span): boolean {
    // Spans are few per article (hundreds): a linear probe from a binary-searched start keeps this cheap.
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = Math.max(0, lo - 1); i < this.spans.length && this.spans[i]!.start < s.end; i++) {
      if (this.spans[i]!.start < s.end && s.start < this.spans[i]!.end) return true;
    }
    return false;
  }
  add(s: Span): void {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.start <= s.start) lo = mid + 1;
      else hi = mid;
    }
    this.spans.splice(lo, 0, s);
  }
}

function attachRoles(text: string, typed: Candidate[], mentions: Mention[], entities: ArticleEntity[], lines: Line[]): void {
  // Only people have roles, a few dozen mentions an article: each finds its line and words by binary search, instead
  // of a map of every word of the article built for them.
  const prose = lines.filter((line) => !line.titleCase);
  const givenRole = new Map(typed.filter((c) => c.role).map((c) => [c.start, c.role!]));
  const add = (m: Mention, span: Span | undefined) => {
    if (!span) return;
    const role: Role = { text: text.slice(span.start, span.end), start: span.start, end: span.end };
    const entity = entities[m.entity]!;
    if (!entity.roles.some((r) => r.text === role.text)) entity.roles.push(role);
  };
  for (const m of mentions) {
    if (m.type !== "person") continue;
    const line = prose[lastAtOrBefore(prose, m.start, (l) => l.start)];
    if (!line || m.end > line.end) continue;
    const first = lastAtOrBefore(line.tokens, m.start, (t) => t.start);
    if (first < 0 || line.tokens[first]!.start !== m.start) continue;
    // The mention ends where a word ends, its possessive included or not ("Blinken’s").
    let last = first;
    while (last < line.tokens.length && line.tokens[last]!.coreEnd !== m.end && line.tokens[last]!.end !== m.end) last++;
    if (last >= line.tokens.length) continue;
    add(m, roleBefore(line.tokens, first, givenRole.get(m.start)));
    add(m, appositiveAfter(line.tokens, last));
  }
}

/** Index of the last item whose `at` is ≤ `offset` in a list sorted by it; -1 when none. */
function lastAtOrBefore<T>(items: readonly T[], offset: number, at: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(items[mid]!) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The byline's or "Write to" line's person is the article's author. */
function markAuthors(layout: ArticleLayout, mentions: Mention[], entities: ArticleEntity[]): void {
  for (const author of layout.authors) {
    const m = mentions.find((x) => x.start >= author.start && x.end <= author.end && x.type === "person");
    if (m) entities[m.entity]!.author = true;
  }
}

