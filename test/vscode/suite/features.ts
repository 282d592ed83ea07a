/// <reference types="mocha" />
// Article Lens inside a real VS Code extension host (run by test/vscode/run.mjs with @vscode/test-electron): the
// extension under development activated on a copy of samples/, its features asked through VS Code's own commands
// (vscode.executeHoverProvider …), i.e. through the extension's language client and the bundled server.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

const S000 = "000_522416522264bb26.txt";
const S001 = "001_ab59fed4580a61f8.txt";
const S002 = "002_1194d7b2bb6911ef.txt";
const S003 = "003_81d969409292dfb7.txt";
const S004 = "004_7f26f9b57fc7a2c5.txt";
const ARTICLES = [S000, S001, S002, S003, S004];
/** A Blinken mention starts here. */
const BLINKEN_AT = /^(Antony (J\. )?|Secretary |Mr\. )?Blinken/;

function file(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder: run the suite through test/vscode/run.mjs");
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(file(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position `shift` characters into the first occurrence of `phrase`. */
function positionOf(doc: vscode.TextDocument, phrase: string, shift = 0): vscode.Position {
  const at = doc.getText().indexOf(phrase);
  assert.ok(at >= 0, `“${phrase}” not in ${doc.fileName}`);
  return doc.positionAt(at + shift);
}

/** Asks `fn` until it returns a value (the server may still be indexing), at most `ms`. */
async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms / 1000} s${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

function labelText(hint: vscode.InlayHint): string {
  return typeof hint.label === "string" ? hint.label : hint.label.map((p) => p.value).join("");
}

describe("Article Lens in VS Code", function () {
  before(async function () {
    const extension = vscode.extensions.getExtension("article-lens.article-lens");
    assert.ok(extension, "the extension article-lens.article-lens is not loaded");
    await extension.activate();
  });

  it("hover on “Blinken” in 003 names Antony Blinken and lists the four other articles", async function () {
    const doc = await open(S003);
    const at = positionOf(doc, "Qin asking Blinken", "Qin asking ".length + 2);
    const text = await until("hover with an “Also in” list of four articles", async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, at);
      const t = hoverText(hovers);
      return ARTICLES.filter((a) => a !== S003).every((a) => t.includes(a)) ? t : undefined;
    });
    assert.match(text, /Antony Blinken/);
    const alsoAt = text.indexOf("Also in");
    assert.ok(alsoAt >= 0, `no “Also in” list:\n${text}`);
    const oftenAt = text.indexOf("Often with", alsoAt);
    const also = text.slice(alsoAt, oftenAt < 0 ? undefined : oftenAt);
    for (const other of ARTICLES.filter((a) => a !== S003)) assert.ok(also.includes(other), `“Also in” lacks ${other}:\n${also}`);
    assert.ok(!also.includes(S003), `“Also in” lists the article it is in:\n${also}`);
  });

  it("definition of “Blinken” in 004 goes to a Blinken mention in each other article", async function () {
    const doc = await open(S004);
    const at = positionOf(doc, "Mr. Blinken", "Mr. ".length + 2);
    const targets = await until("definitions in the four other articles", async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>("vscode.executeDefinitionProvider", doc.uri, at);
      const locations = found.map((l) => ("targetUri" in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l));
      const files = new Set(locations.map((l) => l.uri.path.split("/").pop()));
      return ARTICLES.filter((a) => a !== S004).every((a) => files.has(a)) ? locations : undefined;
    });
    for (const target of targets) {
      const name = target.uri.path.split("/").pop();
      assert.notEqual(name, S004, "a definition in the article itself");
      const there = await vscode.workspace.openTextDocument(target.uri);
      const text = there.getText(new vscode.Range(target.range.start, there.lineAt(target.range.start.line).range.end));
      assert.match(text, BLINKEN_AT, `definition in ${name} at ${target.range.start.line + 1}:${target.range.start.character + 1} is “${text.slice(0, 40)}”`);
    }
  });

  it("inlay hint 2023-06-18 right after “Sunday” in 003", async function () {
    const doc = await open(S003);
    const sundayEnd = positionOf(doc, "Beijing on Sunday", "Beijing on Sunday".length);
    const hint = await until("inlay hint after “Sunday”", async () => {
      const range = new vscode.Range(0, 0, doc.lineCount, 0);
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>("vscode.executeInlayHintProvider", doc.uri, range);
      return hints.find((h) => h.position.isEqual(sundayEnd));
    });
    assert.match(labelText(hint), /2023-06-18/);
    assert.ok(!doc.getText().includes("2023-06-18"), "the date is in the file itself, not only in the hint");
  });

  it("the outline of 003 groups its entities: People (with Antony Blinken), Places, Organisations, Dates", async function () {
    const doc = await open(S003);
    const symbols = await until("document symbols", async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", doc.uri);
      return found?.some((s) => /^People \(\d+\)/.test(s.name)) ? found : undefined;
    });
    const names = symbols.map((s) => s.name);
    for (const group of ["People", "Places", "Organisations", "Dates"]) {
      assert.ok(names.some((n) => new RegExp(`^${group} \\(\\d+\\)`).test(n)), `no ${group} group in ${names.join(" | ")}`);
    }
    const people = symbols.find((s) => s.name.startsWith("People"));
    assert.ok(people?.children.some((c) => c.name === "Antony Blinken"), `People lacks Antony Blinken: ${people?.children.map((c) => c.name).join(", ")}`);
  });
});
