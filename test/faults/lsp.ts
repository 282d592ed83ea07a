// Asks the server everything it can say about one document and checks every range in the answers against the
// document text the editor has: semantic tokens, outline, hovers, highlights, references, definition, inlay hints,
// code lens, next mention and linked articles.
import {
  CodeLensRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Range,
} from "vscode-languageserver-protocol/node";
import { LINKED_ARTICLES_REQUEST, NEXT_MENTION_REQUEST, type LinkedArticle, type MentionLocation } from "../../server/src/protocol";
import type { TestServer } from "../server/lspClient";
import { badSpans, tally, type EditorDoc, type Spanned } from "./check";

/** Every document the editor knows, by uri as the server writes it. */
export type Registry = Map<string, EditorDoc>;

export interface DocumentReport {
  /** Broken invariants, described (each also counted in the tally's bad ranges when it is a range). */
  bad: string[];
  /** Spans the reference analysis has that the server's semantic tokens do not start (it analysed something else). */
  missing: string[];
  tokens: number;
  hovers: string[];
}

const short = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));

/** A range of `doc` must cover exactly a span of the analysis that starts where it starts (a mention or a date). */
function checkAtSpan(doc: EditorDoc, range: Range, what: string, bad: string[], expected?: string): void {
  const got = doc.span(range);
  const candidates = doc.spansAt.get(got.start) ?? [];
  const want = expected !== undefined ? [{ ...got, text: expected }] : candidates.filter((s) => s.end === got.end);
  const claimed: Spanned = want[0] ?? { start: got.start, end: got.end, text: `‹no mention or date starts at ${got.start}›` };
  bad.push(...badSpans(doc.text, [{ start: got.start, end: got.end, text: claimed.text }], `${what} in ${short(doc.uri)} `));
}

function checkLocation(registry: Registry, location: { uri: string; range: Range }, what: string, bad: string[]): void {
  const doc = registry.get(location.uri);
  if (!doc) {
    bad.push(`${what}: a location in ${location.uri}, which is not an article of the workspace`);
    return;
  }
  checkAtSpan(doc, location.range, what, bad);
}

/** Decodes LSP semantic tokens (relative line/character) into absolute positions. */
function decodeTokens(data: number[]): { line: number; character: number; length: number; type: number }[] {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push({ line, character, length: data[i + 2]!, type: data[i + 3]! });
  }
  return out;
}

