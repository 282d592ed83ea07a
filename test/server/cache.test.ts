// The server's analysis cache, over the protocol: the first start analyses every article (quick first pass, then
// full) and writes the cache into the folder the client names; a restart on the same folder takes every analysis
// from the cache and answers as before; a corrupt cache file is said to be unreadable, ignored and rebuilt; articles
// the editor opens before its settings arrive are analysed once, with them. (A cache folder that cannot be made and
// a server killed while writing the cache are cases of the fault suite, test/faults/.)
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  InlayHintRequest,
  type MarkupContent,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache, cacheKey, cacheShardFiles, IDENTITIES_FILE_NAME, shardFileName } from "../../server/src/analysis/cache";
import { Analyzer } from "../../server/src/analysis/analyzer";
import { recordOf } from "../../server/src/corpus";
import { diskFiles } from "../../server/src/workspace/files";
import { analyzeArticle } from "../../server/src/engine/analyze";
import { eventually, SEEDS, startIndexed, type StartOptions, type TestServer } from "./lspClient";

const cacheDir = mkdtempSync(join(tmpdir(), "article-lens-cache-test-"));
const shards = () => cacheShardFiles(cacheDir);
const shardTimes = () => shards().map((file) => statSync(file).mtimeMs);
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const indexOnce = (dir = cacheDir, options: StartOptions = {}) => startIndexed(dir, options);

async function blinkenHover(server: TestServer): Promise<string> {
  const hover = await server.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: server.uri(SEEDS[3]!) },
    position: server.positionOf(SEEDS[3]!, "Blinken", 1),
  });
  // Each start copies the articles to a new folder: compare the cards without it.
  return (hover?.contents as MarkupContent).value.replaceAll(pathToFileURL(server.folder).href, "<folder>");
}

test("a cold start analyses every article and writes the cache; a warm start reads all five from it", async () => {
  const cold = await indexOnce();
  expect(cold.log).toMatch(/^indexed: 0 analyses from the cache, \d+ quick, 5 full; 5 articles$/);
  const coldHover = await blinkenHover(cold.server);
  await cold.server.stop();
  // One shard file per first two hex digits of the entries' keys: five articles, at most five files.
  expect(shards().length).toBeGreaterThan(0);
  expect(shards().length).toBeLessThanOrEqual(5);
  for (const file of shards()) expect(readFileSync(file, "latin1")).toMatch(/^article-lens analysis cache 6 /);
  // The identities across articles are stored too: the warm start takes them instead of clustering again.
  expect(existsSync(join(cacheDir, IDENTITIES_FILE_NAME))).toBe(true);

  const warm = await indexOnce();
  expect(warm.log).toBe("indexed: 5 analyses from the cache, 0 quick, 0 full; 5 articles");
  expect(await blinkenHover(warm.server)).toBe(coldHover);
  expect(coldHover).toContain("**Antony Blinken**");
  // A client that names no command links (every one but VS Code's) gets no command link in a card.
  expect(coldHover).not.toContain("command:");
  await warm.server.stop();
});

test("a corrupt cache file (and identities file) is reported, ignored and rebuilt", async () => {
  for (const file of shards()) writeFileSync(file, "this is not a cache");
  writeFileSync(join(cacheDir, IDENTITIES_FILE_NAME), '{"engineVersion": "not json');
  const { server, log } = await indexOnce();
  expect(server.logs.some((l) => /analysis cache .* is unreadable/.test(l))).toBe(true);
  expect(log).toMatch(/^indexed: 0 analyses from the cache, \d+ quick, 5 full; 5 articles$/);
  expect(await blinkenHover(server)).toContain("**Antony Blinken**");
  await server.stop();
  expect(shards().length).toBeGreaterThan(0);
  for (const file of shards()) expect(readFileSync(file).subarray(0, 19).toString()).not.toBe("this is not a cache");
});

