// Markdown pieces for hover cards. Article text is untrusted: escape it so a "*" or "[" in a quote stays text.
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { ArticleRecord } from "../corpus";
import type { Span } from "../engine";

export function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, "\\$&").replace(/\s+/g, " ");
}

/** A link that opens an article at a position: a file uri with VS Code's `#L<line>,<column>` fragment (1-based). */
export function link(label: string, uri: string, doc: TextDocument | undefined, offset: number): string {
  const at = doc?.positionAt(offset);
  const target = at ? `${uri}#L${at.line + 1},${at.character + 1}` : uri;
  return `[${escape(label)}](${target.replace(/[()\s]/g, encodeURIComponent)})`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const SNIPPET_CONTEXT = 110;

/**
 * The sentence of a mention, the mention in bold, cut to about two lines around it. The sentence comes from the
 * article's layout; a mention outside every sentence (the headline, a byline) gets its line.
 */
export function snippet(doc: TextDocument, article: ArticleRecord | undefined, span: Span): string {
  const text = doc.getText();
  const around = (article && sentenceAround(article.sentences, span)) ?? lineAround(text, span.start);
  const from = Math.max(around.start, span.start - SNIPPET_CONTEXT);
  const to = Math.min(around.end, span.end + SNIPPET_CONTEXT);
  const before = text.slice(from, span.start);
  const after = text.slice(span.end, to);
  return `${from > around.start ? "…" : ""}${escape(before.trimStart())}**${escape(text.slice(span.start, span.end))}**${escape(after.trimEnd())}${to < around.end ? "…" : ""}`;
}

/** The sentence that holds `span`, from (start, end) pairs in text order. */
function sentenceAround(sentences: Int32Array, span: Span): Span | undefined {
  for (let i = 0; i < sentences.length; i += 2) {
    if (sentences[i]! > span.start) break;
    if (span.end <= sentences[i + 1]!) return { start: sentences[i]!, end: sentences[i + 1]! };
  }
  return undefined;
}

function lineAround(text: string, offset: number): Span {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return { start, end: end < 0 ? text.length : end };
}
