// What every handler reads: the index, article text, settings. Handlers never change any of it.
import type { Location, Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Corpus, CorpusMention } from "../corpus";
import type { Span } from "../engine/types";
import type { Settings } from "../protocol";
import type { IndexState } from "../workspace/articleIndex";
import type { TextSource } from "../workspace/texts";

export interface HandlerContext {
  corpus: Corpus;
  texts: TextSource;
  settings: Settings;
  /** Whether the workspace is still being indexed: answers may be incomplete. */
  indexing: IndexState;
}

/** Engine offsets (UTF-16, end-exclusive) → an LSP range in `doc`. */
export function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/**
 * Locations of spans in any articles, reading each article's text once. Articles that cannot be read any more
 * (deleted since indexing) are left out rather than pointing at wrong lines.
 */
export function locator(texts: TextSource): (uri: string, span: Span) => Location | undefined {
  const docs = new Map<string, TextDocument | undefined>();
  return (uri, span) => {
    if (!docs.has(uri)) docs.set(uri, texts.document(uri));
    const doc = docs.get(uri);
    return doc && { uri, range: rangeOf(doc, span) };
  };
}

/** The name under the cursor, with the document it was found in. */
export function mentionAt(ctx: HandlerContext, uri: string, position: Position): { mention: CorpusMention; doc: TextDocument } | undefined {
  const doc = ctx.texts.document(uri);
  const mention = doc && ctx.corpus.mentionAt(uri, doc.offsetAt(position));
  return mention && doc ? { mention, doc } : undefined;
}

/** The first mention of an entity in each article that mentions it, in corpus order. */
export function firstMentionPerArticle(corpus: Corpus, id: string): CorpusMention[] {
  const seen = new Set<string>();
  return corpus.mentionsOf(id).filter((m) => !seen.has(m.uri) && seen.add(m.uri));
}

/** "3 people", "1 person". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A readable name for an article: its headline, else its file name. */
export function articleTitle(corpus: Corpus, uri: string): string {
  return corpus.article(uri)?.layout.headline?.text ?? decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
}
