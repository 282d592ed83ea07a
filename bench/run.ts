// `npm run bench`: how Article Lens copes with a newsroom folder, against a bare compromise pass measured in the same
// run (the baseline: parse + people/places/organisations, one core, the same articles). For each corpus size:
//   cold   the language server (dist/server.js, over stdio, as an editor starts it) on the folder with an empty cache:
//          time until every article has an analysis (cross-article links answer everywhere) and until the full pass
//          is done; MB/s; peak RSS of the server process (its worker threads included)
//   query  hover, definition and references at 1,000 random names (positions from the server's semantic tokens),
//          each timed round-trip over JSON-RPC: p50 / p99. References are asked with a partialResultToken, as a
//          client that streams them does: the time to the first batch is what the reader waits for. Also: the
//          largest answer (its size and time), the garbage-collection pauses during the queries (from --trace-gc),
//          the timeline of the most-mentioned entity met and the connections panel's request,
//          and the server's RSS after them
//   edit   an open article changed: time until a hover on it answers from the new text, vs compromise on that text
//   warm   the server restarted on the unchanged folder with the cache the cold run wrote: time until ready
//   engine the engine alone on one core (the main thread), article by article, each timed against compromise on the
//          same article just before it: what a full analysis costs against the baseline, whatever the machine's drift
//   gazetteers  what loading the open gazetteers adds to a process's memory (a child process, after forced GCs)
// The server runs as VS Code runs it: over Node IPC (--node-ipc), which also leaves its stdout to --trace-gc.
// Prints a table and writes bench/results.json. Reports only: no figure here is a pass or a fail.
//
//   npm run bench                       1,000 and 10,000 articles (the 10k cold run takes a while: ~10 min, 2 cores)
//   npm run bench -- --sizes 1000       one size
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import nlp from "compromise";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  ConfigurationRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  LogMessageNotification,
  ReferencesRequest,
  RegistrationRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type Position,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import { analyzeArticle } from "../server/src/engine/analyze";
import { demonymCountry, gazetteerStats, givenName, placeFacts, surname } from "../server/src/engine";
import { CONNECTIONS_REQUEST, SERVER_EXEC_ARGV, STATUS_NOTIFICATION, TIMELINE_REQUEST, type ConnectionsResult, type StatusParams, type TimelineResult } from "../server/src/protocol";
import { ensureCorpus, rng } from "./corpus";

const ROOT = resolve(__dirname, "..");
const SOURCES = [join(ROOT, "samples"), resolve(ROOT, "../shared/eval/meantime-dev")].filter(existsSync);
const QUERIES = 1000;
const BASELINE_MAX = 1000; // bare compromise on more than this many articles is extrapolated from the per-KB rate

interface Server {
  connection: ProtocolConnection;
  child: ChildProcess;
  statuses: { at: number; s: StatusParams }[];
  /** window/logMessage lines (the server logs where each indexing run's analyses came from). */
  logs: string[];
  started: number;
  until(test: (s: StatusParams) => boolean): Promise<number>;
  peakRssMb(): number;
  rssMb(): number;
  /** The highest RSS sampled (every 100 ms) up to now, when it was sampled and what the server reported then. */
  rssPeak(): { mb: number; atSeconds: number; phase: string };
  /** How many --trace-gc lines the server has printed so far, and the pauses (ms) of those from `since` on. */
  gcLines(): number;
  gcPauses(since: number): GcPause[];
  /** Partial results received, by token. */
  partials: Map<string, { at: number; bytes: number; count: number }[]>;
  stop(): Promise<void>;
}

