// Articles linked to one: those that mention at least one of the same entities. Behind the headline code lens
// and the "show linked articles" command.
import type { LinkedArticle, LinkedArticlesParams } from "../protocol";
import { rangeOf, type HandlerContext } from "./context";

export function linkedArticles(ctx: HandlerContext, params: LinkedArticlesParams): LinkedArticle[] {
  return ctx.corpus.linkedArticles(params.textDocument.uri).flatMap(({ uri, shared }) => {
    const doc = ctx.texts.document(uri);
    if (!doc) return [];
    const headline = ctx.corpus.article(uri)?.headline ?? null;
    const range = headline ? rangeOf(doc, headline) : rangeOf(doc, { start: 0, end: 0 });
    return [{ uri, range, headline: headline?.text ?? null, shared }];
  });
}
