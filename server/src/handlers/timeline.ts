// `articleLens/timeline`: an entity's dated sentences across the folder (corpus/timeline.ts), the first
// `limit` with their text and headline, every one counted per month for the panel's strip.
import { timelineOf, type DatedSentence } from "../corpus/timeline";
import type { TimelineItem, TimelineParams, TimelineResult } from "../protocol";
import { locator, mentionAt, type HandlerContext } from "./context";

/**
 * The last answers, by corpus version, entity and limit: the panel asks again when it is shown again, and an entity
 * in most of 10,000 articles costs a few hundred milliseconds to lay out. Any change to the corpus makes a new version.
 */
const recent = new Map<string, TimelineResult>();
const RECENT_LIMIT = 4;

export function timeline(ctx: HandlerContext, params: TimelineParams): TimelineResult | null {
  const id = params.entity ?? (params.textDocument && params.position ? mentionAt(ctx, params.textDocument.uri, params.position)?.id : undefined);
  const entity = id === undefined ? undefined : ctx.corpus.nameOf(id);
  if (!entity) return null;
  const limit = Math.max(1, Math.min(params.limit ?? ctx.settings.timeline.maxEntries, ctx.settings.timeline.maxEntries));
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  const key = `${ctx.corpus.version}\u0000${entity.id}\u0000${limit}\u0000${offset}`;
  let result = recent.get(key);
  if (!result) {
    result = layOut(ctx, entity, limit, offset);
    recent.set(key, result);
    while (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  }
  return result;
}

function layOut(ctx: HandlerContext, entity: { id: string; name: string; type: string }, limit: number, offset: number): TimelineResult {
  // Each article read once, for both the "dates differ" check and the sentences shown.
  const texts = new Map<string, string | undefined>();
  const text = (uri: string) => {
    if (!texts.has(uri)) texts.set(uri, ctx.texts.document(uri)?.getText());
    return texts.get(uri);
  };
  const { total, months, entries } = timelineOf(ctx.corpus, entity.id, text, limit, offset);
  const locate = locator(ctx.corpus);
  const rangeOf = (e: DatedSentence) => locate(e.uri, e.sentence)!.range;
  const items = entries.flatMap((e): TimelineItem[] => {
    const full = text(e.uri);
    const body = full?.slice(e.sentence.start, e.sentence.end);
    if (body === undefined || !ctx.corpus.has(e.uri)) return [];
    return [
      {
        uri: e.uri,
        range: rangeOf(e),
        date: e.date,
        dateSource: e.dateSource,
        ...(e.timex ? { dateText: full!.slice(e.timex.start, e.timex.end) } : {}),
        sentence: body.replace(/\s/g, " "),
        mentions: e.mentions.map((m) => ({ start: m.start - e.sentence.start, end: m.end - e.sentence.start })),
        coMentioned: e.coMentioned,
        headline: ctx.corpus.article(e.uri)?.headline?.text ?? null,
        datesDiffer: e.differs.map((other) => ({ uri: other.uri, range: rangeOf(other), date: other.date })),
      },
    ];
  });
  const names: Record<string, string> = {};
  for (const item of items) for (const other of item.coMentioned) names[other] ??= ctx.corpus.nameOf(other)?.name ?? other;
  return { entity: { id: entity.id, name: entity.name, type: entity.type }, total, offset, months, entries: items, names };
}
