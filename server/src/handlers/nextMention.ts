// Next / previous mention: step through every mention of the entity under the cursor in reading order, from
// one article into the next (corpus order), wrapping around at the ends.
import type { MentionLocation, NextMentionParams } from "../protocol";
import { locator, mentionAt, type HandlerContext } from "./context";

export function nextMention(ctx: HandlerContext, params: NextMentionParams): MentionLocation | null {
  const mention = mentionAt(ctx, params.textDocument.uri, params.position);
  if (!mention) return null;
  const all = ctx.corpus.mentionsOf(mention.id);
  const here = all.findIndex((m) => m.uri === mention.uri && m.start === mention.start);
  const step = params.direction === "next" ? 1 : -1;
  const locate = locator(ctx.corpus);
  // Skip mentions whose article cannot be read any more (deleted since it was indexed).
  for (let i = 1; i <= all.length; i++) {
    const index = (((here + step * i) % all.length) + all.length) % all.length;
    const target = all[index]!;
    const location = locate(target.uri, target);
    if (location) return { ...location, name: ctx.corpus.entity(target.id)!.name, index: index + 1, count: all.length };
  }
  return null;
}