test("typing, or saving a file, re-analyses that article alone: the cache is not rewritten, no indexing run is logged", async () => {
  const { server } = await indexOnce();
  const uri = server.uri(SEEDS[3]!);
  const written = shardTimes();
  const summaries = () => server.logs.filter((l) => l.startsWith("indexed:")).length;
  const before = summaries();
  let text = readFileSync(join(server.folder, SEEDS[3]!), "utf8");
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "plaintext", version: 1, text } });
  for (let version = 2; version <= 4; version++) {
    text += `\nHarbour master Ingrid Vaszary${version} met officials in Gdansk.`;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    const position = TextDocument.create(uri, "plaintext", version, text).positionAt(text.lastIndexOf("Vaszary") + 2);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    expect((hover?.contents as MarkupContent).value).toContain(`Ingrid Vaszary${version}`);
  }
  expect(shardTimes()).toEqual(written);
  expect(summaries()).toBe(before);

  // A file saved on disk is re-read alone, the same way.
  const saved = SEEDS[1]!;
  const onDisk = `${readFileSync(join(server.folder, saved), "utf8")}\nHarbour master Ingrid Vaszary met officials in Gdansk.\n`;
  writeFileSync(join(server.folder, saved), onDisk);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: server.uri(saved), type: FileChangeType.Changed }] });
  const position = TextDocument.create("x", "plaintext", 0, onDisk).positionAt(onDisk.lastIndexOf("Vaszary") + 2);
  await eventually(async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: server.uri(saved) }, position });
    expect((hover?.contents as MarkupContent | undefined)?.value).toContain("Ingrid Vaszary");
  });
  expect(shardTimes()).toEqual(written);
  expect(summaries()).toBe(before);
  await server.stop();
});

