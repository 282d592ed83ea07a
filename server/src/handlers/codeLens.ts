// Code lens on the headline: what the article is about at a glance, and how it connects to the others.
// "12 people · 9 places · 6 organisations · linked to 4 articles"; clicking shows the linked articles.
import type { CodeLens, CodeLensParams } from "vscode-languageserver";
import type { EntityType } from "../engine/types";
import { COMMANDS } from "../protocol";
import { count, rangeOf, type HandlerContext } from "./context";
import { linkedUris } from "./linkedArticles";

const NOUNS: Record<EntityType, [string, string]> = {
  person: ["person", "people"],
  place: ["place", "places"],
  organization: ["organisation", "organisations"],
};

export function codeLens(ctx: HandlerContext, params: CodeLensParams): CodeLens[] | null {
  const uri = params.textDocument.uri;
  const doc = ctx.texts.document(uri);
  const analysis = ctx.corpus.article(uri);
  if (!doc || !analysis) return null;
  const range = rangeOf(doc, analysis.layout.headline ?? { start: analysis.layout.bodyStart, end: analysis.layout.bodyStart });
  const linked = linkedUris(ctx.corpus, uri).length;
  const parts = (Object.keys(NOUNS) as EntityType[]).map((type) => {
    const n = analysis.entities.filter((e) => e.type === type).length;
    return count(n, ...NOUNS[type]);
  });
  parts.push(`linked to ${count(linked, "article", "articles")}`);
  const title = parts.join(" · ");
  return [{ range, command: { title, command: COMMANDS.showLinkedArticles, arguments: [uri, range.start] } }];
}