async function startServer(folder: string, cacheDir: string): Promise<Server> {
  const child = spawn(process.execPath, ["--trace-gc", ...SERVER_EXEC_ARGV, join(ROOT, "dist/server.js"), "--node-ipc"], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  // "[pid:0x…]  1234 ms: Scavenge 12.1 (14.0) -> 11.0 (15.0) MB, 1.23 / 0.00 ms  (…)": the pause is the first figure.
  const gcTrace: GcPause[] = [];
  let pending = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      const pause = /MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms/.exec(line);
      // The server's trace is flushed line by line, so its arrival time says which request a pause landed in.
      if (pause) gcTrace.push({ kind: /\bms: (Scavenge|Mark-Compact|Minor Mark-Compact|Mark-Sweep)/.exec(line)?.[1] ?? "other", ms: Number(pause[1]), at: performance.now() });
    }
  });
  const partials: Server["partials"] = new Map();
  connection.onNotification("$/progress", (p: { token: string | number; value: unknown }) => {
    if (typeof p.token !== "string" || !p.token.startsWith("partial-")) return;
    const list = partials.get(p.token) ?? [];
    list.push({ at: performance.now(), bytes: JSON.stringify(p.value).length, count: Array.isArray(p.value) ? p.value.length : 0 });
    partials.set(p.token, list);
  });
  const statuses: Server["statuses"] = [];
  // VmHWM gives the peak but not when it came: sampling says which phase (linking, full pass, settling) to blame.
  let peak = { mb: 0, atSeconds: 0, phase: "starting" };
  const sampler = setInterval(() => {
    let status = "";
    try {
      status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    } catch {
      return;
    }
    const mb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    if (mb <= peak.mb) return;
    const last = statuses.at(-1)?.s;
    const phase = !last ? "starting" : last.state === "ready" ? "ready" : `${last.pass} pass, ${last.done} of ${last.total}`;
    peak = { mb: Math.round(mb), atSeconds: round((performance.now() - started) / 1000, 1), phase };
  }, 100);
  child.once("exit", () => clearInterval(sampler));
  const waiting: { test: (s: StatusParams) => boolean; resolve: (ms: number) => void }[] = [];
  const started = performance.now();
  connection.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
    const at = performance.now();
    statuses.push({ at, s });
    for (const w of [...waiting]) if (w.test(s)) (waiting.splice(waiting.indexOf(w), 1), w.resolve(at - started));
  });
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ debounceMs: 0 })));
  connection.onRequest(RegistrationRequest.type, () => {});
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => {});
  const logs: string[] = [];
  connection.onNotification(LogMessageNotification.type, (p) => {
    logs.push(p.message);
  });
  connection.onUnhandledNotification(() => {});
  connection.listen();
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: "bench" }],
    initializationOptions: { cacheDir },
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    statuses,
    logs,
    started,
    until: (test) => {
      const past = statuses.find((x) => test(x.s));
      return past ? Promise.resolve(past.at - started) : new Promise((r) => waiting.push({ test, resolve: r }));
    },
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    },
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    },
    rssPeak: () => ({ ...peak }),
    gcLines: () => gcTrace.length,
    gcPauses: (since) => gcTrace.slice(since),
    partials,
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await new Promise((r) => child.once("exit", r));
      connection.dispose();
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

function compromisePass(text: string): void {
  const doc = nlp(text);
  doc.people().out("array");
  doc.places().out("array");
  doc.organizations().out("array");
}

function baseline(texts: string[]): { ms: number; msPerKb: number; measured: number } {
  const sample = texts.slice(0, BASELINE_MAX);
  for (const t of sample.slice(0, 5)) compromisePass(t); // warm the JIT, as the server's workers are by then
  const t0 = performance.now();
  for (const t of sample) compromisePass(t);
  const ms = performance.now() - t0;
  const kb = sample.reduce((n, t) => n + t.length, 0) / 1024;
  const msPerKb = ms / kb;
  return { ms: (msPerKb * texts.reduce((n, t) => n + t.length, 0)) / 1024, msPerKb, measured: sample.length };
}

/** Articles timed for the engine-on-one-core ratio (each with compromise on it, interleaved). */
const ENGINE_SAMPLE = 200;

/**
 * The engine's full analysis on one core against compromise on the same articles: each article is passed to compromise
 * and then analysed, so a drift of the machine's speed touches both alike.
 */
function engineOneCore(texts: string[]): { engineMs: number; compromiseMs: number; ratio: number; articles: number } {
  const sample = texts.slice(0, ENGINE_SAMPLE);
  for (const t of sample.slice(0, 5)) {
    compromisePass(t);
    analyzeArticle(t);
  }
  let engineMs = 0;
  let compromiseMs = 0;
  for (const t of sample) {
    const c0 = performance.now();
    compromisePass(t);
    const e0 = performance.now();
    analyzeArticle(t);
    engineMs += performance.now() - e0;
    compromiseMs += e0 - c0;
  }
  return { engineMs: round(engineMs), compromiseMs: round(compromiseMs), ratio: round(engineMs / compromiseMs), articles: sample.length };
}

