// Everything the client and the server must agree on, in one place: settings, custom requests and
// notifications, command ids. The VS Code client imports this file; other editors read it as the spec of the
// few non-standard messages (every feature also works without them through the standard LSP).
//
// Plain types only (no vscode or vscode-languageserver imports), so both bundles can include it.

/** The `articleLens` section of the settings, as the server reads it through `workspace/configuration`. */
export interface Settings {
  /** Glob patterns (relative to a workspace folder) of the files that are articles. */
  files: string[];
  /** Glob patterns of files that match `files` but are not articles. */
  exclude: string[];
  inlayHints: { enabled: boolean };
  hover: { maxArticles: number };
  /** How many other articles "go to definition" lists (the first mention in each, in folder order). */
  definition: { maxArticles: number };
  /**
   * The most locations "find all references" returns in one answer. A client that asks for partial results gets
   * them all, in batches.
   */
  references: { maxResults: number };
  /** How many entries an entity's timeline carries in one answer, the earliest first (the rest are counted). */
  timeline: { maxEntries: number };
  /** File name, relative path or glob → YYYY-MM-DD: the date of articles that state none themselves. */
  dates: Record<string, string>;
  /** Milliseconds to wait after the last keystroke before an edited article is analysed again. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  files: ["**/*.txt"],
  exclude: ["**/node_modules/**", "**/.git/**"],
  inlayHints: { enabled: true },
  hover: { maxArticles: 5 },
  definition: { maxArticles: 100 },
  references: { maxResults: 10_000 },
  timeline: { maxEntries: 200 },
  dates: {},
  debounceMs: 300,
};

/** The configuration section every setting lives under. */
export const SETTINGS_SECTION = "articleLens";

/** The language id contributed for `*.article` files (plain `.txt` articles keep `plaintext`). */
export const LANGUAGE_ID = "article";

/**
 * Node options the server is started with (the VS Code client passes them; other editors may). A young generation of
 * 4 MB semi-spaces, not V8's 16: the server's answers make short-lived garbage, and a large young generation let the
 * heap stand ~200 MB higher after a run of questions at 10,000 articles. The analysis workers set theirs back (see
 * analysis/pool.ts): they allocate far more, and ran a quarter slower with it. Young collections on the collecting
 * thread alone: with helper threads, a collection waited for a helper the system had put aside while the editor and
 * the server's other work held both cores, and a copy of 0.1 MB paused the server 10–35 ms (8 such pauses in the
 * 10,000-article bench's questions, 2 without; the median young collection also shorter, 1.05 → 0.8 ms).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ["--max-semi-space-size=4", "--no-parallel-scavenge"];

/** Server → client: indexing progress and corpus size, for a status bar item. */
export const STATUS_NOTIFICATION = "articleLens/status";
export interface StatusParams {
  /** "indexing" while files are being analysed, "ready" when the index covers the workspace. */
  state: "indexing" | "ready";
  /** Articles analysed in the current indexing run, and how many the run has. */
  done: number;
  total: number;
  /**
   * "first" while some article has no analysis yet (links across the folder are incomplete); "full" while quick
   * first-pass analyses are being replaced by full ones (every article is linked already).
   */
  pass: "first" | "full";
  /** Articles and entities in the index right now. */
  articles: number;
  entities: number;
}

/** Client → server: the next or previous mention of the entity under the cursor, continuing across articles. */
export const NEXT_MENTION_REQUEST = "articleLens/nextMention";
export interface NextMentionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
  direction: "next" | "previous";
}
/** A `Location`, or null when no name is under the cursor. */
export interface MentionLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The entity's canonical name and where this mention stands among all of them ("3 of 17"). */
  name: string;
  index: number;
  count: number;
}

