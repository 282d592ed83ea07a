// Articles linked to one: those that mention at least one of the same entities. Behind the headline code lens
// and the "show linked articles" command.
import type { Corpus } from "../corpus";
import type { LinkedArticle, LinkedArticlesParams } from "../protocol";
import { rangeOf, type HandlerContext } from "./context";

/** Linked articles with the entities shared, most shared first, then corpus order. */
export function linkedUris(corpus: Corpus, uri: string): { uri: string; shared: string[] }[] {
  const ids = [...new Set(corpus.mentionsIn(uri).map((m) => m.id))];
  const shared = new Map<string, string[]>();
  for (const id of ids) {
    for (const other of corpus.entity(id)?.articles ?? []) {
      if (other !== uri) shared.set(other, [...(shared.get(other) ?? []), id]);
    }
  }
  const order = new Map(corpus.uris().map((u, i) => [u, i]));
  const mentions = (id: string) => corpus.entity(id)?.mentionCount ?? 0;
  return [...shared]
    .sort(([a, sa], [b, sb]) => sb.length - sa.length || order.get(a)! - order.get(b)!)
    .map(([other, list]) => ({
      uri: other,
      shared: list.sort((x, y) => mentions(y) - mentions(x)).map((id) => corpus.entity(id)!.name),
    }));
}

export function linkedArticles(ctx: HandlerContext, params: LinkedArticlesParams): LinkedArticle[] {
  return linkedUris(ctx.corpus, params.textDocument.uri).flatMap(({ uri, shared }) => {
    const doc = ctx.texts.document(uri);
    if (!doc) return [];
    const headline = ctx.corpus.article(uri)?.headline ?? null;
    const range = headline ? rangeOf(doc, headline) : rangeOf(doc, { start: 0, end: 0 });
    return [{ uri, range, headline: headline?.text ?? null, shared }];
  });
}
