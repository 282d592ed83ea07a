// The index follows the workspace: open documents' unsaved text, edits (debounced), closing, and files created,
// changed and deleted on disk while the server runs. Also: a cancelled request stops waiting and says so.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Location,
  type MarkupContent,
  type Position,
} from "vscode-languageserver-protocol/node";
import { eventually, SEED_DATES, SEEDS, startServer, type TestServer } from "./lspClient";

const S001 = SEEDS[1]!;
const S003 = SEEDS[3]!;

let server: TestServer;
beforeAll(async () => {
  // Edits wait "forever" for their debounced analysis until a test lowers this: requests must not complete early.
  server = await startServer({ dates: SEED_DATES, debounceMs: 600_000 });
  await server.status((s) => s.state === "ready" && s.articles === 5);
});
afterAll(() => server?.stop());

const hoverText = async (name: string, position: Position) =>
  ((await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: server.uri(name) }, position }))?.contents as MarkupContent | undefined)
    ?.value ?? "";
const blinkenFiles = async () => {
  const refs = (await server.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: server.uri(S003) },
    position: server.positionOf(S003, "Blinken in English", 0, 2),
    context: { includeDeclaration: true },
  })) as Location[];
  return new Set(refs.map((l) => l.uri.slice(l.uri.lastIndexOf("/") + 1)));
};
/** Sends a watched-file event and waits until the index holds `articles` articles and is idle again. */
const fileEvent = async (name: string, type: FileChangeType, articles: number) => {
  const since = server.statuses.length;
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: server.uri(name), type }] });
  if (type !== FileChangeType.Deleted) await server.status((s) => s.state === "indexing", since);
  const started = server.statuses.findIndex((s, i) => i >= since && (type === FileChangeType.Deleted || s.state === "indexing"));
  return server.status((s) => s.state === "ready" && s.articles === articles, started);
};

const EDITED = "Janet Yellen flies to Paris\n\nTreasury Secretary Janet Yellen arrived in Paris on Monday.\n";

test("an open document's unsaved text wins over the file on disk", async () => {
  await server.open(S001, EDITED);
  expect(await hoverText(S001, { line: 2, character: 25 })).toMatch(/^\*\*Janet Yellen\*\* · person/);
  expect(await blinkenFiles()).not.toContain(S001);
});

test("a request waiting for an edit's debounced analysis stops when cancelled, with RequestCancelled", async () => {
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: server.uri(S001), version: 2 },
    contentChanges: [{ text: `Antony Blinken in Beijing\n\n${EDITED}` }],
  });
  const source = new CancellationTokenSource();
  const request = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: server.uri(S001) }, position: { line: 0, character: 2 } }, source.token);
  source.cancel();
  await expect(request).rejects.toMatchObject({ code: LSPErrorCodes.RequestCancelled });
});

test("edits are analysed once typing pauses, and requests see the new text", async () => {
  server.settings = { ...server.settings, debounceMs: 20 };
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: server.uri(S001), version: 3 },
    contentChanges: [{ text: `${EDITED}Secretary of State Antony Blinken arrived in Beijing.\n` }],
  });
  // The configuration change and the edit are notifications: the hover is answered once both took effect.
  await eventually(async () => expect(await hoverText(S001, { line: 3, character: 22 })).toMatch(/^\*\*Antony Blinken\*\* · person/));
  expect(await blinkenFiles()).toContain(S001);
});

test("closing the document without saving brings back the file on disk", async () => {
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: server.uri(S001) } });
  // Line 2 of the file on disk starts "U.S. Secretary of State Antony Blinken travels…".
  const onDisk = server.positionOf(S001, "Antony Blinken", 0, 3);
  expect(await hoverText(S001, onDisk)).toMatch(/^\*\*Antony Blinken\*\* · person/);
  expect(await hoverText(S001, { line: 2, character: 25 })).not.toContain("Janet Yellen** · person");
});

test("a file created, changed and deleted while the server runs is indexed, re-read and forgotten", async () => {
  const name = "005_new.txt";
  const path = join(server.folder, name);
  writeFileSync(path, "Blinken meets Wang Yi\n\nSecretary of State Antony Blinken met Wang Yi in Beijing on Sunday.\n");
  await fileEvent(name, FileChangeType.Created, 6);
  expect(await blinkenFiles()).toContain(name);

  writeFileSync(path, "Raimondo goes to Warsaw\n\nCommerce Secretary Gina Raimondo met Marta Kowalczyk in Warsaw on Tuesday.\n");
  await fileEvent(name, FileChangeType.Changed, 6);
  expect(await blinkenFiles()).not.toContain(name);
  const symbols = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "Kowalczyk" })) as { name: string; location: Location }[];
  expect(symbols.map((s) => [s.name, s.location.uri])).toEqual([["Marta Kowalczyk", server.uri(name)]]);

  rmSync(path);
  await fileEvent(name, FileChangeType.Deleted, 5);
  expect(await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "Kowalczyk" })).toEqual([]);
});

test("settings: an excluded file leaves the index, a new article date re-resolves that article's dates", async () => {
  const S004 = SEEDS[4]!;
  let since = server.statuses.length;
  server.settings = { ...server.settings, exclude: [S004] };
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await server.status((s) => s.state === "ready" && s.articles === 4, since);
  expect(await blinkenFiles()).not.toContain(S004);

  since = server.statuses.length;
  server.settings = { ...server.settings, exclude: [], dates: { ...SEED_DATES, [S003]: "2023-06-25" } };
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await server.status((s) => s.state === "indexing", since);
  const started = server.statuses.findIndex((s, i) => i >= since && s.state === "indexing");
  await server.status((s) => s.state === "ready" && s.articles === 5, started);
  expect(await blinkenFiles()).toContain(S004);
  const hints = (await server.connection.sendRequest(InlayHintRequest.type, {
    textDocument: { uri: server.uri(S003) },
    range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } },
  }))!;
  const afterSunday = server.positionOf(S003, "Sunday", 0, "Sunday".length);
  expect(hints.find((h) => h.position.line === afterSunday.line && h.position.character === afterSunday.character)?.label).toBe("2023-06-25");
});
