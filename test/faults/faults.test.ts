// Bad input and faults: the CLI (`node dist/cli.js analyze … --json`) and the language server (over stdio) fed what a
// folder scraped from the web holds — binaries named .txt, empty files, a 20 MB dump, a 5 MB line, invalid UTF-8, a
// BOM, CRLF and lone CR, astral, zero-width and right-to-left characters in and around names, files vanishing while
// they are indexed, symbolic link loops, a burst of 1,000 edits, cancelled requests, positions past the end, a corrupt
// cache, a cache folder that cannot be made, a server killed in the middle of writing its cache. For each: no crash, no unhandled rejection, every span exactly on its text, a message where the user needs
// one (stderr, window/logMessage, the hover; never a pop-up), and a correct hover afterwards. No article is ever
// written: every file's sha256 is the same after the suite. The engine's own fuzzing (2,100 seeded random articles)
// is test/engine/fuzz.test.ts. Every server and CLI process runs with test/support/no-network.cjs preloaded: any
// connection or host lookup fails and is counted. The tally is printed at the end, one line.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { serialize } from "node:v8";
import { cacheShardFiles } from "../../server/src/analysis/cache";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { TextDocument, type TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import {
  CancellationTokenSource,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type FileEvent,
  type MarkupContent,
  type Position,
} from "vscode-languageserver-protocol/node";
import { LINKED_ARTICLES_REQUEST, NEXT_MENTION_REQUEST } from "../../server/src/protocol";
import type { JsonReport } from "../../server/src/report";
import { NO_NETWORK, startIndexed, startServer, type TestServer } from "../server/lspClient";
import { badSpans, cliCrashed, EditorDoc, runCli, tally, type CliRun } from "./check";
import { changedFiles, faultFiles, hashes, rng, ROOT, sample, SAMPLES, SEED_DATES, SEEDS, textAsRead, textInEditor, type FaultFile } from "./fixtures";
import { checkDocument, type Registry } from "./lsp";

const FILES = faultFiles();
const work = mkdtempSync(join(tmpdir(), "article-lens-faults-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Each fault is one test, counted in the tally. */
function fault(name: string, run: () => Promise<void>, timeout?: number): void {
  test(name, async () => {
    tally.cases++;
    await run();
  }, timeout);
}

const samplesBefore = hashes(SAMPLES);
afterAll(() => {
  tally.filesChanged += changedFiles(samplesBefore, hashes(SAMPLES)).length;
  rmSync(work, { recursive: true, force: true });
  const line = `faults: ${tally.cases} cases, crashes ${tally.crashes}, bad ranges ${tally.badRanges}, files changed ${tally.filesChanged}, network access ${tally.networkAttempts} (engine fuzz: 2,100 seeded cases in test/engine/fuzz.test.ts)`;
  console.log(line);
  expect({ crashes: tally.crashes, badRanges: tally.badRanges, filesChanged: tally.filesChanged, network: tally.networkAttempts }, line).toEqual({ crashes: 0, badRanges: 0, filesChanged: 0, network: 0 });
});

// ── the command line ─────────────────────────────────────────────────────────────────────────────────────────

// CLI runs are processes of their own: run them side by side.
describe.concurrent("CLI", () => {
  const dir = join(work, "cli");
  const good = join(dir, "good.txt");
  let before: Map<string, string>;
  beforeAll(() => {
    mkdirSync(dir);
    for (const f of FILES) writeFileSync(join(dir, f.name), f.bytes);
    writeFileSync(good, sample(4));
    // A folder with loops: a link to itself, a link to its parent, a file reached twice, a dangling link.
    mkdirSync(join(dir, "loops/sub"), { recursive: true });
    writeFileSync(join(dir, "loops/a.txt"), sample(3));
    writeFileSync(join(dir, "loops/sub/b.txt"), sample(1));
    symlinkSync(".", join(dir, "loops/self"));
    symlinkSync("..", join(dir, "loops/sub/up"));
    symlinkSync("../a.txt", join(dir, "loops/sub/a-again.txt"));
    symlinkSync("nowhere.txt", join(dir, "loops/dangling.txt"));
    symlinkSync("nowhere.md", join(dir, "loops/dangling.md")); // not an article: no word about it
    execFileSync("mkfifo", [join(dir, "loops/pipe.txt")]); // reading it would wait for a writer forever
    before = hashes(dir);
  });
  afterAll(() => {
    tally.filesChanged += changedFiles(before, hashes(dir, (rel) => rel.startsWith("cache"))).length;
  });

  const json = (run: CliRun): JsonReport => JSON.parse(run.stdout) as JsonReport;
  const entityOf = (report: JsonReport, id: string) => report.entities.find((e) => e.id === id);

  /**
   * The CLI on every fault file and a good article, on the main thread (the worker threads get the whole folder in a
   * case of their own): once, shared by the cases of the files. It must exit 0 and analyse the good one.
   */
  let shared: Promise<CliRun> | undefined;
  const sharedRun = () => (shared ??= runCli(["analyze", ...FILES.map((f) => join(dir, f.name)), good, "--json", "--jobs", "1"]));

  async function analyseWithGood(f: FaultFile): Promise<{ run: CliRun; report: JsonReport; doc?: JsonReport["documents"][number] }> {
    const path = join(dir, f.name);
    const run = await sharedRun();
    expect(cliCrashed(run), run.stderr).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    const report = json(run);
    const goodDoc = report.documents.find((d) => d.path === good)!;
    expect(goodDoc.mentions.length).toBeGreaterThan(20);
    expect(badSpans(sample(4), [...goodDoc.mentions, ...goodDoc.timexes], "good.txt ")).toEqual([]);
    const doc = report.documents.find((d) => d.path === path);
    if (f.skipped) expect(doc).toBeUndefined();
    else {
      expect(doc, `${f.name} is analysed`).toBeDefined();
      expect(badSpans(textAsRead(f.bytes), [...doc!.mentions, ...doc!.timexes], `${f.name} `)).toEqual([]);
      for (const want of f.finds ?? []) {
        const m = doc!.mentions.find((x) => x.text === want.text);
        expect(m, `${want.text} in ${f.name}`).toBeDefined();
        expect(entityOf(report, m!.entity)?.name).toMatch(new RegExp(`^${want.name.source}$`));
      }
    }
    // What the user must be told is on stderr, after the file's path; a file with nothing wrong gets no message.
    const said = run.stderr.split("\n").filter((l) => l.startsWith(`article-lens: ${path}: `));
    if (f.message) expect(said.join("\n")).toMatch(f.message);
    if (f.notice) {
      expect(doc!.notices.join("\n")).toMatch(f.notice);
      expect(said.join("\n")).toMatch(f.notice);
    }
    expect(said).toHaveLength((f.message ? 1 : 0) + (f.notice ? 1 : 0));
    return { run, report, doc };
  }

  for (const f of FILES) {
    fault(`CLI: ${f.name}`, async () => {
      const { doc } = await analyseWithGood(f);
      if (f.name === "bom.txt") {
        // Offsets count the BOM, as the file is read: the headline's "Blinken" is at 1.
        expect(doc!.mentions[0]).toMatchObject({ start: 1, end: 8, text: "Blinken" });
      }
      if (f.name === "astral.txt") {
        expect(doc!.mentions[0]).toMatchObject({ start: 2, end: 16, text: "Antony Blinken" });
        expect(doc!.timexes.map((t) => t.text)).toContain("June 18, 2023");
      }
      if (f.name === "empty.txt" || f.name === "whitespace.txt") expect(doc).toMatchObject({ mentions: [], timexes: [], headline: null });
    });
  }

  fault("CLI: the report on a 5 MB line says what was analysed, and no line of it is a megabyte", async () => {
    const run = await runCli(["analyze", join(dir, "one-line-5mb.txt"), "--quick", "--jobs", "1"]);
    expect(cliCrashed(run), run.stderr).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Note: This file is 5.0 MB long; only its first 1.0 MB were analysed.");
    expect(run.stderr).toMatch(/only its first 1\.0 MB were analysed/);
    expect(Math.max(...run.stdout.split("\n").map((l) => l.length))).toBeLessThan(1000);
    // The size policy is documented.
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toMatch(/first 1 MB/);
  });

  fault("CLI: a folder with symbolic link loops, a dangling link and a named pipe ends, each article once", async () => {
    const run = await runCli(["analyze", join(dir, "loops"), "--json", "--jobs", "1"], 20_000);
    expect(cliCrashed(run), run.stderr).toBe(false);
    expect(run.code).toBe(0);
    const report = json(run);
    expect(report.documents.map((d) => d.path.slice(dir.length + 1)).sort()).toEqual(["loops/a.txt", "loops/sub/b.txt"]);
    expect(run.stderr).toMatch(/dangling\.txt: no such file or folder/);
    expect(run.stderr).toMatch(/pipe\.txt: not a regular file/);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(2);
    for (const d of report.documents) expect(badSpans(textAsRead(readFileSync(d.path)), [...d.mentions, ...d.timexes])).toEqual([]);
  });

  fault("CLI: the whole folder at once, on worker threads: every article analysed, every bad one said", async () => {
    // Quick depth: this case is about the threads and the folder walk; the full analysis of each file is above.
    const run = await runCli(["analyze", dir, "--json", "--jobs", "2", "--quick"]);
    expect(cliCrashed(run), run.stderr).toBe(false);
    expect(run.code).toBe(0);
    const report = json(run);
    for (const f of FILES) {
      const doc = report.documents.find((d) => d.path === join(dir, f.name));
      expect(doc === undefined, f.name).toBe(f.skipped === true);
      if (doc) expect(badSpans(textAsRead(f.bytes), [...doc.mentions, ...doc.timexes], `${f.name} `)).toEqual([]);
      if (f.message) expect(run.stderr).toContain(`${join(dir, f.name)}: `);
    }
    expect(report.documents.filter((d) => d.path.includes("/loops/")).map((d) => d.path.slice(dir.length + 1)).sort()).toEqual(["loops/a.txt", "loops/sub/b.txt"]);
  });

  fault("CLI: when every path is bad it says why for each and exits 1", async () => {
    const run = await runCli(["analyze", join(dir, "binary.txt"), join(dir, "no-such-file.txt"), "--json"]);
    expect(cliCrashed(run), run.stderr).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/binary\.txt: binary file/);
    expect(run.stderr).toMatch(/no-such-file\.txt: no such file or folder/);
    expect(json(run).documents).toEqual([]);
  });

  fault("the no-network hook every test process runs with stops a connection and a host lookup, and says so", async () => {
    for (const code of ["require('node:net').connect(80, '127.0.0.1')", "require('node:dns').lookup('example.com', () => {})", "fetch('http://127.0.0.1:1/')"]) {
      const r = spawnSync(process.execPath, ["--require", NO_NETWORK, "-e", code], { encoding: "utf8" });
      expect(r.status, code).not.toBe(0);
      expect(r.stderr, code).toMatch(/NETWORK ACCESS: /);
    }
  });

  fault("CLI: --help and --version answer; a wrong date or a date for no article is said", async () => {
    for (const help of [["--help"], ["-h"], ["help"], ["analyze", "--help"]]) {
      const run = await runCli(help);
      expect(run.code, help.join(" ")).toBe(0);
      expect(run.stdout).toMatch(/^usage: article-lens analyze PATH/);
    }
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^article-lens \d+\.\d+\.\d+ \(engine \S+\)\n$/);
    for (const date of ["2023-13-45", "2023-02-30"]) {
      const run = await runCli(["analyze", good, "--date", `good.txt=${date}`]);
      expect(run.code, date).toBe(2);
      expect(run.stderr).toMatch(/is no date of the calendar/);
      expect(run.stdout).toBe("");
    }
    const typo = await runCli(["analyze", good, "--date", "godo.txt=2023-06-14", "--jobs", "1"]);
    expect(cliCrashed(typo), typo.stderr).toBe(false);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toMatch(/--date godo\.txt: no article of that name among the paths/);
    expect(typo.stdout).toMatch(/Blinken/);
  });

  fault("CLI: a missing path prints no empty report; a cache folder that cannot be made is said, never waited on", async () => {
    const missing = await runCli(["analyze", join(dir, "no-such-folder")]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/no-such-folder: no such file or folder/);
    // Node's recursive mkdir spins forever under /proc: the path is checked before it is made.
    const run = await runCli(["analyze", good, "--json", "--jobs", "1", "--cache", "/proc/article-lens/cache"], 20_000);
    expect(cliCrashed(run), run.stderr).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/could not write the analysis cache .*going on without one/);
    expect(json(run).documents).toHaveLength(1);
  });

  fault("CLI: a corrupt cache file is said, ignored and rewritten; an unwritable cache folder is said", async () => {
    const args = (cache: string) => ["analyze", join(dir, "astral.txt"), "--json", "--jobs", "1", "--cache", cache];
    const clean = await runCli(args(join(dir, "cache")));
    expect(clean.code, clean.stderr).toBe(0);
    // One article, one shard file.
    const [shard, ...more] = cacheShardFiles(join(dir, "cache"));
    expect(more).toEqual([]);
    const shardName = basename(shard!);
    const valid = readFileSync(shard!);
    const random = rng(8);
    const corruptions: [string, Buffer][] = [
      ["text", Buffer.from("this is not a cache\n")],
      ["binary noise", Buffer.concat([Buffer.from([0xff, 0x0f]), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)))])],
      ["truncated", valid.subarray(0, Math.floor(valid.length / 2))],
      ["empty", Buffer.alloc(0)],
      ["another shape", serialize({ format: 1, engineVersion: "x", entries: "nope" })],
      // Every entry intact, but what it holds is no article record (same lengths, so the entries still read).
      ["entries that are not records", Buffer.from(valid.toString("latin1").replaceAll('"aliases":', '"aliaseX":'), "latin1")],
    ];
    await Promise.all(
      corruptions.map(async ([what, bytes], i) => {
        const cache = join(dir, `cache-${i}`);
        mkdirSync(cache);
        writeFileSync(join(cache, shardName), bytes);
        const run = await runCli(args(cache));
        expect(cliCrashed(run), `${what}: ${run.stderr}`).toBe(false);
        expect(run.code, what).toBe(0);
        expect(run.stderr, what).toMatch(/analysis cache .*(unreadable|is from engine)/);
        expect(run.stdout, what).toBe(clean.stdout);
        // Rewritten as a cache: read again without a word.
        expect(readFileSync(join(cache, shardName)).equals(bytes), what).toBe(false);
      }),
    );
    const again = await runCli(args(join(dir, "cache-0")));
    expect(again.stderr).toBe("");
    expect(again.stdout).toBe(clean.stdout);
    // A cache "folder" that is a file: nothing can be written, the analysis still comes out.
    const notAFolder = join(dir, "cache-is-a-file");
    writeFileSync(notAFolder, "x");
    const run = await runCli(args(notAFolder));
    expect(cliCrashed(run), run.stderr).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/could not write the analysis cache/);
    expect(run.stdout).toBe(clean.stdout);
  });
});

