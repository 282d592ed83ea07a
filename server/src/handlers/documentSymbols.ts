// Document symbols: the article's outline. Headline, then its people, places and organisations (each with how
// often the article names them), then its dates.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type Range } from "vscode-languageserver";
import { ENTITY_LABELS, ENTITY_TYPES } from "../labels";
import { count, rangeOf, type HandlerContext } from "./context";
import { shorten } from "./markdown";
import { ENTITY_SYMBOL_KIND } from "./workspaceSymbols";


export function documentSymbols(ctx: HandlerContext, params: DocumentSymbolParams): DocumentSymbol[] | null {
  const uri = params.textDocument.uri;
  const doc = ctx.texts.document(uri);
  const analysis = ctx.corpus.article(uri);
  if (!doc || !analysis) return null;
  const symbols: DocumentSymbol[] = [];
  const headline = analysis.headline;
  if (headline) {
    const range = rangeOf(doc, headline);
    symbols.push({ name: shorten(headline.text, 120), detail: "headline", kind: SymbolKind.String, range, selectionRange: range });
  }

  const mentions = ctx.corpus.mentionsIn(uri);
  for (const type of ENTITY_TYPES) {
    const children = analysis.entities
      .map((entity, local) => ({ entity, local }))
      .filter(({ entity }) => entity.type === type)
      .map(({ entity, local }): DocumentSymbol => {
        const first = mentions.find((m) => m.entity === local) ?? { start: entity.first, end: entity.first };
        const range = rangeOf(doc, first);
        const detail = [count(entity.count, "mention", "mentions"), entity.author ? "author" : ""].filter(Boolean).join(" · ");
        return { name: entity.name, detail, kind: ENTITY_SYMBOL_KIND[type], range, selectionRange: range };
      });
    if (children.length > 0) symbols.push(groupOf(`${ENTITY_LABELS[type].heading} (${children.length})`, SymbolKind.Namespace, children));
  }

  const dates = ctx.corpus.timexes(uri).map((t): DocumentSymbol => {
    const range = rangeOf(doc, t);
    return { name: t.text, detail: t.endValue ? `${t.value} – ${t.endValue}` : t.value, kind: SymbolKind.Event, range, selectionRange: range };
  });
  if (dates.length > 0) symbols.push(groupOf(`Dates (${dates.length})`, SymbolKind.Namespace, dates));
  return symbols;
}

/** A group's range must contain its children's: it spans from the earliest to the latest. */
function groupOf(name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol {
  const before = (a: Range["start"], b: Range["start"]) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const start = children.map((c) => c.range.start).reduce((a, b) => (before(b, a) ? b : a));
  const end = children.map((c) => c.range.end).reduce((a, b) => (before(a, b) ? b : a));
  const range = { start, end };
  return { name, kind, range, selectionRange: { start, end: start }, children };
}