test("articles open at start wait for the client's settings: each is analysed once, with its date from the settings", async () => {
  const dir = mkdtempSync(join(tmpdir(), "article-lens-settings-test-"));
  try {
    const { server, log } = await indexOnce(dir, { configurationDelayMs: 500, openAtStart: [SEEDS[3]!, SEEDS[0]!] });
    // Analysed before the settings came, the two open articles would be analysed twice (7 full) and cached wrong.
    expect(log).toMatch(/^indexed: 0 analyses from the cache, \d+ quick, 5 full; 5 articles$/);
    const hints = (await server.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: server.uri(SEEDS[3]!) },
      range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } },
    }))!;
    const afterSunday = server.positionOf(SEEDS[3]!, "Sunday", 0, "Sunday".length);
    expect(hints.find((h) => h.position.line === afterSunday.line && h.position.character === afterSunday.character)?.label).toBe("2023-06-18");
    await server.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("shards", () => {
  const options = { date: "2023-06-15" };
  const texts = Array.from({ length: 40 }, (_, i) => `Mayor Ingrid Vaszary${i} met officials in Gdansk on Monday.`);
  const keyOf = (text: string) => cacheKey(text, options);
  const filled = (dir: string) => {
    const cache = new AnalysisCache(dir);
    cache.load();
    for (const text of texts) cache.set(keyOf(text), recordOf(analyzeArticle(text, options)));
    expect(cache.save()).toBe(true);
    return cache;
  };

  test("a changed article rewrites its own shard and no other; a new start reads every entry back", () => {
    const dir = mkdtempSync(join(tmpdir(), "article-lens-shards-"));
    try {
      const cache = filled(dir);
      const files = cacheShardFiles(dir);
      expect(files.length).toBeGreaterThan(20); // 40 keys over 256 shards
      const before = new Map(files.map((file) => [file, readFileSync(file)]));
      const added = "Harbour master Ingrid Vaszary met officials in Gdansk.";
      cache.set(keyOf(added), recordOf(analyzeArticle(added, options)));
      expect(cache.save()).toBe(true);
      const changed = cacheShardFiles(dir).filter((file) => !before.get(file)?.equals(readFileSync(file)));
      expect(changed).toEqual([join(dir, shardFileName(keyOf(added)))]);

      const again = new AnalysisCache(dir);
      again.load();
      expect(again.size).toBe(41);
      for (const text of [...texts, added]) expect(again.get(keyOf(text))?.entities.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an entry that does not decode is said, left out and its shard written again; every other entry reads back whole", () => {
    const dir = mkdtempSync(join(tmpdir(), "article-lens-shards-"));
    try {
      filled(dir);
      // The last byte of the first entry of one shard (its entities' JSON) changed: its checksum no longer holds.
      const damaged = texts[5]!;
      const file = join(dir, shardFileName(keyOf(damaged)));
      const bytes = readFileSync(file);
      const first = bytes.indexOf(0x0a) + 1;
      const firstKey = bytes.toString("latin1", first, first + 40);
      const length = bytes.readUInt32LE(first + 40);
      bytes[first + 44 + length - 1]! ^= 0x20;
      writeFileSync(file, bytes);

      const logs: string[] = [];
      const cache = new AnalysisCache(dir, (m) => logs.push(m));
      cache.load();
      expect(logs).toEqual([expect.stringMatching(/an entry is unreadable .*: analysing again$/)]);
      expect(cache.get(firstKey)).toBeUndefined();
      expect(cache.size).toBe(39);
      // The files were read one after another into one buffer: each record is its own copy, whole.
      for (const text of texts) {
        if (keyOf(text) === firstKey) continue;
        expect(cache.get(keyOf(text))!.entities.map((e) => e.name)).toEqual(analyzeArticle(text, options).entities.map((e) => e.name));
      }
      expect(cache.save()).toBe(true);
      const again = new AnalysisCache(dir, (m) => logs.push(m));
      again.load();
      expect(logs).toHaveLength(1);
      expect(again.size).toBe(39);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("pruning rewrites only shards with unused entries, and removes a shard left empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "article-lens-shards-"));
    try {
      filled(dir);
      const cache = new AnalysisCache(dir);
      cache.load();
      const dropped = texts[0]!;
      for (const text of texts.slice(1)) expect(cache.get(keyOf(text))).toBeDefined();
      const alone = !texts.slice(1).some((text) => shardFileName(keyOf(text)) === shardFileName(keyOf(dropped)));
      expect(cache.save(true)).toBe(true);
      expect(existsSync(join(dir, shardFileName(keyOf(dropped))))).toBe(!alone);
      const again = new AnalysisCache(dir);
      again.load();
      expect(again.size).toBe(39);
      expect(again.get(keyOf(dropped))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the single file of an earlier version (format 4) is said, and removed once the shards are written", () => {
    const dir = mkdtempSync(join(tmpdir(), "article-lens-shards-"));
    try {
      writeFileSync(join(dir, "analyses.cache"), "article-lens analysis cache 4 0.1.0+0123456789ab\n");
      const logs: string[] = [];
      const cache = new AnalysisCache(dir, (m) => logs.push(m));
      cache.load();
      expect(cache.size).toBe(0);
      expect(logs).toEqual([expect.stringMatching(/analyses\.cache is of another format: rebuilding it$/)]);
      cache.set(keyOf(texts[0]!), recordOf(analyzeArticle(texts[0]!, options)));
      expect(cache.save()).toBe(true);
      expect(existsSync(join(dir, "analyses.cache"))).toBe(false);
      expect(cacheShardFiles(dir)).toEqual([join(dir, shardFileName(keyOf(texts[0]!)))]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("a file unchanged since its stamp was noted is taken from the cache without reading it; a change, or other options, read it again", async () => {
  const dir = mkdtempSync(join(tmpdir(), "article-lens-stamps-"));
  try {
    const path = join(dir, "a.txt");
    const options = { path, date: "2023-06-15" };
    writeFileSync(path, "Mayor Ingrid Vaszary met officials in Gdansk on Monday.");
    expect(diskFiles.stamp(path)).toBeUndefined(); // changed less than two seconds ago: not trusted yet
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const stamp = diskFiles.stamp(path)!;
    expect(stamp).toBeDefined();
    const first = new Analyzer({ cacheDir: join(dir, "cache") });
    const text = diskFiles.read(path).text!;
    expect(first.cached(text, options, { path, stamp })).toBeUndefined();
    await first.analyze(text, options);
    expect(first.save(true)).toBe(true);

    const next = new Analyzer({ cacheDir: join(dir, "cache") });
    expect(next.cachedFile(path, stamp, options)?.record.entities.map((e) => e.name)).toContain("Ingrid Vaszary");
    expect(next.cachedFile(path, stamp, { ...options, date: "2023-06-16" })).toBeUndefined();
    writeFileSync(path, "Mayor Ingrid Vaszary met officials in Sopot on Monday.");
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const changed = diskFiles.stamp(path)!;
    expect(changed).not.toBe(stamp);
    expect(next.cachedFile(path, changed, options)).toBeUndefined();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
