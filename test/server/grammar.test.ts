// The TextMate grammar of the `article` language, run by the same engine VS Code uses (vscode-textmate with the
// Oniguruma regex library): every rule compiles, and each structure gets its scope.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from "vscode-textmate";

const ROOT = resolve(__dirname, "../..");
let grammar: IGrammar;

beforeAll(async () => {
  await oniguruma.loadWASM(readFileSync(resolve(ROOT, "node_modules/vscode-oniguruma/release/onig.wasm")).buffer as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => parseRawGrammar(readFileSync(resolve(ROOT, "syntaxes/article.tmLanguage.json"), "utf8"), "article.tmLanguage.json"),
  });
  grammar = (await registry.loadGrammar("text.article"))!;
});

/** Each token's text with its innermost scope, line by line. */
function scopes(text: string): [string, string][] {
  let state = INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split("\n")) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    for (const t of tokens) if (t.scopes.length > 1) out.push([line.slice(t.startIndex, t.endIndex), t.scopes.at(-1)!]);
  }
  return out;
}

test("headline, byline, dateline, quotations, links and boilerplate", () => {
  const found = scopes(
    [
      "Blinken visits Beijing",
      "By Jane Doe and John Smith",
      "BEIJING — The envoy said “we will talk” and pointed to https://example.com/a.html.",
      "Published June 16, 2023",
      "Write to Jane Doe at jane.doe@example.com",
      "Read more: other news",
      "Share this article on Facebook",
    ].join("\n"),
  );
  expect(found).toContainEqual(["Blinken visits Beijing", "markup.heading.1.headline.article"]);
  expect(found).toContainEqual(["Jane Doe and John Smith", "entity.name.author.article"]);
  expect(found).toContainEqual(["BEIJING", "keyword.other.dateline.article"]);
  expect(found).toContainEqual(["we will talk", "string.quoted.double.article"]);
  expect(found).toContainEqual(["https://example.com/a.html", "markup.underline.link.article"]);
  expect(found).toContainEqual(["Published June 16, 2023", "comment.line.dateline.article"]);
  expect(found).toContainEqual(["jane.doe@example.com", "markup.underline.link.email.article"]);
  expect(found).toContainEqual(["Read more: other news", "comment.line.boilerplate.article"]);
  expect(found).toContainEqual(["Share this article on Facebook", "comment.line.boilerplate.article"]);
});

test("front matter fields, then the first line after it is the headline", () => {
  const found = scopes("---\ntitle: Talks\ndate: 2023-06-16\n---\n\nBlinken in China\n\nBody: not a field.\n");
  expect(found).toContainEqual(["date", "entity.name.tag.frontmatter.article"]);
  expect(found).toContainEqual(["2023-06-16", "string.unquoted.frontmatter.article"]);
  expect(found).toContainEqual(["Blinken in China", "markup.heading.1.headline.article"]);
  expect(found.map(([text]) => text)).not.toContain("Body");
});

test("a sample article tokenizes with its headline first", () => {
  const text = readFileSync(resolve(ROOT, "samples/002_1194d7b2bb6911ef.txt"), "utf8");
  const found = scopes(text);
  expect(found[0]).toEqual([text.split("\n")[0], "markup.heading.1.headline.article"]);
  expect(found).toContainEqual(["BEIJING", "keyword.other.dateline.article"]);
});
