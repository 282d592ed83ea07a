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
  return { corpus, texts: { document: (uri) => docs.get(uri) }, settings: DEFAULT_SETTINGS, indexing };
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
