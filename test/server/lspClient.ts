// A minimal LSP client for the protocol tests: starts the bundled server (dist/server.js --stdio) on a temporary
// copy of samples/, answers what a client must (configuration, registrations, progress), records what the server
// sends, and offers the few helpers the tests share (where a word is, wait for indexing).
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  ShowMessageNotification,
  ShowMessageRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type Position,
  type ProtocolConnection,
  type Registration,
} from "vscode-languageserver-protocol/node";
import { STATUS_NOTIFICATION, type StatusParams } from "../../server/src/protocol";

export const ROOT = resolve(__dirname, "../..");
/** Preloaded into every process the tests start: it fails (and says) any network access. */
export const NO_NETWORK = join(ROOT, "test/support/no-network.cjs");

/** The seed articles state no date; these are their publication dates. */
export const SEED_DATES: Record<string, string> = {
  "000_522416522264bb26.txt": "2023-02-03",
  "001_ab59fed4580a61f8.txt": "2023-06-15",
  "002_1194d7b2bb6911ef.txt": "2023-06-17",
  "003_81d969409292dfb7.txt": "2023-06-18",
  "004_7f26f9b57fc7a2c5.txt": "2023-06-14",
};
export const SEEDS = Object.keys(SEED_DATES);

export interface TestServer {
  connection: ProtocolConnection;
  folder: string;
  /** The server's analysis cache folder (initializationOptions.cacheDir): a temp folder removed at stop, unless given. */
  cacheDir: string;
  /** file:// uri of a file in the folder. */
  uri(name: string): string;
  /** Position of the `nth` (0-based) occurrence of `word` in a file of the folder, plus `shift` characters. */
  positionOf(name: string, word: string, nth?: number, shift?: number): Position;
  /** The text of a range in a file of the folder. */
  textAt(name: string, range: { start: Position; end: Position }): string;
  /** Resolves with the first status notification that satisfies `test`, among those from index `since` on. */
  status(test: (s: StatusParams) => boolean, since?: number): Promise<StatusParams>;
  statuses: StatusParams[];
  /** window/logMessage texts, in order. */
  logs: string[];
  /** window/showMessage and window/showMessageRequest texts (pop-ups the user would see), in order. */
  shown: string[];
  /** What the server process wrote to stderr so far. */
  stderr(): string;
  /** Whether the server process is still running. */
  alive(): boolean;
  /** Resolves when the server process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  progress: unknown[];
  registrations: Registration[];
  /** The refresh requests the server sent (workspace/codeLens/refresh…), each with how many statuses had come before. */
  refreshes: { method: string; afterStatuses: number }[];
  /** What `workspace/configuration` answers for `articleLens`; tests may change it. */
  settings: Record<string, unknown>;
  /** Opens a file of the folder in the "editor", with its text on disk or the given unsaved text. */
  open(name: string, text?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Called with the folder once the seed articles are in it, before the server starts: to add files of a test. */
  prepare?: (folder: string) => void;
  /** Declare that the client refreshes code lenses, inlay hints and semantic tokens when the server asks. */
  refreshSupport?: boolean;
  /** A module the server process preloads (node --require) after the no-network hook: to make it fail on purpose. */
  preload?: string;
  /** How long the "client" takes to answer workspace/configuration (as an editor busy starting up may). */
  configurationDelayMs?: number;
  /** Files of the folder opened in the "editor" right after `initialized`, as an editor restoring its tabs does. */
  openAtStart?: string[];
  /** Commands the "client" runs from links in hover cards (initializationOptions.commandLinks), as VS Code's does. */
  commandLinks?: string[];
  /** How the client talks to the server: over stdin/stdout (the default), or Node IPC (--node-ipc), as VS Code does. */
  transport?: "stdio" | "ipc";
}

export async function startServer(
  settings: Record<string, unknown> = { dates: SEED_DATES },
  givenCacheDir?: string,
  options: StartOptions = {},
): Promise<TestServer> {
  const cacheDir = givenCacheDir ?? mkdtempSync(join(tmpdir(), "article-lens-cache-"));
  const folder = mkdtempSync(join(tmpdir(), "article-lens-"));
  for (const name of SEEDS) cpSync(join(ROOT, "samples", name), join(folder, name));
  options.prepare?.(folder);
  // Every server of the tests runs with the no-network hook: any connection or host lookup fails and is said on stderr.
  const ipc = options.transport === "ipc";
  const child: ChildProcess = spawn(
    process.execPath,
    ["--require", NO_NETWORK, ...(options.preload ? ["--require", options.preload] : []), join(ROOT, "dist/server.js"), ipc ? "--node-ipc" : "--stdio"],
    { stdio: ["pipe", "pipe", "pipe", ...(ipc ? ["ipc" as const] : [])] },
  );
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));

  const connection = ipc
    ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));

  const statuses: StatusParams[] = [];
  const waiting: { test: (s: StatusParams) => boolean; resolve: (s: StatusParams) => void }[] = [];
  const progress: unknown[] = [];
  const logs: string[] = [];
  const shown: string[] = [];
  const registrations: Registration[] = [];
  const refreshes: TestServer["refreshes"] = [];
  const server: TestServer = {
    connection,
    folder,
    cacheDir,
    statuses,
    logs,
    shown,
    stderr: () => stderr,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited: new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal }))),
    progress,
    registrations,
    refreshes,
    settings,
    uri: (name) => pathToFileURL(join(folder, name)).href,
    positionOf(name, word, nth = 0, shift = 0) {
      const text = readFileSync(join(folder, name), "utf8");
      let at = -1;
      for (let i = 0; i <= nth; i++) {
        at = text.indexOf(word, at + 1);
        if (at < 0) throw new Error(`“${word}” occurs fewer than ${nth + 1} times in ${name}`);
      }
      return TextDocument.create("x", "plaintext", 0, text).positionAt(at + shift);
    },
    textAt(name, range) {
      const doc = TextDocument.create("x", "plaintext", 0, readFileSync(join(folder, name), "utf8"));
      return doc.getText(range);
    },
    status(test, since = 0) {
      const past = statuses.slice(since).find(test);
      return past ? Promise.resolve(past) : new Promise((resolve) => waiting.push({ test, resolve }));
    },
    async open(name, text = readFileSync(join(folder, name), "utf8")) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: server.uri(name), languageId: "plaintext", version: 1, text },
      });
    },
    async stop() {
      // Network access fails the test that started the server, whatever else it checked.
      if (/NETWORK ACCESS:/.test(stderr)) throw new Error(`the server tried to reach the network:\n${stderr.slice(0, 2000)}`);
      if (server.alive()) {
        await connection.sendRequest(ShutdownRequest.type).catch(() => {});
        await connection.sendNotification(ExitNotification.type).catch(() => {});
        await new Promise((r) => setTimeout(r, 50));
      }
      connection.dispose();
      child.kill();
      rmSync(folder, { recursive: true, force: true });
      if (!givenCacheDir) rmSync(cacheDir, { recursive: true, force: true });
    },
  };

  connection.onRequest(ConfigurationRequest.type, async (params) => {
    if (options.configurationDelayMs) await new Promise((r) => setTimeout(r, options.configurationDelayMs));
    return params.items.map((item) => (item.section === "articleLens" ? server.settings : null));
  });
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => {});
  for (const method of ["workspace/codeLens/refresh", "workspace/inlayHint/refresh", "workspace/semanticTokens/refresh"]) {
    connection.onRequest(method, () => {
      refreshes.push({ method, afterStatuses: statuses.length });
      return null;
    });
  }
  connection.onNotification("$/progress", (params: unknown) => {
    progress.push(params);
  });
  connection.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
    statuses.push(params);
    for (const w of [...waiting]) {
      if (w.test(params)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.onNotification(LogMessageNotification.type, (params) => {
    logs.push(params.message);
  });
  connection.onNotification(ShowMessageNotification.type, (params) => {
    shown.push(params.message);
  });
  connection.onRequest(ShowMessageRequest.type, (params) => {
    shown.push(params.message);
    return null;
  });
  connection.onUnhandledNotification(() => {});
  child.on("exit", (code) => {
    if (code) console.error(`server exited with ${code}\n${stderr}`);
  });
  connection.listen();

  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: "articles" }],
    initializationOptions: { cacheDir, ...(options.commandLinks ? { commandLinks: options.commandLinks } : {}) },
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        ...(options.refreshSupport && { codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } }),
      },
      window: { workDoneProgress: true },
      textDocument: { definition: { linkSupport: false } },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  for (const name of options.openAtStart ?? []) await server.open(name);
  return server;
}

/** A server on the seeds with `cacheDir`, once its first indexing run is over, and that run's summary line. */
export async function startIndexed(cacheDir: string, options: StartOptions = {}): Promise<{ server: TestServer; log: string }> {
  const server = await startServer({ dates: SEED_DATES }, cacheDir, options);
  await server.status((s) => s.state === "ready" && s.articles === SEEDS.length);
  const log = await eventually(async () => {
    const line = server.logs.find((l) => l.startsWith("indexed:"));
    if (!line) throw new Error("no indexing summary in the log yet");
    return line;
  });
  return { server, log };
}

/** Retries `check` until it stops throwing: for effects of notifications, which have no reply to wait for. */
export async function eventually<T>(check: () => Promise<T>, attempts = 100): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await check();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
