// The VS Code side of Article Lens, kept thin: start the bundled language server, pass it the articles, and turn
// its few custom messages into commands and a status bar item. Every feature lives in the server, so other
// editors get the same through the standard protocol. Nothing here ever writes to an article.
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type DocumentSelector,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import {
  COMMANDS,
  DEFAULT_SETTINGS,
  LANGUAGE_ID,
  LINKED_ARTICLES_REQUEST,
  NEXT_MENTION_REQUEST,
  SERVER_EXEC_ARGV,
  SETTINGS_SECTION,
  STATUS_NOTIFICATION,
  TIMELINE_REQUEST,
  type LinkedArticle,
  type MentionLocation,
  type NextMentionParams,
  type StatusParams,
  type TimelineParams,
  type TimelineResult,
} from "../../server/src/protocol";
import { ConnectionsView } from "./connections";
import { showTimelinePanel } from "./timeline";

/** The Explorer view of what connects the active article to the folder (package.json contributes it). */
const CONNECTIONS_VIEW = "articleLens.connections";

/** A server that crashes this often within the window is left stopped (and says so) instead of looping. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Article Lens", { log: true });
  const status = vscode.window.createStatusBarItem("articleLens.status", vscode.StatusBarAlignment.Left, 10);
  status.name = "Article Lens";
  status.command = COMMANDS.showOutput;
  status.text = "$(book) Article Lens";
  status.show();
  context.subscriptions.push(output, status);

  const connections = new ConnectionsView(() => client);
  const start = async () => {
    client = createClient(context, output);
    client.onNotification(STATUS_NOTIFICATION, (s: StatusParams) => {
      showStatus(status, s);
      connections.refresh();
    });
    await client.start();
    connections.refresh();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.nextMention, () => goToMention("next")),
    vscode.commands.registerCommand(COMMANDS.previousMention, () => goToMention("previous")),
    vscode.commands.registerCommand(COMMANDS.showLinkedArticles, showLinkedArticles),
    vscode.commands.registerCommand(COMMANDS.showTimeline, showTimeline),
    connections,
    vscode.window.registerTreeDataProvider(CONNECTIONS_VIEW, connections),
    vscode.window.onDidChangeActiveTextEditor(() => connections.refresh()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await client?.dispose().catch(() => {});
      await start();
    }),
    // The document selector is built from `articleLens.files` once: a new value needs a new client.
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.files`)) await vscode.commands.executeCommand(COMMANDS.restartServer);
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, "--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    errorHandler: restartWithLimit(output),
    // Hover cards quote article text: render it, never run it; the one command a card may link to is the timeline.
    markdown: { isTrusted: { enabledCommands: [COMMANDS.showTimeline] }, supportHtml: false },
    // The analysis cache lives in the extension's storage for this workspace (never next to the articles).
    initializationOptions: { cacheDir: (context.storageUri ?? context.globalStorageUri).fsPath, commandLinks: [COMMANDS.showTimeline] },
  };
  return new LanguageClient("articleLens", "Article Lens", serverOptions, clientOptions);
}

/**
 * The `article` language plus every `articleLens.files` pattern. VS Code matches a selector's pattern against the
 * whole path, so a workspace-relative pattern is widened to any folder; the server, which knows the workspace
 * folders and `articleLens.exclude`, has the last word on what is an article and answers nothing for the rest.
 */
function documentSelector(): DocumentSelector {
  const files = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>("files", DEFAULT_SETTINGS.files);
  return [
    { language: LANGUAGE_ID },
    ...files.map((pattern) => ({ scheme: "file", pattern: pattern.startsWith("**/") || pattern.startsWith("/") ? pattern : `**/${pattern}` })),
  ];
}