// ── the language server ──────────────────────────────────────────────────────────────────────────────────────

describe("server", () => {
  let server: TestServer;
  let folder: string;
  const cacheDir = join(work, "server-cache");
  const garbage = Buffer.concat([Buffer.from([0xff, 0x0f, 0x6f]), Buffer.from("corrupt cache ".repeat(100))]);
  const registry: Registry = new Map();
  const uri = (name: string) => pathToFileURL(join(folder, name)).href;
  /** Files the suite itself changes (the churn of the indexing case); all others must come out unchanged. */
  const churned = (rel: string) => rel.startsWith("churn") || rel === "typing.txt";
  let before: Map<string, string>;
  const churnLog: string[] = [];

  /** Article files of the folder as the server lists them: symbolic links to folders are not followed. */
  function articleFiles(dir = folder, out: string[] = []): string[] {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) articleFiles(path, out);
      else if (entry.isFile() && entry.name.endsWith(".txt")) out.push(path);
    }
    return out;
  }

  /** The editor's view of every article on disk (binary files are not articles). */
  function refreshRegistry(): void {
    registry.clear();
    for (const path of articleFiles()) {
      const bytes = readFileSync(path);
      if (bytes.subarray(0, 8192).includes(0)) continue;
      const name = path.slice(path.lastIndexOf("/") + 1);
      const u = pathToFileURL(path).href;
      registry.set(u, new EditorDoc(u, textInEditor(bytes), path, SEED_DATES[name]));
    }
  }

  const watched = (changes: FileEvent[]) => server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });

  /** Deletes, renames and recreates articles while the server is indexing them, telling it as a file watcher would. */
  async function churn(): Promise<void> {
    const c = (n: string) => join(folder, "churn", n);
    const cu = (n: string) => uri(`churn/${n}`);
    const steps: [number, string, () => FileEvent[]][] = [
      [0, "c00 deleted", () => (unlinkSync(c("c00.txt")), [{ uri: cu("c00.txt"), type: FileChangeType.Deleted }])],
      [20, "c01 renamed", () => (renameSync(c("c01.txt"), c("c01-renamed.txt")), [{ uri: cu("c01.txt"), type: FileChangeType.Deleted }, { uri: cu("c01-renamed.txt"), type: FileChangeType.Created }])],
      [50, "c02 deleted and recreated with other text", () => {
        unlinkSync(c("c02.txt"));
        writeFileSync(c("c02.txt"), "Commerce talks\nSecretary Gina Raimondo met Wang Wentao in Washington on Tuesday. Raimondo said little.\n");
        return [{ uri: cu("c02.txt"), type: FileChangeType.Deleted }, { uri: cu("c02.txt"), type: FileChangeType.Created }];
      }],
      [100, "c03 cut short mid-character", () => {
        const bytes = Buffer.from(sample(3), "utf8");
        const cut = bytes.indexOf(Buffer.from("’", "utf8")) + 1; // inside a three-byte character
        writeFileSync(c("c03.txt"), bytes.subarray(0, cut));
        return [{ uri: cu("c03.txt"), type: FileChangeType.Changed }];
      }],
      [200, "c04 renamed to a non-article", () => (renameSync(c("c04.txt"), c("c04.bak")), [{ uri: cu("c04.txt"), type: FileChangeType.Deleted }, { uri: cu("c04.bak"), type: FileChangeType.Created }])],
      [300, "folder churn/gone deleted", () => (rmSync(c("gone"), { recursive: true }), [{ uri: cu("gone"), type: FileChangeType.Deleted }])],
      [400, "c05 deleted", () => (unlinkSync(c("c05.txt")), [{ uri: cu("c05.txt"), type: FileChangeType.Deleted }])],
      [700, "c05 recreated", () => (writeFileSync(c("c05.txt"), sample(0)), [{ uri: cu("c05.txt"), type: FileChangeType.Created }])],
      [800, "c06 renamed away and back", () => {
        renameSync(c("c06.txt"), c("c06b.txt"));
        renameSync(c("c06b.txt"), c("c06.txt"));
        return [
          { uri: cu("c06.txt"), type: FileChangeType.Deleted },
          { uri: cu("c06b.txt"), type: FileChangeType.Created },
          { uri: cu("c06b.txt"), type: FileChangeType.Deleted },
          { uri: cu("c06.txt"), type: FileChangeType.Created },
        ];
      }],
    ];
    const t0 = Date.now();
    for (const [at, what, step] of steps) {
      await sleep(Math.max(0, t0 + at - Date.now()));
      churnLog.push(`${Date.now() - t0} ms: ${what} (${server.statuses.at(-1)?.state ?? "not started"})`);
      await watched(step());
    }
  }

  beforeAll(async () => {
    mkdirSync(cacheDir);
    writeFileSync(join(cacheDir, "analyses-00.cache"), garbage);
    server = await startServer({ dates: SEED_DATES }, cacheDir, {
      prepare(dir) {
        folder = dir;
        for (const f of FILES) writeFileSync(join(dir, f.name), f.bytes);
        writeFileSync(join(dir, "typing.txt"), sample(0));
        mkdirSync(join(dir, "churn/gone"), { recursive: true });
        for (let i = 0; i < 8; i++) writeFileSync(join(dir, "churn", `c${String(i).padStart(2, "0")}.txt`), sample(i % 5));
        for (const g of ["g0.txt", "g1.txt"]) writeFileSync(join(dir, "churn/gone", g), sample(2));
        mkdirSync(join(dir, "deep"));
        writeFileSync(join(dir, "deep/d.txt"), sample(4));
        symlinkSync(".", join(dir, "loop"));
        symlinkSync("..", join(dir, "deep/up"));
        execFileSync("mkfifo", [join(dir, "pipe.txt")]); // listed, never read: a read would wait for a writer forever
        before = hashes(dir, churned);
      },
    });
    await churn();
    const since = server.statuses.length;
    await server.status((s) => s.state === "ready", since);
    refreshRegistry();
    await server.open(SEEDS[3]!); // the article the user has open alongside the bad ones
  }, 120_000);

  afterAll(async () => {
    if (!server) return;
    tally.filesChanged += changedFiles(before, hashes(folder, churned)).length;
    await server.stop();
  });

  /** Counts a crash once: the process died, or wrote an unhandled error to stderr since the last look. */
  let deathCounted = false;
  let stderrSeen = 0;
  function crashed(): boolean {
    const news = server.stderr().slice(stderrSeen);
    stderrSeen += news.length;
    const unhandled = /Unhandled|uncaught|FATAL/i.test(news);
    const dead = !server.alive();
    if (unhandled || (dead && !deathCounted)) tally.crashes++;
    deathCounted ||= dead;
    return unhandled || dead;
  }
  // A case that failed half-way still has its crash counted.
  afterEach(() => {
    if (server) crashed();
  });

  /** After every case: the process lives, said nothing unhandled, popped nothing up, and a hover is right. */
  async function healthy(): Promise<void> {
    expect(crashed(), server.stderr()).toBe(false);
    expect(server.shown, "no pop-ups").toEqual([]);
    const seed = SEEDS[3]!;
    const text = sample(3);
    const at = text.indexOf("Blinken in English") + 2;
    const position = TextDocument.create("x", "plaintext", 0, text).positionAt(at);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(seed) }, position });
    expect((hover?.contents as MarkupContent | undefined)?.value ?? "").toMatch(/^\*\*Antony Blinken\*\* · person/);
    expect(badSpans(text, [{ ...registry.get(uri(seed))!.span(hover!.range!), text: "Blinken" }], "Blinken hover ")).toEqual([]);
  }

  const hoverAt = async (u: string, position: Position) =>
    ((await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position }))?.contents as MarkupContent | undefined)?.value ?? "";

  /** A file uri as VS Code writes it: each path segment percent-encoded, `[`, `]`, `#`, `%` and quotes included. */
  const vscodeUri = (path: string) =>
    "file://" + path.split("/").map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");

  const close = (u: string) => server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: u } });

  for (const f of FILES) {
    fault(`server: ${f.name}`, async () => {
      const u = uri(f.name);
      if (f.skipped) {
        // Not an article: said in the log, and nothing about it is answered or pointed at.
        expect(server.logs.some((l) => l.includes(f.name) && f.message!.test(l))).toBe(true);
        expect(await hoverAt(u, { line: 0, character: 20 })).toBe("");
        expect((await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: u } }))?.data ?? []).toEqual([]);
        expect(registry.has(u)).toBe(false);
      } else {
        // Touched on disk (a watcher reports it changed, the bytes are the same): read and analysed again.
        const since = server.statuses.length;
        await watched([{ uri: u, type: FileChangeType.Changed }]);
        await server.status((s) => s.state === "ready", since);
        // Unopened: the server read the file itself; every range must hold in the text the editor will show.
        const unopened = registry.get(u)!;
        const report = await checkDocument(server, registry, unopened);
        expect(report.bad).toEqual([]);
        expect(report.missing).toEqual([]);
        // What the user must know is on every card of the article, once.
        for (const said of [f.notice, f.message]) {
          if (!said || f.blank) continue;
          expect(report.hovers.length).toBeGreaterThan(0);
          for (const h of report.hovers) expect(h.split(new RegExp(said.source)).length - 1, `${said} once in:\n${h}`).toBe(1);
        }
        for (const want of f.finds ?? []) {
          const m = unopened.mentions.find((x) => x.text === want.text)!;
          expect(m, `${want.text} in ${f.name}`).toBeDefined();
          const card = await hoverAt(u, unopened.doc.positionAt(m.start));
          expect(card).toMatch(new RegExp(`^\\*\\*${want.name.source}\\*\\*`));
          // The uri as VS Code spells it (every reserved character escaped) names the same article.
          expect(await hoverAt(vscodeUri(join(folder, f.name)), unopened.doc.positionAt(m.start))).toBe(card);
        }
      }
      // Opened in the editor, with the text the editor shows: the server analyses that text.
      const text = f.editorText ?? textInEditor(f.bytes);
      await server.open(f.name, text);
      const opened = new EditorDoc(u, text, join(folder, f.name));
      const inRegistry = registry.get(u);
      registry.set(u, opened);
      try {
        const report = await checkDocument(server, registry, opened);
        expect(report.bad).toEqual([]);
        expect(report.missing).toEqual([]);
        if (f.notice && !f.blank) expect(report.hovers.join("\n")).toMatch(f.notice);
        for (const want of f.finds ?? []) {
          const m = opened.mentions.find((x) => x.text === want.text)!;
          expect(m, `${want.text} in ${f.name}, opened`).toBeDefined();
          expect(await hoverAt(u, opened.doc.positionAt(m.start))).toMatch(new RegExp(`^\\*\\*${want.name.source}\\*\\*`));
        }
      } finally {
        await close(u);
        if (inRegistry) registry.set(u, inRegistry);
        else registry.delete(u);
      }
      await healthy();
    });
  }

  fault("server: files deleted, renamed and recreated during indexing", async () => {
    expect(churnLog.some((l) => l.includes("(indexing)")), `changes came while indexing:\n${churnLog.join("\n")}`).toBe(true);
    // The index is the folder as it is now: the count, and no answer points at a file that is gone.
    expect(server.statuses.at(-1)!.articles, churnLog.join("\n")).toBe(registry.size);
    for (const gone of ["c00.txt", "c01.txt", "c04.txt", "gone/g0.txt", "gone/g1.txt"]) expect(registry.has(uri(`churn/${gone}`))).toBe(false);
    for (const name of ["churn/c01-renamed.txt", "churn/c02.txt", "churn/c03.txt", "churn/c05.txt", "churn/c06.txt"]) {
      const report = await checkDocument(server, registry, registry.get(uri(name))!, { hovers: 3 });
      expect(report.bad, name).toEqual([]);
      expect(report.missing, name).toEqual([]);
    }
    const recreated = registry.get(uri("churn/c02.txt"))!;
    expect(await hoverAt(recreated.uri, recreated.doc.positionAt(recreated.text.indexOf("Raimondo") + 1))).toMatch(/^\*\*Gina Raimondo\*\* · person/);
    // Every mention of Antony Blinken the server knows is in a file that exists, exactly on the name.
    const seed = registry.get(uri(SEEDS[3]!))!;
    const refs = await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: seed.uri },
      position: seed.doc.positionAt(seed.text.indexOf("Blinken in English")),
      context: { includeDeclaration: true },
    });
    const files = new Set(refs!.map((r) => r.uri));
    for (const u of files) expect(registry.has(u), u).toBe(true);
    expect(files.has(uri("churn/c01-renamed.txt"))).toBe(true);
    const bad = refs!.flatMap((r) => badSpans(registry.get(r.uri)!.text, [registry.get(r.uri)!.span(r.range)].map((s) => ({ ...s, text: registry.get(r.uri)!.spansAt.get(s.start)?.[0]?.text ?? "‹none›" }))));
    expect(bad).toEqual([]);
    await healthy();
  });

  fault("server: symbolic link loops in the folder (the listing ends, nothing is indexed twice)", async () => {
    const paths = [...registry.keys()];
    expect(paths.some((p) => p.endsWith("/deep/d.txt"))).toBe(true);
    expect(paths.filter((p) => /\/(loop|up)\//.test(p))).toEqual([]);
    expect(server.statuses.at(-1)!.articles).toBe(registry.size);
    const symbols = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "Blinken" });
    const uris = (symbols ?? []).map((s) => ("uri" in s.location ? s.location.uri : ""));
    expect(uris.filter((u) => /\/(loop|up)\//.test(u))).toEqual([]);
    await healthy();
  });

  fault("server: a corrupt cache file is said in the log, ignored, and replaced", async () => {
    expect(server.logs.some((l) => /analysis cache .* is unreadable/.test(l)), server.logs.join("\n")).toBe(true);
    expect(server.shown).toEqual([]);
    // Written again (atomically) once indexing is done, or removed if no entry belongs in it: no longer the garbage.
    const shards = cacheShardFiles(cacheDir);
    expect(shards.length).toBeGreaterThan(0);
    for (const file of shards) expect(readFileSync(file).equals(garbage), file).toBe(false);
    await healthy();
  });

  fault("server: 1,000 didChange events in 10 s on one article, then the hover is right for the final text", async () => {
    const name = "typing.txt";
    const u = uri(name);
    const doc = TextDocument.create(u, "plaintext", 1, sample(0));
    await server.open(name, doc.getText());
    const random = rng(1000);
    const palette = ["a", "e", "t", " ", " ", "B", "W", "😀", "𝒳", "\n", "\r\n", "é", "\u200b", "Wang Yi ", "on Sunday "];
    const ending = "\nSecretary Gina Raimondo visited Beijing on Monday.\n";
    const pairSafe = (text: string, i: number) => (i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!) && /[\ud800-\udbff]/.test(text[i - 1]!) ? i - 1 : i);
    let cursor = doc.getText().length >> 1;
    const outcomes: Promise<string>[] = [];
    const started = Date.now();
    for (let i = 0; i < 1000; i++) {
      const text = doc.getText();
      cursor = pairSafe(text, Math.min(cursor, text.length));
      let change: TextDocumentContentChangeEvent;
      const k = 1000 - ending.length;
      if (i >= k) {
        change = { range: { start: doc.positionAt(text.length), end: doc.positionAt(text.length) }, text: ending[i - k]! };
      } else {
        const r = random();
        if (r < 0.1) cursor = pairSafe(text, Math.floor(random() * text.length));
        if (r < 0.6) {
          const typed = palette[Math.floor(random() * palette.length)]!;
          change = { range: { start: doc.positionAt(cursor), end: doc.positionAt(cursor) }, text: typed };
          cursor += typed.length;
        } else if (r < 0.85) {
          const from = pairSafe(text, Math.max(0, cursor - 1));
          change = { range: { start: doc.positionAt(from), end: doc.positionAt(cursor) }, text: "" };
          cursor = from;
        } else if (r < 0.95) {
          const from = pairSafe(text, Math.floor(random() * text.length));
          const to = pairSafe(text, Math.min(text.length, from + 1 + Math.floor(random() * 40)));
          change = { range: { start: doc.positionAt(from), end: doc.positionAt(to) }, text: "" };
          cursor = from;
        } else {
          const pasted = "Antony Blinken met Wang Yi on Sunday.\r\n";
          change = { range: { start: doc.positionAt(cursor), end: doc.positionAt(cursor) }, text: pasted };
          cursor += pasted.length;
        }
      }
      TextDocument.update(doc, [change], doc.version + 1);
      void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version: doc.version }, contentChanges: [change] });
      if (i % 40 === 20) {
        // Requests typing triggers, half of them cancelled: each gets a result or RequestCancelled.
        const source = new CancellationTokenSource();
        outcomes.push(
          server.connection
            .sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: doc.positionAt(cursor) }, source.token)
            .then(() => "result", (e: { code?: number; message?: string }) => (e.code === -32800 ? "cancelled" : `error ${e.code}: ${e.message}`)),
        );
        if (i % 80 === 20) setTimeout(() => source.cancel(), 30);
      }
      const wait = started + (i + 1) * 10 - Date.now();
      if (wait > 0) await sleep(wait);
    }
    const sent = Date.now() - started;
    expect(sent).toBeLessThan(12_000);
    const results = await Promise.all(outcomes);
    expect(results.filter((r) => r !== "result" && r !== "cancelled")).toEqual([]);
    expect(results).toContain("cancelled");

    const final = new EditorDoc(u, doc.getText(), join(folder, name));
    const kept = registry.get(u)!;
    registry.set(u, final);
    try {
      const at = final.text.lastIndexOf("Raimondo") + 2;
      expect(await hoverAt(u, final.doc.positionAt(at))).toMatch(/^\*\*Gina Raimondo\*\* · person/);
      const report = await checkDocument(server, registry, final, { hovers: 10 });
      expect(report.bad).toEqual([]);
      expect(report.missing).toEqual([]);
    } finally {
      await close(u);
      registry.set(u, kept);
    }
    await healthy();
  }, 40_000);

  fault("server: requests cancelled mid-flight answer RequestCancelled or a result, never an error", async () => {
    const seed = SEEDS[2]!;
    const u = uri(seed);
    const text = sample(2);
    await server.open(seed, text);
    // An edit: every request now waits for the debounced analysis, which is where a cancel lands.
    const doc = TextDocument.create(u, "plaintext", 1, text);
    const edit = { range: { start: doc.positionAt(0), end: doc.positionAt(0) }, text: "Breaking: " };
    TextDocument.update(doc, [edit], 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version: 2 }, contentChanges: [edit] });
    // The 20 MB dump opened too: its analysis keeps the server busy while requests about it are cancelled.
    await server.open("dump-20mb.txt", textInEditor(FILES.find((f) => f.name === "dump-20mb.txt")!.bytes));
    const position = doc.positionAt(doc.getText().indexOf("Blinken") + 1);
    const requests: [string, string, object][] = [];
    for (const [target, pos] of [[u, position], [uri("dump-20mb.txt"), { line: 0, character: 1 }]] as const) {
      const textDocument = { uri: target };
      requests.push(
        ["hover", HoverRequest.method, { textDocument, position: pos }],
        ["definition", DefinitionRequest.method, { textDocument, position: pos }],
        ["references", ReferencesRequest.method, { textDocument, position: pos, context: { includeDeclaration: true } }],
        ["highlight", DocumentHighlightRequest.method, { textDocument, position: pos }],
        ["symbols", DocumentSymbolRequest.method, { textDocument }],
        ["tokens", SemanticTokensRequest.method, { textDocument }],
        ["inlay", InlayHintRequest.method, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } } }],
        ["next", NEXT_MENTION_REQUEST, { textDocument, position: pos, direction: "next" }],
        ["linked", LINKED_ARTICLES_REQUEST, { textDocument }],
      );
    }
    requests.push(["workspace symbols", WorkspaceSymbolRequest.method, { query: "Wang" }]);
    const outcomes = await Promise.all(
      requests.flatMap(([what, method, params]) =>
        [0, 1, 20, 150].map(async (delay) => {
          const source = new CancellationTokenSource();
          const answer = server.connection.sendRequest(method, params, source.token);
          setTimeout(() => source.cancel(), delay);
          return answer.then(
            () => "result",
            (e: { code?: number; message?: string }) => (e.code === -32800 ? "cancelled" : `${what} after ${delay} ms: error ${e.code}: ${e.message}`),
          );
        }),
      ),
    );
    expect(outcomes.filter((o) => o !== "result" && o !== "cancelled")).toEqual([]);
    expect(outcomes).toContain("cancelled");
    // Cancelling a request that does not exist, or one already answered, is harmless.
    await server.connection.sendNotification("$/cancelRequest", { id: 987654321 });
    await server.connection.sendNotification("$/cancelRequest", { id: "no-such-request" });
    await close(uri("dump-20mb.txt"));
    await close(u);
    await healthy();
  });

  fault("server: positions past the end of a document, negative ones, and documents that do not exist", async () => {
    const problems: string[] = [];
    const targets = [SEEDS[4]!, "empty.txt", "lone-cr.txt", "astral.txt"];
    for (const name of targets) {
      const doc = registry.get(uri(name))!;
      const last = doc.doc.positionAt(doc.text.length);
      const positions: Position[] = [
        { line: 0, character: 1_000_000 },
        { line: 1_000_000, character: 0 },
        { line: last.line, character: last.character + 5 },
        { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      ];
      for (const position of positions) {
        const textDocument = { uri: doc.uri };
        const ask = async (what: string, method: string, params: object) => {
          try {
            return await server.connection.sendRequest(method, params);
          } catch (e) {
            problems.push(`${name} ${what} at ${JSON.stringify(position)}: ${(e as Error).message}`);
            return null;
          }
        };
        const hover = (await ask("hover", HoverRequest.method, { textDocument, position })) as { range?: { start: Position; end: Position } } | null;
        if (hover?.range) problems.push(...badSpans(doc.text, [{ ...doc.span(hover.range), text: doc.spansAt.get(doc.span(hover.range).start)?.[0]?.text ?? "‹none›" }]));
        await ask("definition", DefinitionRequest.method, { textDocument, position });
        await ask("references", ReferencesRequest.method, { textDocument, position, context: { includeDeclaration: true } });
        await ask("highlight", DocumentHighlightRequest.method, { textDocument, position });
        await ask("next", NEXT_MENTION_REQUEST, { textDocument, position, direction: "next" });
        await ask("inlay", InlayHintRequest.method, { textDocument, range: { start: { line: 0, character: 0 }, end: position } });
      }
      // Negative positions break the protocol's types: an error answer is fine, a crash is not.
      await server.connection.sendRequest(HoverRequest.method, { textDocument: { uri: doc.uri }, position: { line: -1, character: -5 } }).catch(() => null);
    }
    for (const missing of [pathToFileURL(join(folder, "never-existed.txt")).href, "untitled:Untitled-1", "file:///dev/null"]) {
      const textDocument = { uri: missing };
      for (const [method, params] of [
        [HoverRequest.method, { textDocument, position: { line: 0, character: 0 } }],
        [DocumentSymbolRequest.method, { textDocument }],
        [SemanticTokensRequest.method, { textDocument }],
        [LINKED_ARTICLES_REQUEST, { textDocument }],
      ] as const) {
        await server.connection.sendRequest(method, params).catch((e: Error) => problems.push(`${missing} ${method}: ${e.message}`));
      }
    }
    expect(problems).toEqual([]);
    await healthy();
  });
  // Last: if the server gets stuck on the pipe, the cases above have run.
  fault("server: a named pipe called .txt, reported created by the watcher, is skipped (indexing ends, requests answer)", async () => {
    const pipe = uri("pipe.txt");
    expect(registry.has(pipe)).toBe(false);
    const since = server.statuses.length;
    await watched([{ uri: pipe, type: FileChangeType.Changed }, { uri: pipe, type: FileChangeType.Created }]);
    const within = <T>(ms: number, p: Promise<T>) => Promise.race([p, sleep(ms).then(() => "no answer" as const)]);
    try {
      expect(await within(10_000, server.status((s) => s.state === "ready", since)), "indexing ends").not.toBe("no answer");
      expect(await within(5_000, hoverAt(pipe, { line: 0, character: 0 })), "a hover on it answers").toBe("");
      expect(server.statuses.at(-1)!.articles).toBe(registry.size);
    } finally {
      // Whatever waits on the pipe gets its end of file.
      try {
        closeSync(openSync(join(folder, "pipe.txt"), constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // no reader: nothing waits
      }
    }
    await healthy();
  });
});

// ── the server's cache on disk ───────────────────────────────────────────────────────────────────────────────

describe("server cache", () => {
  const ADDED = "Ingrid Vaszary met Antony Blinken in Gdansk on Monday.\n";
  const blinkenCard = async (server: TestServer) => {
    const hover = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: server.uri(SEEDS[3]!) },
      position: server.positionOf(SEEDS[3]!, "Blinken", 1),
    });
    return (hover?.contents as MarkupContent | undefined)?.value ?? "";
  };
  const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

  fault("server: a cache folder that cannot be made is said once, in the log; the server works without a cache", async () => {
    const blocker = join(work, "a-file-not-a-folder");
    writeFileSync(blocker, "in the way");
    const { server, log } = await startIndexed(join(blocker, "cache"));
    expect(log).toMatch(/^indexed: 0 analyses from the cache, \d+ quick, 5 full; 5 articles$/);
    expect(await blinkenCard(server)).toContain("**Antony Blinken**");
    // A second run (a new article) and the save at shutdown try again, and say nothing more.
    writeFileSync(join(server.folder, "005_added.txt"), ADDED);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: server.uri("005_added.txt"), type: FileChangeType.Created }] });
    await server.status((s) => s.state === "ready" && s.articles === 6);
    await server.stop();
    const said = server.logs.filter((l) => /analysis cache/.test(l));
    expect(said).toEqual([expect.stringMatching(/^could not write the analysis cache .*: .*a-file-not-a-folder is not a folder; going on without one$/)]);
    expect(server.shown).toEqual([]);
    expect(readFileSync(blocker, "utf8")).toBe("in the way");
  });

  fault("server: killed (SIGKILL) in the middle of writing the cache, it leaves the previous cache whole; the next start reads it", async () => {
    const dir = join(work, "crash-cache");
    const first = await startIndexed(dir);
    await first.server.stop();
    const before = cacheShardFiles(dir).map(sha256);
    expect(before.length).toBeGreaterThan(0);

    // A new article makes the cache dirty; the preload kills the server after the first records of the new file.
    const crashing = await startServer({ dates: SEED_DATES }, dir, {
      preload: join(ROOT, "test/support/crash-in-cache-write.cjs"),
      prepare: (folder) => writeFileSync(join(folder, "005_added.txt"), ADDED),
    });
    expect(await crashing.exited).toEqual({ code: null, signal: "SIGKILL" });
    await crashing.stop();
    const leftovers = readdirSync(dir).filter((n) => n.endsWith(".tmp"));
    expect(leftovers).toEqual([expect.stringMatching(/^analyses-[0-9a-f]{2}\.cache\.\d+\.tmp$/)]);
    expect(statSync(join(dir, leftovers[0]!)).size).toBeGreaterThan(0);
    expect(cacheShardFiles(dir).map(sha256)).toEqual(before);

    const next = await startIndexed(dir);
    expect(next.log).toBe("indexed: 5 analyses from the cache, 0 quick, 0 full; 5 articles");
    expect(next.server.logs.filter((l) => /analysis cache/.test(l))).toEqual([]);
    expect(await blinkenCard(next.server)).toContain("**Antony Blinken**");
    await next.server.stop();
    // The dead process's half-written file is gone.
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
