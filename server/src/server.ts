// The language server: wires LSP messages to the workspace index and the handlers. No analysis and no feature
// logic here; see workspace/ (what is indexed, when) and handlers/ (one module per feature).
//
// Transport comes from the command line (`--stdio`, `--node-ipc`, `--socket=N`), as vscode-languageserver reads it.
import {
  CancellationToken,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type ClientCapabilities,
  type Disposable,
  type FileSystemWatcher,
  type InitializeResult,
  type ResultProgressReporter,
} from "vscode-languageserver/node";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { codeLens } from "./handlers/codeLens";
import type { HandlerContext } from "./handlers/context";
import { definition } from "./handlers/definition";
import { documentSymbols } from "./handlers/documentSymbols";
import { documentHighlight } from "./handlers/highlight";
import { hover } from "./handlers/hover";
import { inlayHints } from "./handlers/inlayHints";
import { linkedArticles } from "./handlers/linkedArticles";
import { nextMention } from "./handlers/nextMention";
import { references } from "./handlers/references";
import { timeline } from "./handlers/timeline";
import { connections, entityArticles } from "./handlers/connections";
import { TOKEN_LEGEND, semanticTokens } from "./handlers/semanticTokens";
import { workspaceSymbols } from "./handlers/workspaceSymbols";
import { IndexingProgress } from "./workspace/progress";
import {
  DEFAULT_SETTINGS,
  LINKED_ARTICLES_REQUEST,
  NEXT_MENTION_REQUEST,
  SETTINGS_SECTION,
  TIMELINE_REQUEST,
  CONNECTIONS_REQUEST,
  ENTITY_ARTICLES_REQUEST,
  type ConnectionsParams,
  type EntityArticlesParams,
  type LinkedArticlesParams,
  type NextMentionParams,
  type Settings,
  type TimelineParams,
} from "./protocol";
import { Analyzer } from "./analysis/analyzer";
import { defaultCacheDir } from "./analysis/cache";
import { defaultPoolSize } from "./analysis/pool";
import { Upkeep } from "./workspace/upkeep";
import { ArticleIndex } from "./workspace/articleIndex";
import { diskFiles } from "./workspace/files";
import { indexingChanged, readSettings } from "./workspace/settings";
import { ArticleTexts } from "./workspace/texts";
import { filePath, fileUri, normalizeUri } from "./workspace/uris";
import { openTransport } from "./transport";

const transport = openTransport();
const connection = transport.connection;
const documents = new TextDocuments(TextDocument);
/** Open documents by normalised uri → the uri the client uses for them. */
const openUris = new Map<string, string>();
const openDocument = (uri: string) => {
  const clientUri = openUris.get(uri);
  return clientUri === undefined ? undefined : documents.get(clientUri);
};

let capabilities: ClientCapabilities = {};
let folders: string[] = [];
let settings: Settings = DEFAULT_SETTINGS;
let progress: IndexingProgress | undefined;
let watcherRegistration: Promise<Disposable> | undefined;

const texts = new ArticleTexts(openDocument);
let indexRunning = false;
/** Created at initialize, when the cache folder is known. */
let analyzer: Analyzer | undefined;
/** Commands the client can run from links in hover cards (only VS Code's says any). */
let commandLinks: string[] = [];
const index = new ArticleIndex(
  diskFiles,
  {
    get parallel() {
      return analyzer?.parallel ?? 1;
    },
    cached: (text, options, file) => analyzer?.cached(text, options, file),
    cachedFile: (path, stamp, options) => analyzer?.cachedFile(path, stamp, options),
    analyze: (text, options, pass) => analyzer!.analyze(text, options, pass),
  },
  openDocument,
  {
    progress: (state) => {
      // The end of a run over the listed folders: identities settle before "ready" is said. Edits and changed files
      // leave that to the upkeep's timer, once changes pause.
      const ended = indexRunning && !state.running && state.listed;
      if (ended) upkeep.runEnding();
      progress?.update(state);
      if (ended) upkeep.runEnded();
      indexRunning = state.running;
    },
    changed: (analysed) => upkeep.changed(analysed),
    log: (message) => connection.console.log(message),
  },
);

