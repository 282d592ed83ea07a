// Handlers called directly on an in-memory corpus: the cases the seed articles do not show.
import { expect, test } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Location, MarkupContent } from "vscode-languageserver";
import { Corpus, recordOf } from "../../server/src/corpus";
import type { AnalyzeOptions } from "../../server/src/engine";
import { analyzeArticle } from "../../server/src/engine/analyze";
import type { HandlerContext } from "../../server/src/handlers/context";
import { definition } from "../../server/src/handlers/definition";
import { describeValue, hover } from "../../server/src/handlers/hover";
import { nextMention } from "../../server/src/handlers/nextMention";
import { DEFAULT_SETTINGS } from "../../server/src/protocol";
import type { IndexState } from "../../server/src/workspace/articleIndex";

/** What the corpus stores of an analysis. */
const analyse = (text: string, options: AnalyzeOptions) => recordOf(analyzeArticle(text, options));

const ARTICLE = "Minister visits port\n\nHarbour minister Elspeth Vandermeer opened the new port on Friday. Vandermeer said the port would open to ships next year.\n";

function context(texts: Record<string, string>, indexing: IndexState = { running: false, done: 0, total: 0, pass: "first", listed: false }): HandlerContext {
  const corpus = new Corpus();
  for (const [uri, text] of Object.entries(texts)) corpus.upsert(uri, analyse(text, { date: "2023-06-16" }));
  const docs = new Map(Object.entries(texts).map(([uri, text]) => [uri, TextDocument.create(uri, "plaintext", 1, text)]));
  return { corpus, texts: { document: (uri) => docs.get(uri), open: () => undefined }, settings: DEFAULT_SETTINGS, indexing };
}
const at = (text: string, word: string, nth = 0) => {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(word, offset + 1);
  return TextDocument.create("x", "plaintext", 1, text).positionAt(offset + 1);
};

test("definition of a name no other article mentions goes to its fullest mention in this one", () => {
  const ctx = context({ "file:///a.txt": ARTICLE });
  const result = definition(ctx, { textDocument: { uri: "file:///a.txt" }, position: at(ARTICLE, "Vandermeer said") }, false) as Location[];
  expect(result).toHaveLength(1);
  expect(TextDocument.create("x", "plaintext", 1, ARTICLE).getText(result[0]!.range)).toBe("Elspeth Vandermeer");
});

test("a hover made while the workspace is still being indexed says so", () => {
  const ctx = context({ "file:///a.txt": ARTICLE }, { running: true, done: 3, total: 10, pass: "first", listed: true });
  const value = (hover(ctx, { textDocument: { uri: "file:///a.txt" }, position: at(ARTICLE, "Vandermeer said") })!.contents as MarkupContent).value;
  expect(value).toContain("**Elspeth Vandermeer** · person");
  expect(value).toContain("Still indexing the workspace (3/10 articles)");
});

test("next mention wraps from the last mention of the corpus to the first", () => {
  const ctx = context({ "file:///a.txt": ARTICLE, "file:///b.txt": `Port news\n\n${ARTICLE.split("\n")[2]}\n` });
  const last = nextMention(ctx, { textDocument: { uri: "file:///b.txt" }, position: at(ARTICLE, "Vandermeer said"), direction: "next" });
  expect(last).toMatchObject({ uri: "file:///a.txt", index: 1, count: 4 });
});

test("date values in words", () => {
  expect(describeValue("2023-06-18")).toBe("Sunday, 18 June 2023");
  expect(describeValue("2023-06-18T14:00")).toBe("Sunday, 18 June 2023");
  expect(describeValue("2023-06")).toBe("June 2023");
  expect(describeValue("P2D")).toBe("");
});

test("references and definition find the name under the cursor without reading an unopened article, and read an open one's unsaved text", async () => {
  const { references } = await import("../../server/src/handlers/references");
  const other = "Port reopens\n\nElspeth Vandermeer said ships would return.\n";
  const ctx = context({ "file:///a.txt": ARTICLE, "file:///b.txt": other });
  const reads: string[] = [];
  const document = ctx.texts.document;
  ctx.texts = { document: (uri) => (reads.push(uri), document(uri)), open: () => undefined };
  const params = { textDocument: { uri: "file:///a.txt" }, position: at(ARTICLE, "Vandermeer said") };
  const refs = (await references(ctx, { ...params, context: { includeDeclaration: true } }))!;
  expect(refs.map((l) => l.uri)).toEqual(["file:///a.txt", "file:///a.txt", "file:///b.txt"]);
  expect((definition(ctx, params, false) as Location[]).map((l) => l.uri)).toEqual(["file:///b.txt"]);
  expect(reads).toEqual([]);
  // A position past the end of its line stays on that line: no name of the next line is taken for it.
  expect(await references(ctx, { textDocument: { uri: "file:///a.txt" }, position: { line: 0, character: 500 }, context: { includeDeclaration: true } })).toBeNull();
  // An open article: the editor's document gives the offset (its text may have moved since the file was saved).
  const edited = `\n${ARTICLE}`;
  ctx.corpus.upsert("file:///a.txt", analyse(edited, { date: "2023-06-16" }));
  const open = TextDocument.create("file:///a.txt", "plaintext", 2, edited);
  ctx.texts = { document: (uri) => (reads.push(uri), uri === "file:///a.txt" ? open : document(uri)), open: (uri) => (uri === "file:///a.txt" ? open : undefined) };
  const moved = (await references(ctx, { textDocument: { uri: "file:///a.txt" }, position: at(edited, "Vandermeer said"), context: { includeDeclaration: true } }))!;
  expect(moved).toHaveLength(3);
  expect(reads).toEqual([]);
});