export async function checkDocument(server: TestServer, registry: Registry, doc: EditorDoc, options: { hovers?: number } = {}): Promise<DocumentReport> {
  const c = server.connection;
  const textDocument = { uri: doc.uri };
  const bad: string[] = [];
  const missing: string[] = [];
  const name = short(doc.uri);

  // Semantic tokens: each starts a mention or date of the analysis (or continues one on its next line).
  const tokens = decodeTokens((await c.sendRequest(SemanticTokensRequest.type, { textDocument }))?.data ?? []);
  const started = new Set<number>();
  for (const t of tokens) {
    const start = doc.offset({ line: t.line, character: t.character });
    const piece = { start, end: start + t.length, text: doc.text.slice(start, start + t.length) };
    const own = doc.spansAt.get(start)?.find((s) => s.end >= piece.end && s.text.startsWith(piece.text));
    const lineStart = start === 0 || /[\r\n]/.test(doc.text[start - 1]!);
    const continued = lineStart && [...doc.spansAt.values()].flat().some((s) => s.start < start && s.end >= piece.end);
    if (own) started.add(start);
    const claimed = own ? piece.text : continued ? piece.text : `‹no mention or date starts at ${start}›`;
    bad.push(...badSpans(doc.text, [{ ...piece, text: claimed }], `semantic token in ${name} `));
  }
  let covered = 0;
  const spans = [...doc.spansAt.values()].flat().sort((a, b) => a.start - b.start || b.end - a.end);
  for (const s of spans) {
    if (s.start < covered) continue;
    covered = s.end;
    if (!started.has(s.start)) missing.push(`${name}: no semantic token at ${s.start} for ${JSON.stringify(s.text)}`);
  }

  // Outline: the headline, each entity's first mention, each date (whose name is its text).
  const symbols = ((await c.sendRequest(DocumentSymbolRequest.type, { textDocument })) ?? []) as DocumentSymbol[];
  for (const symbol of symbols) {
    if (symbol.detail === "headline") {
      const headline = doc.analysis.layout.headline;
      if (!headline) bad.push(`${name}: a headline symbol, but the document has no headline`);
      else bad.push(...badSpans(doc.text, [{ ...doc.span(symbol.range), text: headline.text }], `headline symbol in ${name} `));
    }
    for (const child of symbol.children ?? []) {
      if (symbol.name.startsWith("Dates")) bad.push(...badSpans(doc.text, [{ ...doc.span(child.range), text: child.name }], `date symbol in ${name} `));
      else checkAtSpan(doc, child.selectionRange, "entity symbol", bad);
    }
  }

  // Hovers on mentions spread over the document: the card's range is the mention.
  const hovers: string[] = [];
  const mentions = doc.mentions;
  const count = Math.min(options.hovers ?? 6, mentions.length);
  for (let i = 0; i < count; i++) {
    const m = mentions[Math.floor((i * mentions.length) / count)]!;
    const position = doc.doc.positionAt(m.start + Math.floor((m.end - m.start) / 2));
    const hover = await c.sendRequest(HoverRequest.type, { textDocument, position });
    if (!hover?.range) {
      bad.push(`${name}: no hover on ${JSON.stringify(m.text)} at ${m.start}`);
      continue;
    }
    hovers.push((hover.contents as MarkupContent).value);
    bad.push(...badSpans(doc.text, [{ ...doc.span(hover.range), text: m.text }], `hover range in ${name} `));
  }

  const first = mentions.find((m) => m.type === "person") ?? mentions[0];
  if (first) {
    const position = doc.doc.positionAt(first.start);
    const highlights = (await c.sendRequest(DocumentHighlightRequest.type, { textDocument, position })) ?? [];
    for (const h of highlights) checkAtSpan(doc, h.range, "highlight", bad);
    const references = (await c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })) ?? [];
    for (const r of references) checkLocation(registry, r, "reference", bad);
    const definition = await c.sendRequest(DefinitionRequest.type, { textDocument, position });
    for (const d of (Array.isArray(definition) ? definition : definition ? [definition] : []) as Location[]) checkLocation(registry, d, "definition", bad);
    for (const direction of ["next", "previous"] as const) {
      const next = await c.sendRequest<MentionLocation | null>(NEXT_MENTION_REQUEST, { textDocument, position, direction });
      if (next) checkLocation(registry, next, `${direction} mention`, bad);
    }
  }

  // Inlay hints sit right after a date.
  const end = doc.doc.positionAt(doc.text.length);
  const hints = (await c.sendRequest(InlayHintRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end } })) ?? [];
  const dateEnds = new Set(doc.analysis.timexes.map((t) => t.end));
  for (const hint of hints) {
    if (!dateEnds.has(doc.offset(hint.position))) {
      tally.badRanges++;
      bad.push(`${name}: inlay hint at ${doc.offset(hint.position)}, where no date ends`);
    }
  }

  // The code lens sits on the headline; linked articles point at their headlines.
  for (const lens of (await c.sendRequest(CodeLensRequest.type, { textDocument })) ?? []) {
    const headline = doc.analysis.layout.headline;
    if (headline) bad.push(...badSpans(doc.text, [{ ...doc.span(lens.range), text: headline.text }], `code lens in ${name} `));
  }
  for (const linked of (await c.sendRequest<LinkedArticle[] | null>(LINKED_ARTICLES_REQUEST, { textDocument })) ?? []) {
    const other = registry.get(linked.uri);
    if (!other) bad.push(`linked article ${linked.uri} is not an article of the workspace`);
    else if (linked.headline !== null) {
      bad.push(...badSpans(other.text, [{ ...other.span(linked.range), text: other.analysis.layout.headline?.text ?? "‹no headline›" }], `linked article ${short(linked.uri)} `));
    }
  }
  return { bad, missing, tokens: tokens.length, hovers };
}
