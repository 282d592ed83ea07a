// The engine's vocabulary. Everything here is plain, serialisable data: no LSP or VS Code types,
// so an analysis can be cached on disk, sent to a worker thread, or printed by the CLI as it is.
//
// Offsets everywhere are UTF-16 code units (JavaScript string indices, as LSP uses), end-exclusive,
// into the file text exactly as read (front matter and any BOM included).

export interface Span {
  start: number;
  end: number;
}

/**
 * "other": a proper name that is no person, place or organisation — a product, model, ship, software, stock index,
 * event, law, award or work ("Model 3", "Windows 11", "Hang Seng Index", "the World Cup", "the Clean Air Act").
 */
export type EntityType = "person" | "place" | "organization" | "other";

/** One occurrence of a name in an article. */
export interface Mention extends Span {
  /** Exactly `text.slice(start, end)` of the article. */
  text: string;
  type: EntityType;
  /** Which entity of the same article this mention belongs to (an index into `ArticleAnalysis.entities`). */
  entity: number;
}

/** A role an entity holds, as the article states it ("Secretary of State", "the top Asia official in the White House"). */
export interface Role {
  text: string;
  /** Where the role was stated. */
  start: number;
  end: number;
}

/** One real-world entity as one article knows it: all its mentions in that article resolved to one name. */
export interface ArticleEntity {
  type: EntityType;
  /** The fullest form this article uses ("Antony J. Blinken" → "Antony Blinken" after normalisation). */
  name: string;
  /** Every distinct surface form used in the article, the name included. */
  aliases: string[];
  roles: Role[];
  /** Number of mentions in this article. */
  count: number;
  /** Offset of the first mention. */
  first: number;
  /** Set for the byline or a "Write to X" line: the person is the article's author, not a subject. */
  author?: boolean;
  /**
   * Set when no mention's type rests on evidence (a title, a head, a gazetteer, a descriptor like "the carmaker"), only
   * on a guess from the name's shape: across a folder, the type other articles give the name with evidence wins.
   */
  weakType?: boolean;
}

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

/**
 * What a value rests on beyond the words of the expression: the clause's tense ("will run through September"), a year
 * the text gave before ("in June of that year"), or the day said with a clock time ("Friday evening at 9 PM").
 */
export type TimexBasis = "tense" | "earlier-date" | "same-phrase";

/** A time expression in TimeML / TempEval-3 style. */
export interface Timex extends Span {
  text: string;
  type: TimexType;
  /** ISO-like TIMEX3 value: "2023-06-18", "2023-W24", "2023-SP", "P2D", "XXXX-WXX-7", "PRESENT_REF". */
  value: string;
  /** For ranges ("June 18-19"): the value of the range's end. */
  endValue?: string;
  /** TIMEX3 mod: START, MID, END, MORE_THAN, LESS_THAN, APPROX, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER. */
  mod?: string;
  /** How the value was found, for a person: "the Sunday after the article's date 2023-06-16". */
  explanation: string;
  /** Set when the value was inferred (see TimexBasis): the CLI's report marks such dates for checking. */
  basis?: TimexBasis;
}

export type ArticleDateSource = "front-matter" | "dateline" | "file-name" | "option" | "inferred" | "unknown";

/** The article's own date (its document creation time), which anchors its relative dates. */
export interface ArticleDate {
  /** YYYY-MM-DD, or null when unknown. */
  value: string | null;
  source: ArticleDateSource;
  /** What was read, for a person: "date: 2023-06-16 in front matter", "latest explicit date in the text". */
  detail: string;
}

export interface FrontMatter extends Span {
  fields: Record<string, string>;
}

/** What reading the file found before any language analysis: structure, not meaning. */
export interface ArticleLayout {
  /** Length of a leading BOM (0 or 1): analysis starts after it, offsets still count it. */
  bom: number;
  frontMatter: FrontMatter | null;
  /** Start of the article proper (after front matter). */
  bodyStart: number;
  headline: (Span & { text: string }) | null;
  /** Sentences of the article proper, in order; boilerplate excluded. */
  sentences: Span[];
  /** Web boilerplate: reply boxes, teasers, share prompts, "Write to" lines. Not analysed for entities. */
  boilerplate: (Span & { kind: string })[];
  /** Author names from front matter, a byline or a "Write to" line, with where they stand in the text. */
  authors: (Span & { name: string })[];
  /**
   * Offset where each line starts (after \r\n, \n or \r, as LSP counts lines): positions of any span without
   * reading the file again, which answering about thousands of articles at once needs.
   */
  lineStarts: number[];
}

export interface ArticleAnalysis {
  /** Changes whenever the engine's output for the same input may change: part of every cache key. */
  engineVersion: string;
  /** "quick" analyses are provisional: the full one replaces them. */
  depth: "full" | "quick";
  layout: ArticleLayout;
  dct: ArticleDate;
  entities: ArticleEntity[];
  /** In text order. */
  mentions: Mention[];
  /** In text order. */
  timexes: Timex[];
  /** Things the user should know about this file ("only the first 2 MB were analysed"). */
  notices: string[];
}

export type Weighing = "learned" | "rules";

export interface AnalyzeOptions {
  /**
   * "full" runs compromise's tagger; "quick" tags words from its lexicon alone, about 6× faster and a little less
   * accurate: the first pass over a large folder, so links answer before the full analysis is done.
   */
  depth?: "full" | "quick";
  /** Names only, no dates (the server's first pass: links need names; dates arrive with the full analysis). */
  namesOnly?: boolean;
  /** File name or path: a date in it ("2023-06-16-…") is a source for the article's date. */
  path?: string;
  /** An explicit article date (YYYY-MM-DD), from the CLI's --date or an editor setting. */
  date?: string;
  /**
   * How a name's weak evidence is weighed where no strong cue decides its type: by the learned model shipped with the
   * engine (default), or by the hand-set rules alone (the CLI's --rules: to compare, or to do without the model).
   */
  weighing?: Weighing;
}
