// Code lens on the headline: what the article is about at a glance, and how it connects to the others.
// "12 people · 9 places · 6 organisations · linked to 4 articles"; clicking shows the linked articles.
import type { CodeLens, CodeLensParams } from "vscode-languageserver";
import { ENTITY_LABELS, ENTITY_TYPES } from "../labels";
import { COMMANDS } from "../protocol";
import { count, rangeOf, type HandlerContext } from "./context";


export function codeLens(ctx: HandlerContext, params: CodeLensParams): CodeLens[] | null {
  const uri = params.textDocument.uri;
  const doc = ctx.texts.document(uri);
  const analysis = ctx.corpus.article(uri);
  if (!doc || !analysis) return null;
  const range = rangeOf(doc, analysis.headline ?? { start: analysis.bodyStart, end: analysis.bodyStart });
  const linked = ctx.corpus.linkedCount(uri);
  // Other names (products, events…) only when there are some: the three kinds of entity always.
  const parts = ENTITY_TYPES.flatMap((type) => {
    const n = analysis.entities.filter((e) => e.type === type).length;
    return type === "other" && n === 0 ? [] : [count(n, ENTITY_LABELS[type].one, ENTITY_LABELS[type].many)];
  });
  parts.push(`linked to ${count(linked, "article", "articles")}`);
  const title = parts.join(" · ");
  return [{ range, command: { title, command: COMMANDS.showLinkedArticles, arguments: [uri, range.start] } }];
}
