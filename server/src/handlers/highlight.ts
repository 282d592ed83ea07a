// Document highlight: the entity's mentions in this article, whatever form each takes ("Blinken", "Antony Blinken").
import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from "vscode-languageserver";
import { locator, mentionAt, type HandlerContext } from "./context";

export function documentHighlight(ctx: HandlerContext, params: DocumentHighlightParams): DocumentHighlight[] | null {
  const uri = params.textDocument.uri;
  const mention = mentionAt(ctx, uri, params.position);
  if (!mention) return null;
  const locate = locator(ctx.corpus);
  return ctx.corpus
    .mentionsIn(uri)
    .filter((m) => m.id === mention.id)
    .flatMap((m) => {
      const location = locate(uri, m);
      return location ? [{ range: location.range, kind: DocumentHighlightKind.Text }] : [];
    });
}
