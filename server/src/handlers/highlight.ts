// Document highlight: the entity's mentions in this article, whatever form each takes ("Blinken", "Antony Blinken").
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from "vscode-languageserver";
import { mentionAt, rangeOf, type HandlerContext } from "./context";

export function documentHighlight(ctx: HandlerContext, params: DocumentHighlightParams): DocumentHighlight[] | null {
  const uri = params.textDocument.uri;
  const at = mentionAt(ctx, uri, params.position);
  if (!at) return null;
  return ctx.corpus
    .mentionsIn(uri)
    .filter((m) => m.id === at.mention.id)
    .map((m) => ({ range: rangeOf(at.doc, m), kind: DocumentHighlightKind.Text }));
}