/** What the gazetteers add to a process: measured in a child (this script with --gazetteers), after forced GCs. */
function gazetteerMemory(): { rssMb: number; heapMb: number; externalMb: number; loadMs: number; entries: Record<string, number> } {
  const out = execFileSync(process.execPath, ["--expose-gc", __filename, "--gazetteers"], { encoding: "utf8" });
  return JSON.parse(out);
}

/** The child of gazetteerMemory: loads every list and prints the increase. */
function probeGazetteers(): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const settle = () => {
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage();
  };
  const before = settle();
  placeFacts("Paris");
  demonymCountry("Israeli");
  givenName("Mary");
  surname("Smith");
  const after = settle();
  const mb = (n: number) => round(n / 1048576);
  const stats = gazetteerStats();
  if (stats.missing.length) throw new Error(`gazetteer lists not found: ${stats.missing.join(", ")}`);
  console.log(JSON.stringify({
    rssMb: mb(after.rss - before.rss), heapMb: mb(after.heapUsed - before.heapUsed), externalMb: mb(after.external - before.external),
    loadMs: round(stats.loadMs), entries: stats.entries,
  }));
}

/** Name positions, as the server colours them (semantic tokens 0–2: person, place, organisation). */
async function namePositions(server: Server, uris: string[]): Promise<{ uri: string; position: Position }[]> {
  const out: { uri: string; position: Position }[] = [];
  for (const uri of uris) {
    const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    let line = 0;
    let char = 0;
    const data = tokens?.data ?? [];
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      if (data[i + 3]! <= 2) out.push({ uri, position: { line, character: char + 1 } });
    }
  }
  return out;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
}

/**
 * Hover, definition and references at each target, one at a time. References carry a partialResultToken: their
 * latency is the time to the first batch (or to the answer, when it came first), and `complete` the time to the end.
 */
async function latencies(server: Server, targets: { uri: string; position: Position }[]) {
  const result: Record<string, Latency> = {};
  let largest = { kind: "", kb: 0, ms: 0 };
  /** Where the longest references answer was asked: the most-mentioned entity met, for the timeline's row. */
  let mostMentioned = { refs: -1, at: targets[0]! };
  const kinds = { hover: HoverRequest.type, definition: DefinitionRequest.type, references: ReferencesRequest.type } as const;
  const complete: number[] = [];
  const windows: RequestWindow[] = [];
  let n = 0;
  for (const [name, type] of Object.entries(kinds)) {
    const times: number[] = [];
    for (const { uri, position } of targets) {
      const token = `partial-${n++}`;
      const params = { textDocument: { uri }, position, context: { includeDeclaration: true }, ...(name === "references" && { partialResultToken: token }) };
      const t0 = performance.now();
      const answer = await server.connection.sendRequest(type as typeof HoverRequest.type, params);
      const t1 = performance.now();
      const parts = server.partials.get(token) ?? [];
      server.partials.delete(token);
      times.push((parts[0]?.at ?? t1) - t0);
      windows.push({ kind: name, from: t0, first: parts[0]?.at ?? t1, to: t1 });
      if (name === "references") {
        complete.push(t1 - t0);
        const refs = (Array.isArray(answer) ? answer.length : 0) + parts.reduce((n, p) => n + p.count, 0);
        if (refs > mostMentioned.refs) mostMentioned = { refs, at: { uri, position } };
      }
      const kb = (JSON.stringify(answer ?? null).length + parts.reduce((b, p) => b + p.bytes, 0)) / 1024;
      if (kb > largest.kb) largest = { kind: name, kb: round(kb, 1), ms: round(t1 - t0) };
    }
    result[name] = summary(times);
  }
  return { ...result, referencesComplete: summary(complete), largest, mostMentioned: mostMentioned.at, windows } as {
    hover: Latency;
    definition: Latency;
    references: Latency;
    referencesComplete: Latency;
    largest: { kind: string; kb: number; ms: number };
    mostMentioned: { uri: string; position: Position };
    windows: RequestWindow[];
  };
}

/** When a request was sent, when its first part (or its answer) came, when its answer came (performance.now()). */
interface RequestWindow {
  kind: string;
  from: number;
  first: number;
  to: number;
}