const upkeep = new Upkeep({
  corpus: index.corpus,
  analyzer: () => analyzer,
  indexing: () => index.state().running,
  refresh: refreshEditor,
  log: (message) => connection.console.log(message),
});

// ── lifecycle ────────────────────────────────────────────────────────────────────────────────────────────────

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  const roots = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: "" }] : []);
  folders = roots.flatMap((f) => filePath(f.uri) ?? []);
  settings = readSettings(params.initializationOptions?.settings ?? {});
  const links: unknown = params.initializationOptions?.commandLinks;
  commandLinks = Array.isArray(links) ? links.filter((c): c is string => typeof c === "string") : [];
  // The VS Code client passes its storage folder; other editors get a per-workspace folder in the user's cache.
  const cacheDir: unknown = params.initializationOptions?.cacheDir;
  analyzer = new Analyzer({
    workerPath: join(__dirname, "worker.js"),
    jobs: defaultPoolSize(),
    cacheDir: typeof cacheDir === "string" && cacheDir ? cacheDir : defaultCacheDir(folders),
    log: (message) => connection.console.warn(message),
  });
  if (folders.length > 0) analyzer.prepareForFolder();
  progress = new IndexingProgress(connection, index.corpus, capabilities.window?.workDoneProgress === true);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      inlayHintProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: TOKEN_LEGEND, full: true },
      documentSymbolProvider: { label: "Article" },
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: "Article Lens" },
  };
});

connection.onInitialized(async () => {
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
  if (capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
      const removed = new Set(event.removed.flatMap((f) => filePath(f.uri) ?? []));
      folders = [...folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => filePath(f.uri) ?? [])];
      watchFiles();
      await index.configure(folders, settings);
    });
  }
  settings = await fetchSettings();
  watchFiles();
  await index.configure(folders, settings);
});

connection.onDidChangeConfiguration(async (change) => {
  const before = settings;
  // Clients without `workspace/configuration` push the settings in the notification instead.
  settings = capabilities.workspace?.configuration ? await fetchSettings() : readSettings(change.settings?.[SETTINGS_SECTION]);
  if (indexingChanged(before, settings)) {
    watchFiles();
    await index.configure(folders, settings);
  } else index.updateSettings(settings);
  upkeep.settingsChanged();
});

connection.onShutdown(() => {
  index.dispose();
  progress?.dispose();
  upkeep.shutdown();
  analyzer?.dispose();
});

async function fetchSettings(): Promise<Settings> {
  if (!capabilities.workspace?.configuration) return settings;
  try {
    return readSettings(await connection.workspace.getConfiguration({ section: SETTINGS_SECTION }));
  } catch {
    return settings;
  }
}

/** Ask the client to watch the article files (and deletions of anything, so a deleted folder is noticed). */
function watchFiles(): void {
  if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
  const relative = capabilities.workspace.didChangeWatchedFiles.relativePatternSupport === true && folders.length > 0;
  const watchers: FileSystemWatcher[] = relative
    ? folders.flatMap((folder) => [
        ...settings.files.map((pattern) => ({ globPattern: { baseUri: fileUri(folder), pattern } })),
        { globPattern: { baseUri: fileUri(folder), pattern: "**/*" }, kind: WatchKind.Delete },
      ])
    : [...settings.files.map((globPattern) => ({ globPattern })), { globPattern: "**/*", kind: WatchKind.Delete }];
  const previous = watcherRegistration;
  watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  void previous?.then((d) => d.dispose());
}

// ── documents and files ──────────────────────────────────────────────────────────────────────────────────────

