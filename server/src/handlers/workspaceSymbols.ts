// Workspace symbols: every entity of the corpus by name or alias ("Yellen" finds Janet Yellen), located at its
// first mention in corpus order.
import { CancellationToken, SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from "vscode-languageserver";
import type { EntityType } from "../engine";
import { ENTITY_LABELS } from "../labels";
import { count, locator, type HandlerContext } from "./context";

/** Each hit costs reading one article's text for its position: enough to pick from, few enough to stay fast. */
const LIMIT = 100;

export const ENTITY_SYMBOL_KIND: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Variable,
  place: SymbolKind.Constant,
  organization: SymbolKind.Class,
  other: SymbolKind.Object,
};

export function workspaceSymbols(ctx: HandlerContext, params: WorkspaceSymbolParams, token: CancellationToken = CancellationToken.None): SymbolInformation[] {
  const locate = locator(ctx.corpus);
  const out: SymbolInformation[] = [];
  for (const entity of ctx.corpus.search(params.query, LIMIT)) {
    if (token.isCancellationRequested) break;
    const first = ctx.corpus.mentionsOf(entity.id)[0];
    const location = first && locate(first.uri, first);
    if (!location) continue;
    out.push({
      name: entity.name,
      kind: ENTITY_SYMBOL_KIND[entity.type],
      location,
      containerName: `${ENTITY_LABELS[entity.type].one} · ${count(entity.articles.length, "article", "articles")}`,
    });
  }
  return out;
}
