// The Explorer's connections panel: an article's entities with how widely the folder names them, the articles
// sharing the most of them, and, per entity, the other articles naming it at the sentence that does.
import type { ConnectionsParams, ConnectionsResult, EntityArticlesParams, EntityArticlesResult } from "../protocol";
import { locator, type HandlerContext } from "./context";

const RELATED_LIMIT = 10;

export function connections(ctx: HandlerContext, params: ConnectionsParams): ConnectionsResult | null {
  const { corpus } = ctx;
  const uri = params.textDocument.uri;
  if (!corpus.has(uri)) return null;
  const counts = new Map<string, number>();
  for (const m of corpus.mentionsIn(uri)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  const entities = [...counts].flatMap(([id, mentions]) => {
    const entity = corpus.entity(id);
    return entity ? [{ id, name: entity.name, type: entity.type, mentions, otherArticles: entity.articles.length - (entity.articles.includes(uri) ? 1 : 0) }] : [];
  });
  entities.sort((a, b) => b.mentions - a.mentions || b.otherArticles - a.otherArticles || a.name.localeCompare(b.name));
  // The headline's place comes from the line starts each analysis keeps: no other article is read.
  const locate = locator(corpus);
  const related = corpus.linkedArticles(uri, RELATED_LIMIT).map(({ uri: other, shared }) => {
    const headline = corpus.article(other)?.headline ?? null;
    return { uri: other, range: locate(other, headline ?? { start: 0, end: 0 })!.range, headline: headline?.text ?? null, shared };
  });
  return { entities, related };
}

export function entityArticles(ctx: HandlerContext, params: EntityArticlesParams): EntityArticlesResult {
  const { corpus } = ctx;
  const entity = corpus.entity(params.entity);
  if (!entity) return { articles: [], total: 0 };
  const limit = Math.max(1, params.limit ?? Math.max(10, ctx.settings.hover.maxArticles));
  const except = params.textDocument?.uri;
  const total = entity.articles.length - (except !== undefined && entity.articles.includes(except) ? 1 : 0);
  const locate = locator(corpus);
  const articles = corpus
    .firstBodyMentions(entity.id, limit + 1)
    .filter((m) => m.uri !== except)
    .slice(0, limit)
    .flatMap((m) => {
      const span = corpus.sentenceAt(m.uri, m.start) ?? m;
      const text = ctx.texts.document(m.uri)?.getText();
      const where = locate(m.uri, span);
      if (text === undefined || !where) return [];
      return [{ uri: m.uri, range: where.range, headline: corpus.article(m.uri)?.headline?.text ?? null, sentence: text.slice(span.start, span.end).replace(/\s+/g, " ").trim() }];
    });
  return { articles, total };
}
