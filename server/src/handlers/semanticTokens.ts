// Semantic tokens: people, places, organisations and dates coloured as what they are. The token types are our
// own; package.json maps each to TextMate scopes (`semanticTokenScopes`) so every theme has a colour for them.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { mentionCount, mentionOf } from "../corpus";
import type { Span } from "../engine";
import type { HandlerContext } from "./context";

export const TOKEN_TYPES = ["person", "place", "organization", "other", "date"] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export const TOKEN_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] };

interface Token extends Span {
  type: TokenType;
}

export function semanticTokens(ctx: HandlerContext, params: SemanticTokensParams): SemanticTokens {
  const uri = params.textDocument.uri;
  const doc = ctx.texts.document(uri);
  const analysis = ctx.corpus.article(uri);
  const builder = new SemanticTokensBuilder();
  if (!doc || !analysis) return builder.build();
  const tokens: Token[] = [
    ...Array.from({ length: mentionCount(analysis) }, (_, i): Token => {
      const m = mentionOf(analysis, i);
      return { start: m.start, end: m.end, type: m.type };
    }),
    ...Array.from({ length: analysis.timexSpans.length / 2 }, (_, i): Token => ({ start: analysis.timexSpans[i * 2]!, end: analysis.timexSpans[i * 2 + 1]!, type: "date" })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let covered = 0;
  for (const token of tokens) {
    if (token.start < covered) continue; // tokens may not overlap: the outer one wins
    covered = token.end;
    for (const piece of onePerLine(doc, token)) {
      builder.push(piece.line, piece.character, piece.length, TOKEN_TYPES.indexOf(token.type), 0);
    }
  }
  return builder.build();
}

/** Clients need not support tokens spanning lines: a date written across a line break becomes two tokens. */
function onePerLine(doc: TextDocument, span: Span): { line: number; character: number; length: number }[] {
  const start = doc.positionAt(span.start);
  const end = doc.positionAt(span.end);
  if (start.line === end.line) return [{ line: start.line, character: start.character, length: span.end - span.start }];
  const pieces = [];
  for (let line = start.line; line <= end.line; line++) {
    const from = line === start.line ? span.start : doc.offsetAt({ line, character: 0 });
    const lineEnd = line === end.line ? span.end : doc.offsetAt({ line: line + 1, character: 0 });
    const text = doc.getText().slice(from, lineEnd).replace(/\r?\n$/, "");
    if (text.length > 0) pieces.push({ line, character: doc.positionAt(from).character, length: text.length });
  }
  return pieces;
}
