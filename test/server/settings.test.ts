// Which files are articles, and what the settings say about them: the pure parts of workspace/.
import { expect, test } from "vitest";
import { DEFAULT_SETTINGS } from "../../server/src/protocol";
import { globMatcher } from "../../server/src/workspace/glob";
import { articleMatcher, dateFor, readSettings } from "../../server/src/workspace/settings";
import { normalizeUri, settingsPath } from "../../server/src/workspace/uris";

test("globs as settings write them", () => {
  const txt = globMatcher(["**/*.txt"]);
  expect(["a.txt", "news/a.txt", "news/2023/a.txt"].every(txt)).toBe(true);
  expect(txt("a.txt.bak")).toBe(false);
  const some = globMatcher(["{news,wires}/*.{txt,article}", "day-0?.txt", "[ab]*.md"]);
  expect(["news/a.txt", "wires/b.article", "day-01.txt", "x/day-02.txt", "a1.md"].every(some)).toBe(true);
  expect(["other/a.txt", "news/deep/a.txt", "day-100.txt", "c1.md"].some(some)).toBe(false);
  // A pattern without "/" names a file in any folder; one with "/" is anchored at the workspace folder.
  expect(globMatcher(["000_x.txt"])("deep/folder/000_x.txt")).toBe(true);
  expect(globMatcher(["news/*.txt"])("old/news/a.txt")).toBe(false);
});

test("articles are the files matched by files and not by exclude", () => {
  const isArticle = articleMatcher(readSettings({ exclude: ["**/node_modules/**", "notes/**", "requirements.txt"] }));
  expect(isArticle("2023/june/blinken.txt")).toBe(true);
  expect(isArticle("notes/todo.txt")).toBe(false);
  expect(isArticle("requirements.txt")).toBe(false);
  expect(isArticle("lib/node_modules/x/readme.txt")).toBe(false);
  expect(isArticle("blinken.md")).toBe(false);
});

test("settings: wrong values fall back to defaults, dates must be YYYY-MM-DD", () => {
  expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  const s = readSettings({ files: "*.news", hover: { maxArticles: -1 }, inlayHints: { enabled: "no" }, dates: { "a.txt": "2023-06-18", "b.txt": "June 18" } });
  expect(s.files).toEqual(["*.news"]);
  expect(s.hover.maxArticles).toBe(5);
  expect(s.inlayHints.enabled).toBe(true);
  expect(s.dates).toEqual({ "a.txt": "2023-06-18" });
  const limits = readSettings({ definition: { maxArticles: 0 }, references: { maxResults: "all" }, hover: { maxArticles: 2.7 } });
  expect([limits.definition.maxArticles, limits.references.maxResults, limits.hover.maxArticles]).toEqual([100, 10_000, 2]);
  expect(readSettings({ definition: { maxArticles: 3 }, references: { maxResults: 50 } })).toMatchObject({ definition: { maxArticles: 3 }, references: { maxResults: 50 } });
});

test("an article's date from the dates setting: exact path or name first, then a glob", () => {
  const s = readSettings({ dates: { "wires/*.txt": "2023-01-01", "wires/special.txt": "2023-06-18", "x.txt": "2023-02-02" } });
  expect(dateFor(s, "wires/special.txt")).toBe("2023-06-18");
  expect(dateFor(s, "wires/other.txt")).toBe("2023-01-01");
  expect(dateFor(s, "deep/x.txt")).toBe("2023-02-02");
  expect(dateFor(s, "elsewhere.txt")).toBeUndefined();
});

test("one spelling per file uri, and paths relative to the workspace folder", () => {
  expect(normalizeUri("file:///tmp/a%20b/c%21.txt")).toBe(normalizeUri("file:///tmp/a b/c!.txt"));
  expect(normalizeUri("untitled:Untitled-1")).toBe("untitled:Untitled-1");
  expect(settingsPath("/work/articles/news/a.txt", ["/work/other", "/work/articles"])).toBe("news/a.txt");
  expect(settingsPath("/elsewhere/a.txt", ["/work/articles"])).toBe("/elsewhere/a.txt");
});
