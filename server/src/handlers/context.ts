// What every handler reads: the index, article text, settings. Handlers never change any of it.
import type { Location, Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Corpus, CorpusMention } from "../corpus";
import { offsetIn, positionIn, type Span } from "../engine";
import type { Settings } from "../protocol";
import type { IndexState } from "../workspace/articleIndex";
import type { TextSource } from "../workspace/texts";

export interface HandlerContext {
  corpus: Corpus;
  texts: TextSource;
  settings: Settings;
  /** Whether the workspace is still being indexed: answers may be incomplete. */
  indexing: IndexState;
  /** Commands the client runs from a link in a hover card (`initializationOptions.commandLinks`); none by default. */
  commandLinks?: readonly string[];
  /** Where a handler says what the user should know but the answer cannot carry (the server's log). */
  log?: (message: string) => void;
}

/** Engine offsets (UTF-16, end-exclusive) → an LSP range in `doc`. */
export function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/**
 * Locations of spans in any indexed article, from the line starts its analysis recorded: no file is read, so an
 * answer naming thousands of articles stays fast. An article no longer indexed has no location.
 */
export function locator(corpus: Corpus): (uri: string, span: Span) => Location | undefined {
  return (uri, span) => {
    const starts = corpus.article(uri)?.lineStarts;
    return starts && { uri, range: { start: positionIn(starts, span.start), end: positionIn(starts, span.end) } };
  };
}

/**
 * The name under the cursor. Its offset comes from the editor's document when the article is open (its text is what
 * was analysed), else from the line starts its analysis kept: no file is read on the way to an answer (a read here
 * went to disk as often as not: 0.1–1 ms, sometimes more).
 */
export function mentionAt(ctx: HandlerContext, uri: string, position: Position): CorpusMention | undefined {
  const open = ctx.texts.open(uri);
  const starts = open ? undefined : ctx.corpus.article(uri)?.lineStarts;
  const offset = open ? open.offsetAt(position) : starts ? offsetIn(starts, position) : undefined;
  return offset === undefined ? undefined : ctx.corpus.mentionAt(uri, offset);
}

/** "3 people", "1 person". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A readable name for an article: its headline, else its file name. */
export function articleTitle(corpus: Corpus, uri: string): string {
  return corpus.article(uri)?.headline?.text ?? decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));
}
