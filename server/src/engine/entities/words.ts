// A spelling's context-free facts — its lowercase, its gazetteer entry, whether English writes it in lowercase, what
// compromise's lexicon says of it — shared by every token of the same spelling. The recognisers ask these of each
// word several times over; asked of the string, each was a lookup in a large table, and those lookups (memory, not
// arithmetic) were a third of the quick pass. A token finds its Word once, and the rest are fields.
import nlp from "compromise/two";
import type { KnownName } from "./gazetteer";
import { remembered } from "./memo";
import { isDictionaryForm, known } from "./lexicon";

const MODEL = nlp.model() as {
  one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> };
};
const NO_TAGS: ReadonlySet<string> = new Set<string>();

export class Word {
  private lowerForm: string | undefined;
  private headForm: string | undefined;
  private knownEntry: KnownName | null | undefined;
  private inDictionary: boolean | undefined;
  private tags: ReadonlySet<string> | undefined;

  constructor(readonly core: string) {}

  /** The spelling in lowercase. */
  get lower(): string {
    return (this.lowerForm ??= this.core.toLowerCase());
  }

  /** The lowercase without a final period: how title words and heads are listed ("gen." → "gen"). */
  get head(): string {
    return (this.headForm ??= this.lower.replace(/\.$/, ""));
  }

  /** The gazetteer's entry for it (as written, or in title case for all-caps text). */
  get known(): KnownName | undefined {
    if (this.knownEntry === undefined) this.knownEntry = known(this.core) ?? null;
    return this.knownEntry ?? undefined;
  }

  /** English writes it in lowercase (a common word, not a proper name). */
  get dictionary(): boolean {
    return (this.inDictionary ??= isDictionaryForm(this.core));
  }

  /** compromise's lexicon entry for its lowercase. */
  get lexiconEntry(): string | string[] | undefined {
    return MODEL.one.lexicon[this.lower];
  }

  /**
   * The tags compromise's lexicon gives the word out of context, with their parents ("MaleName" → FirstName,
   * Person…); a capitalised spelling that is no verb or adjective is also a ProperNoun.
   */
  get lexiconTags(): ReadonlySet<string> {
    if (this.tags) return this.tags;
    const entry = this.lexiconEntry;
    const set = new Set<string>();
    for (const tag of entry === undefined ? [] : Array.isArray(entry) ? entry : [entry]) {
      set.add(tag);
      for (const parent of MODEL.one.tagSet[tag]?.parents ?? []) set.add(parent);
    }
    if (/^\p{Lu}/u.test(this.core) && !set.has("Verb") && !set.has("Adjective")) set.add("ProperNoun");
    return (this.tags = set.size ? set : NO_TAGS);
  }
}

/**
 * Words met so far, by spelling (not by lowercase: a capital makes "Bank" a ProperNoun where "bank" is not). Bounded:
 * a worker that has met this many spellings starts again, and the frequent ones come back first.
 */
const WORDS_LIMIT = 50_000;

/** The Word of a spelling. */
export const wordOf: (core: string) => Word = remembered(WORDS_LIMIT, (core) => new Word(core));
