// `articleLens/timeline`: an entity's dated sentences across the folder (corpus/timeline.ts), the first
// `limit` with their text and headline, every one counted per month for the panel's strip.
import { timelineOf, type TimelineEntry } from "../corpus/timeline";
import type { TimelineItem, TimelineParams, TimelineResult } from "../protocol";
import { articleTitle, locator, mentionAt, type HandlerContext } from "./context";

export function timeline(ctx: HandlerContext, params: TimelineParams): TimelineResult | null {
  const id = params.entity ?? (params.textDocument && params.position ? mentionAt(ctx, params.textDocument.uri, params.position)?.mention.id : undefined);
  const entity = id === undefined ? undefined : ctx.corpus.entity(id);
  if (!entity) return null;
  const text = (uri: string) => ctx.texts.document(uri)?.getText();
  const { entries } = timelineOf(ctx.corpus, entity.id, text);
  const limit = Math.max(1, Math.min(params.limit ?? ctx.settings.timeline.maxEntries, ctx.settings.timeline.maxEntries));
  const shown = entries.slice(0, limit);
  const locate = locator(ctx.corpus);
  const rangeOf = (e: TimelineEntry) => locate(e.uri, e.sentence)!.range;
  const items = shown.flatMap((e): TimelineItem[] => {
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
        headline: ctx.corpus.article(e.uri)?.headline ? articleTitle(ctx.corpus, e.uri) : null,
        datesDiffer: e.differs.map((i) => entries[i]!).map((other) => ({ uri: other.uri, range: rangeOf(other), date: other.date })),
      },
    ];
  });
  const names: Record<string, string> = {};
  for (const item of items) for (const other of item.coMentioned) names[other] ??= ctx.corpus.entity(other)?.name ?? other;
  return { entity: { id: entity.id, name: entity.name, type: entity.type }, total: entries.length, months: perMonth(entries), entries: items, names };
}

/** Entries per month, in date order (the entries are sorted, so equal months are adjacent). */
function perMonth(entries: readonly TimelineEntry[]): TimelineResult["months"] {
  const months: TimelineResult["months"] = [];
  for (const e of entries) {
    const month = e.date.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.count++;
    else months.push({ month, count: 1 });
  }
  return months;
}