/**
 * The panels' requests: the timeline of the most-mentioned entity met (its first page, as the panel asks it; once,
 * then four times again) and the connections of 50 articles (what the Explorer view asks when the active editor
 * changes).
 */
async function panelLatencies(server: Server, most: { uri: string; position: Position }, uris: string[]) {
  const timeline: number[] = [];
  let entries = 0;
  let name = "";
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const answer = await server.connection.sendRequest<TimelineResult | null>(TIMELINE_REQUEST, { textDocument: { uri: most.uri }, position: most.position });
    timeline.push(performance.now() - t0);
    entries = answer?.total ?? 0;
    name = answer?.entity.name ?? "";
  }
  const connections: number[] = [];
  const windows: RequestWindow[] = [];
  for (const uri of uris.slice(0, 50)) {
    const t0 = performance.now();
    await server.connection.sendRequest<ConnectionsResult | null>(CONNECTIONS_REQUEST, { textDocument: { uri } });
    const t1 = performance.now();
    connections.push(t1 - t0);
    windows.push({ kind: "connections", from: t0, first: t1, to: t1 });
  }
  // The first answer is laid out; the server keeps the last few, so the next four measure a repeated request.
  return { timeline: { firstMs: round(timeline[0]!), repeated: summary(timeline.slice(1)), entity: name, entries }, connections: summary(connections), windows };
}

function summary(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)!) };
}

/** The garbage-collection pauses of a stretch of the server's life: how many took 10 ms or more, the longest. */
interface GcPause {
  /** The collector, as --trace-gc names it: "Scavenge" (the young generation) or "Mark-Compact" (the whole heap). */
  kind: string;
  ms: number;
  /** When the bench read its trace line (performance.now()). */
  at: number;
}

/**
 * The pauses, and those of 10 ms or more by collector (young-generation copies and whole-heap collections differ in
 * cause) and by where they landed: in a hover or definition, in references before their first batch (a latency the
 * targets count) or while the rest streamed, or between requests.
 */
function gcSummary(pauses: GcPause[], windows: RequestWindow[]) {
  const long = pauses.filter((p) => p.ms >= 10);
  const over10msByKind: Record<string, number> = {};
  const over10msDuring: Record<string, number> = {};
  for (const p of long) {
    over10msByKind[p.kind] = (over10msByKind[p.kind] ?? 0) + 1;
    const during = landedIn(p.at, windows);
    over10msDuring[during] = (over10msDuring[during] ?? 0) + 1;
  }
  return { count: pauses.length, over10ms: long.length, maxMs: round(Math.max(0, ...pauses.map((p) => p.ms))), over10msByKind, over10msDuring };
}

/**
 * The answers slower than 10 ms (to the first batch, for references), by request, and how much of each was garbage
 * collection: what the p99s' tails are made of.
 */
function slowAnswers(windows: RequestWindow[], pauses: GcPause[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const w of windows) {
    const ms = w.first - w.from;
    if (ms < 10) continue;
    const gc = pauses.filter((p) => p.at >= w.from && p.at <= w.first + 1).reduce((sum, p) => sum + p.ms, 0);
    (out[w.kind] ??= []).push(`${round(ms, 1)}${gc ? ` (gc ${round(gc, 1)})` : ""}`);
  }
  return out;
}

/** The request a moment falls in (its trace line is read within a millisecond of the pause), or "between requests". */
function landedIn(at: number, windows: RequestWindow[]): string {
  const w = windows.find((w) => at >= w.from && at <= w.to + 1);
  if (!w) return "between requests";
  if (w.kind !== "references") return w.kind;
  return at <= w.first + 1 ? "references before the first batch" : "references after it";
}