function restartWithLimit(output: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length <= MAX_RESTARTS) {
        output.warn(`The Article Lens server stopped; restarting (${crashes.length}/${MAX_RESTARTS}).`);
        return { action: CloseAction.Restart, handled: true };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: `The Article Lens server crashed ${crashes.length} times in 3 minutes and was not restarted. See the output for why, then run “Article Lens: Restart Server”.`,
      };
    },
  };
}

function showStatus(item: vscode.StatusBarItem, s: StatusParams): void {
  if (s.state === "indexing" && s.pass === "first") {
    item.text = `$(sync~spin) Articles ${s.done}/${s.total}`;
    item.tooltip = `Article Lens is indexing: ${s.done} of ${s.total} steps done. Hovers and links answer from what is indexed so far.`;
  } else if (s.state === "indexing") {
    item.text = `$(sync~spin) ${s.articles} articles, refining`;
    item.tooltip = `Article Lens has linked all ${s.articles} articles with a quick pass and is now analysing them in full (${s.done}/${s.total}).`;
  } else {
    item.text = `$(book) ${s.articles} articles`;
    item.tooltip = `Article Lens: ${s.articles} articles, ${s.entities} people, places and organisations. Click for the log.`;
  }
}

/** Next / previous mention of the entity under the cursor, opening the next article when this one has no more. */
async function goToMention(direction: NextMentionParams["direction"]): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || client?.state !== State.Running) return;
  const params: NextMentionParams = {
    textDocument: { uri: editor.document.uri.toString() },
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    direction,
  };
  const target = await client.sendRequest<MentionLocation | null>(NEXT_MENTION_REQUEST, params);
  if (!target) {
    vscode.window.setStatusBarMessage("Article Lens: no name under the cursor", 3000);
    return;
  }
  const range = client.protocol2CodeConverter.asRange(target.range);
  await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection: range });
  vscode.window.setStatusBarMessage(`${target.name}: mention ${target.index} of ${target.count}`, 3000);
}

/**
 * The articles linked to this one (sharing people, places or organisations), in the references peek view.
 * Called by the headline's code lens with (uri, position), or from the command palette for the active editor.
 */
async function showLinkedArticles(uri?: string, position?: { line: number; character: number }): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const target = uri ?? editor?.document.uri.toString();
  if (!target || client?.state !== State.Running) return;
  const linked = await client.sendRequest<LinkedArticle[]>(LINKED_ARTICLES_REQUEST, { textDocument: { uri: target } });
  if (linked.length === 0) {
    vscode.window.setStatusBarMessage("Article Lens: no other article shares a name with this one", 3000);
    return;
  }
  const locations = linked.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), client!.protocol2CodeConverter.asRange(l.range)));
  const at = position ? new vscode.Position(position.line, position.character) : (editor?.selection.active ?? new vscode.Position(0, 0));
  await vscode.commands.executeCommand("editor.action.showReferences", vscode.Uri.parse(target), at, locations);
}

/**
 * The timeline panel of an entity: the one a hover card's link names (`{ entity: id }`) or the connections view's
 * item (`{ entity: { id } }`), else the name under the cursor (command palette, editor context menu).
 */
async function showTimeline(arg?: { entity?: string | { id?: unknown } }): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (client?.state !== State.Running) return;
  const id = typeof arg?.entity === "string" ? arg.entity : arg?.entity?.id;
  let params: TimelineParams;
  if (typeof id === "string") params = { entity: id };
  else if (editor) params = { textDocument: { uri: editor.document.uri.toString() }, position: client.code2ProtocolConverter.asPosition(editor.selection.active) };
  else return;
  const result = await client.sendRequest<TimelineResult | null>(TIMELINE_REQUEST, params);
  if (!result) {
    vscode.window.setStatusBarMessage("Article Lens: no name under the cursor", 3000);
    return;
  }
  showTimelinePanel(result, (entity, offset) =>
    client?.state === State.Running ? client.sendRequest<TimelineResult | null>(TIMELINE_REQUEST, { entity, offset } satisfies TimelineParams) : Promise.resolve(null),
  );
}
