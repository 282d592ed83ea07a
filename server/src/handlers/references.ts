// Find all references: every mention of the entity in the corpus, in corpus order, unopened articles included. A
// client that asks for partial results gets them in batches, each once the last is written, the first at once;
// otherwise the answer holds at most `articleLens.references.maxResults` (an entity in 10,000 articles has 60,000
// mentions: megabytes of JSON), and the log says what was left out.
import { CancellationToken, type Location, type ReferenceParams } from "vscode-languageserver";
import { mentionSpan } from "../corpus";
import { locator, mentionAt, type HandlerContext } from "./context";

/** Locations per partial result. */
export const REFERENCE_BATCH = 500;

export async function references(
  ctx: HandlerContext,
  params: ReferenceParams,
  token: CancellationToken = CancellationToken.None,
  partial?: (batch: Location[]) => Promise<void>,
): Promise<Location[] | null> {
  const mention = mentionAt(ctx, params.textDocument.uri, params.position);
  if (!mention) return null;
  const locate = locator(ctx.corpus);
  const limit = partial ? Infinity : ctx.settings.references.maxResults;
  const out: Location[] = [];
  // Offsets alone, no mention objects: the answer for a name in most of 10,000 articles is 60,000 locations, and
  // every object made for each was garbage the next answers paid for in collection pauses.
  for (const { uri, record, indexes } of ctx.corpus.mentionIndexes(mention.id)) {
    if (token.isCancellationRequested) return out; // the caller turns this into a cancellation error
    for (const j of indexes) {
      const location = locate(uri, mentionSpan(record, j));
      if (location && out.push(location) >= limit) {
        const entity = ctx.corpus.entity(mention.id);
        ctx.log?.(`references to ${entity?.name ?? mention.text}: the first ${limit} of ${entity?.mentionCount ?? "more"} mentions (articleLens.references.maxResults)`);
        return out;
      }
    }
    // The next batch is made once this one is written (and a turn later, so a cancellation can arrive).
    if (partial && out.length >= REFERENCE_BATCH) await partial(out.splice(0));
  }
  if (!partial) return out;
  if (out.length > 0) await partial(out);
  return []; // with partial results, everything went in them
}