/** An open article edited: time from the change to a hover answered from the new text, vs compromise on it. */
async function editLatency(server: Server, folder: string, file: string) {
  const uri = pathToFileURL(join(folder, file)).href;
  let text = readFileSync(join(folder, file), "utf8");
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "plaintext", version: 1, text } });
  await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
  const times: number[] = [];
  const base: number[] = [];
  for (let v = 2; v < 12; v++) {
    const addition = `\nOn Tuesday, Ingrid Vaszary of the Baltic Maritime Authority met officials in Gdansk (${v}).`;
    const end = TextDocument.create(uri, "plaintext", 0, text).positionAt(text.length);
    text += addition;
    const doc = TextDocument.create(uri, "plaintext", 0, text);
    const at = doc.positionAt(text.lastIndexOf("Vaszary") + 2);
    const t0 = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: end, end }, text: addition }],
    });
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at });
    times.push(performance.now() - t0);
    if (!JSON.stringify(hover ?? "").includes("Vaszary")) throw new Error("the hover after an edit does not show the new name");
    const b0 = performance.now();
    compromisePass(text);
    base.push(performance.now() - b0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return { ms: round(median(times)), baselineMs: round(median(base)), ratio: round(median(times) / median(base)) };
}

async function benchSize(size: number) {
  const folder = ensureCorpus(join(ROOT, "bench/.corpus"), size, 1, SOURCES);
  const files = readdirSync(folder).filter((f) => f.endsWith(".txt")).sort();
  const texts = files.map((f) => readFileSync(join(folder, f), "utf8"));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  console.log(`\n== ${size} articles, ${mb.toFixed(1)} MB (${folder})`);

  // The baseline is measured before the cold run and again right after it, and ratios use the mean: this machine's
  // speed drifts (the same 1,000 articles took 55 s and 71 s minutes apart), so one measurement could flatter or
  // wrong the server.
  const before = baseline(texts);
  console.log(`baseline: bare compromise ${(before.ms / 1000).toFixed(1)} s on one core${before.measured < size ? ` (measured on ${before.measured}, scaled by size)` : ""}`);
  const engine = engineOneCore(texts);
  console.log(`engine on one core: ${engine.ratio.toFixed(2)} × compromise on the same ${engine.articles} articles (${(engine.engineMs / 1000).toFixed(1)} s against ${(engine.compromiseMs / 1000).toFixed(1)} s)`);
  const gazetteers = gazetteerMemory();
  console.log(`gazetteers: +${gazetteers.rssMb} MB RSS (heap +${gazetteers.heapMb} MB, outside the heap +${gazetteers.externalMb} MB), loaded in ${gazetteers.loadMs} ms`);

  const cacheDir = mkdtempSync(join(tmpdir(), "article-lens-bench-cache-"));
  try {
    const cold = await startServer(folder, cacheDir);
    const linked = await cold.until((s) => s.articles === size && (s.state === "ready" || s.pass === "full"));
    const full = await cold.until((s) => s.state === "ready" && s.articles === size);
    const coldRss = cold.peakRssMb();
    const readyRss = cold.rssMb();
    const coldPeak = cold.rssPeak();
    console.log(`cold: RSS peaked near ${coldPeak.mb} MB at ${coldPeak.atSeconds} s (${coldPeak.phase}); ${Math.round(readyRss)} MB at ready`);
    console.log(`cold: every article linked after ${(linked / 1000).toFixed(1)} s, full analysis done after ${(full / 1000).toFixed(1)} s`);
    const after = baseline(texts);
    const base = { ms: (before.ms + after.ms) / 2, msPerKb: (before.msPerKb + after.msPerKb) / 2, measured: before.measured };
    console.log(`baseline again: ${(after.ms / 1000).toFixed(1)} s; ratios use the mean, ${(base.ms / 1000).toFixed(1)} s`);

    const random = rng(7);
    const sampleUris = Array.from({ length: Math.min(200, size) }, () => pathToFileURL(join(folder, files[Math.floor(random() * files.length)]!)).href);
    const names = await namePositions(cold, sampleUris);
    const targets = Array.from({ length: QUERIES }, () => names[Math.floor(random() * names.length)]!);
    const gcBefore = cold.gcLines();
    const query = await latencies(cold, targets);
    const gc = gcSummary(cold.gcPauses(gcBefore), query.windows);
    const rssAfterQueries = cold.rssMb();
    const { windows: _, ...queries } = query;
    console.log(`queries: ${JSON.stringify(queries)}`);
    const gcBeforePanels = cold.gcLines();
    const { windows: panelWindows, ...panels } = await panelLatencies(cold, query.mostMentioned, sampleUris);
    console.log(`panels: ${JSON.stringify(panels)}`);
    console.log(`connections over 10 ms (ms, and the GC pauses in them): ${JSON.stringify(slowAnswers(panelWindows, cold.gcPauses(gcBeforePanels)))}`);
    console.log(`gc during the queries: ${JSON.stringify(gc)}; RSS after them ${Math.round(rssAfterQueries)} MB`);
    console.log(`answers over 10 ms (ms, and the GC pauses in them): ${JSON.stringify(slowAnswers(query.windows, cold.gcPauses(gcBefore)))}`);
    const edit = await editLatency(cold, folder, files[Math.floor(random() * files.length)]!);
    console.log(`edit: ${JSON.stringify(edit)}`);
    const afterQueriesRss = cold.peakRssMb();
    await cold.stop();

    const warm = await startServer(folder, cacheDir);
    const warmReady = await warm.until((s) => s.state === "ready" && s.articles === size);
    const warmRss = warm.peakRssMb();
    // A warm start only counts if every analysis came from the cache (a rebuilt server has another engine version).
    await new Promise((r) => setTimeout(r, 200));
    const summary = warm.logs.find((l) => l.startsWith("indexed:")) ?? "(no indexing summary logged)";
    const fromCache = Number(/^indexed: (\d+) analyses from the cache/.exec(summary)?.[1] ?? 0);
    await warm.stop();
    console.log(`warm: ready after ${(warmReady / 1000).toFixed(2)} s — ${summary}${fromCache < size ? " — NOT A WARM START (the cache was not used)" : ""}`);

    return {
      articles: size,
      megabytes: round(mb),
      engine,
      gazetteers,
      baseline: {
        compromiseSeconds: round(base.ms / 1000),
        beforeSeconds: round(before.ms / 1000),
        afterSeconds: round(after.ms / 1000),
        msPerKb: round(base.msPerKb),
        measuredOn: base.measured,
      },
      cold: {
        linkedSeconds: round(linked / 1000),
        fullSeconds: round(full / 1000),
        fullMBps: round(mb / (full / 1000), 3),
        fullRatioToBaseline: round(full / base.ms),
        peakRssMb: Math.round(coldRss),
        peakSampled: coldPeak,
        rssAtReadyMb: Math.round(readyRss),
        peakRssAfterQueriesMb: Math.round(Math.max(coldRss, afterQueriesRss)),
        rssAfterQueriesMb: Math.round(rssAfterQueries),
      },
      queries,
      panels,
      gc,
      edit,
      warm: { readySeconds: round(warmReady / 1000), peakRssMb: Math.round(warmRss), fromCache, valid: fromCache >= size },
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function table(results: Awaited<ReturnType<typeof benchSize>>[]): string {
  const rows: [string, ...string[]][] = [
    ["articles", ...results.map((r) => String(r.articles))],
    ["corpus MB", ...results.map((r) => r.megabytes.toFixed(1))],
    ["baseline: bare compromise, 1 core (s): before / after / mean", ...results.map((r) => `${r.baseline.beforeSeconds.toFixed(1)} / ${r.baseline.afterSeconds.toFixed(1)} / ${r.baseline.compromiseSeconds.toFixed(1)}`)],
    ["engine on one core ÷ compromise, same articles (target ≤ 0.6)", ...results.map((r) => r.engine.ratio.toFixed(2))],
    ["gazetteers loaded: added RSS / heap / outside the heap (MB) (target ≤ 50)", ...results.map((r) => `${r.gazetteers.rssMb.toFixed(1)} / ${r.gazetteers.heapMb.toFixed(1)} / ${r.gazetteers.externalMb.toFixed(1)}`)],
    ["cold: all articles linked (s) (target ≤ 5 at 1k)", ...results.map((r) => r.cold.linkedSeconds.toFixed(1))],
    ["cold: full analysis (s)", ...results.map((r) => r.cold.fullSeconds.toFixed(1))],
    ["cold: full ÷ baseline (target ≤ 0.55)", ...results.map((r) => r.cold.fullRatioToBaseline.toFixed(2))],
    ["cold: MB/s", ...results.map((r) => r.cold.fullMBps.toFixed(3))],
    ["warm start (s) (target ≤ 3 at 10k)", ...results.map((r) => `${r.warm.readySeconds.toFixed(2)}${r.warm.valid ? "" : " (cache unused: invalid)"}`)],
    ["hover p50 / p99 (ms) (target p99 ≤ 10 at 10k)", ...results.map((r) => `${r.queries.hover.p50} / ${r.queries.hover.p99}`)],
    ["definition p50 / p99 (ms)", ...results.map((r) => `${r.queries.definition.p50} / ${r.queries.definition.p99}`)],
    ["references, first batch p50 / p99 (ms)", ...results.map((r) => `${r.queries.references.p50} / ${r.queries.references.p99}`)],
    ["references, complete p50 / p99 (ms)", ...results.map((r) => `${r.queries.referencesComplete.p50} / ${r.queries.referencesComplete.p99}`)],
    ["largest answer: request, KB, ms", ...results.map((r) => `${r.queries.largest.kind}, ${r.queries.largest.kb}, ${r.queries.largest.ms}`)],
    ["timeline of the most-mentioned entity met: first / repeated p50 (ms), entries (target ≤ 200 at 10k)", ...results.map((r) => `${r.panels.timeline.firstMs} / ${r.panels.timeline.repeated.p50}, ${r.panels.timeline.entries}`)],
    ["connections panel update p50 / p99 (ms) (target ≤ 100 at 10k)", ...results.map((r) => `${r.panels.connections.p50} / ${r.panels.connections.p99}`)],
    ["GC pauses during the queries: ≥ 10 ms / all, longest (ms)", ...results.map((r) => `${r.gc.over10ms} / ${r.gc.count}, ${r.gc.maxMs}`)],
    ["GC pauses ≥ 10 ms by collector", ...results.map((r) => Object.entries(r.gc.over10msByKind ?? {}).map(([k, n]) => `${k} ${n}`).join(", ") || "none")],
    ["GC pauses ≥ 10 ms by where they landed", ...results.map((r) => Object.entries(r.gc.over10msDuring ?? {}).map(([k, n]) => `${k} ${n}`).join(", ") || "none")],
    ["edit → new hover (ms)", ...results.map((r) => String(r.edit.ms))],
    ["edit ÷ compromise on that article (target ≤ 1.2)", ...results.map((r) => r.edit.ratio.toFixed(2))],
    ["peak RSS (MB): cold at ready / after queries / warm (target ≤ 500 at 10k)", ...results.map((r) => `${r.cold.peakRssMb} / ${r.cold.peakRssAfterQueriesMb} / ${r.warm.peakRssMb}`)],
    ["cold peak RSS as sampled: when, in which phase; RSS at ready (MB)", ...results.map((r) => `${r.cold.peakSampled?.mb} MB at ${r.cold.peakSampled?.atSeconds} s (${r.cold.peakSampled?.phase}); ${r.cold.rssAtReadyMb}`)],
    ["RSS right after the queries (MB) (target ≤ 600 at 10k)", ...results.map((r) => String(r.cold.rssAfterQueriesMb))],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

async function main(): Promise<void> {
  if (process.argv.includes("--gazetteers")) return probeGazetteers();
  const at = process.argv.indexOf("--sizes");
  const sizes = at > 0 ? process.argv[at + 1]!.split(",").map(Number) : [1000, 10000];
  if (!existsSync(join(ROOT, "dist/server.js"))) throw new Error("dist/server.js missing: run npm run build");
  console.log(`sources: ${SOURCES.join(", ")}; node ${process.version}; ${availableParallelism()} cores`);
  const results = [];
  for (const size of sizes) results.push(await benchSize(size));
  console.log(`\n${table(results)}`);
  // One entry per corpus size, each saying when and from which commit it was measured: a run of one size keeps the
  // other sizes' last figures.
  const file = join(ROOT, "bench/results.json");
  const stamp = { measuredAt: new Date().toISOString(), commit: gitCommit() };
  const previous = existsSync(file) ? ((JSON.parse(readFileSync(file, "utf8")) as { results?: { articles: number }[] }).results ?? []) : [];
  const merged = [...previous.filter((r) => !sizes.includes(r.articles)), ...results.map((r) => ({ ...stamp, ...r }))].sort((a, b) => a.articles - b.articles);
  writeFileSync(file, `${JSON.stringify({ results: merged }, null, 2)}\n`);
  console.log("\nwritten: bench/results.json");
}

/** The checked-out commit (with "+changes" when the tree differs from it), or "unknown" outside git. */
function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return "unknown";
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
