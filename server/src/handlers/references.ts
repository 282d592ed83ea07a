// Find all references: every mention of the entity in the corpus, in corpus order, unopened articles included.
import { CancellationToken, type Location, type ReferenceParams } from "vscode-languageserver";
import { locator, mentionAt, type HandlerContext } from "./context";

export function references(ctx: HandlerContext, params: ReferenceParams, token: CancellationToken = CancellationToken.None): Location[] | null {
  const at = mentionAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const locate = locator(ctx.corpus);
  const out: Location[] = [];
  for (const m of ctx.corpus.mentionsOf(at.mention.id)) {
    if (token.isCancellationRequested) return out; // the caller turns this into a cancellation error
    const location = locate(m.uri, m);
    if (location) out.push(location);
  }
  return out;
}