/** Client → server: the articles linked to one (sharing at least one entity), most shared entities first. */
export const LINKED_ARTICLES_REQUEST = "articleLens/linkedArticles";
export interface LinkedArticlesParams {
  textDocument: { uri: string };
}
export interface LinkedArticle {
  uri: string;
  /** The linked article's headline, where an editor should open it. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  headline: string | null;
  /** Canonical names of the entities both articles mention, most mentioned first. */
  shared: string[];
}

/**
 * Client → server: an entity's timeline across the folder — every sentence naming it that carries a date (its own
 * date expression, else its article's date, said as such), in date order.
 */
export const TIMELINE_REQUEST = "articleLens/timeline";
export interface TimelineParams {
  /** The name under the cursor… */
  textDocument?: { uri: string };
  position?: { line: number; character: number };
  /** …or an entity id (`TimelineResult.entity.id`, a hover card's Timeline link). */
  entity?: string;
  /** At most this many entries (default and most: the `articleLens.timeline.maxEntries` setting)… */
  limit?: number;
  /** …from this one on, in date order (default 0: the earliest): the next page of a long timeline. */
  offset?: number;
}
/** Null when no name is under the cursor or no such entity is indexed. */
export interface TimelineResult {
  entity: { id: string; name: string; type: string };
  /** Entries in all; `entries` holds `limit` of them from the `offset`th. */
  total: number;
  offset: number;
  /** Entries per month ("2023-06"; a date known to the year alone counts as "2023"), over all entries, in order. */
  months: { month: string; count: number }[];
  entries: TimelineItem[];
  /** Names of the entities in the entries' `coMentioned`, by id. */
  names: Record<string, string>;
}
export interface TimelineItem {
  uri: string;
  /** The sentence: where an editor opens the entry. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** "sentence": a date expression of the sentence's own; "article": the article's date (the sentence says none). */
  dateSource: "sentence" | "article";
  /** The date expression, when the sentence has its own. */
  dateText?: string;
  /** The sentence's text, whitespace as single spaces (same length as in the article). */
  sentence: string;
  /** Where the entity is named in `sentence` (UTF-16 offsets into it). */
  mentions: { start: number; end: number }[];
  /** Ids of the other entities named in the sentence. */
  coMentioned: string[];
  headline: string | null;
  /** Sentences of other articles that tell the same (same other names, mostly the same words) with another date. */
  datesDiffer: { uri: string; range: TimelineItem["range"]; date: string }[];
}

/**
 * Client → server: what connects an article to the rest of the folder — its entities (grouped by the client by
 * type) and the articles sharing the most of them. Behind the Explorer's connections panel.
 */
export const CONNECTIONS_REQUEST = "articleLens/connections";
export interface ConnectionsParams {
  textDocument: { uri: string };
}
/** Null for a document that is not an indexed article. */
export interface ConnectionsResult {
  /** The article's entities, most mentioned here first, each with the number of other articles naming it. */
  entities: { id: string; name: string; type: string; mentions: number; otherArticles: number }[];
  /** The articles sharing the most entities with this one, most first (at most 10). */
  related: LinkedArticle[];
}

/** Client → server: the other articles that name an entity, each at the sentence of its first mention in the body. */
export const ENTITY_ARTICLES_REQUEST = "articleLens/entityArticles";
export interface EntityArticlesParams {
  entity: string;
  /** The article the panel is about: left out. */
  textDocument?: { uri: string };
  /** At most this many (default: the `articleLens.hover.maxArticles` setting, at least 10). */
  limit?: number;
}
export interface EntityArticlesResult {
  articles: { uri: string; range: LinkedArticle["range"]; headline: string | null; sentence: string }[];
  /** Articles naming it in all, `textDocument` left out. */
  total: number;
}

/** Client-side commands (the code lens and the keybindings call them). */
export const COMMANDS = {
  nextMention: "articleLens.nextMention",
  previousMention: "articleLens.previousMention",
  showLinkedArticles: "articleLens.showLinkedArticles",
  showTimeline: "articleLens.showTimeline",
  restartServer: "articleLens.restartServer",
  showOutput: "articleLens.showOutput",
} as const;