documents.onDidOpen(({ document }) => {
  const uri = normalizeUri(document.uri);
  openUris.set(uri, document.uri);
  index.didOpen(uri);
});
documents.onDidChangeContent(({ document }) => index.didChange(normalizeUri(document.uri)));
documents.onDidClose(({ document }) => {
  const uri = normalizeUri(document.uri);
  openUris.delete(uri);
  index.didClose(uri);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  const kinds = { [FileChangeType.Created]: "created", [FileChangeType.Changed]: "changed", [FileChangeType.Deleted]: "deleted" } as const;
  index.filesChanged(changes.map((c) => ({ uri: normalizeUri(c.uri), kind: kinds[c.type] })));
});

// ── features ─────────────────────────────────────────────────────────────────────────────────────────────────

function context(): HandlerContext {
  return { corpus: index.corpus, texts, settings, indexing: index.state(), commandLinks, log: (message) => connection.console.log(message) };
}

function untilCancelled(token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) resolve();
    else token.onCancellationRequested(() => resolve());
  });
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, "request cancelled");

/**
 * Every request goes through here: the uri is normalised, the article brought up to date (itself only, never the
 * workspace), and a request the client cancelled meanwhile answers with RequestCancelled instead of a result.
 */
function serve<P, R, Partial = never>(
  handler: (ctx: HandlerContext, params: P, token: CancellationToken, partial?: (part: Partial) => Promise<void>) => R | Promise<R>,
) {
  return async (params: P, token: CancellationToken, _work?: unknown, resultProgress?: ResultProgressReporter<Partial>): Promise<R> => {
    const doc = (params as { textDocument?: { uri: string } }).textDocument;
    if (doc) {
      params = { ...params, textDocument: { ...doc, uri: normalizeUri(doc.uri) } };
      // Waiting for an article being typed in can take a moment: a cancelled request stops waiting.
      await Promise.race([index.ensureFresh(normalizeUri(doc.uri)), untilCancelled(token)]);
    }
    if (token.isCancellationRequested) throw cancelled();
    try {
      // A partial result is reported, then the next waits until it has been written (transport.ts).
      const partial = resultProgress && ((part: Partial) => (resultProgress.report(part), transport.drained()));
      const result = await handler(context(), params, token, partial);
      if (token.isCancellationRequested) throw cancelled();
      return result;
    } finally {
      upkeep.answered();
    }
  };
}

connection.onHover(serve(hover));
connection.onDefinition(serve((ctx, params) => definition(ctx, params, capabilities.textDocument?.definition?.linkSupport === true)));
connection.onReferences(serve(references));
connection.onDocumentHighlight(serve(documentHighlight));
connection.languages.inlayHint.on(serve(inlayHints));
connection.languages.semanticTokens.on(serve(semanticTokens));
connection.onDocumentSymbol(serve(documentSymbols));
connection.onWorkspaceSymbol(serve(workspaceSymbols));
connection.onCodeLens(serve(codeLens));
connection.onRequest(NEXT_MENTION_REQUEST, serve((ctx, params: NextMentionParams) => nextMention(ctx, params)));
connection.onRequest(LINKED_ARTICLES_REQUEST, serve((ctx, params: LinkedArticlesParams) => linkedArticles(ctx, params)));
connection.onRequest(TIMELINE_REQUEST, serve((ctx, params: TimelineParams) => timeline(ctx, params)));
connection.onRequest(CONNECTIONS_REQUEST, serve((ctx, params: ConnectionsParams) => connections(ctx, params)));
connection.onRequest(ENTITY_ARTICLES_REQUEST, serve((ctx, params: EntityArticlesParams) => entityArticles(ctx, params)));

// ── refreshing what the editor shows when the index changes ─────────────────────────────────────────────────

/** Asks the client to fetch what it shows from the index again (the upkeep decides when). */
function refreshEditor(): void {
  const workspace = capabilities.workspace;
  if (workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => {});
  if (workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh().catch(() => {});
  if (workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => {});
  // The status carries the entity count, and tells the VS Code client's connections view to ask again.
  progress?.update(index.state());
}

documents.listen(connection);
connection.listen();
