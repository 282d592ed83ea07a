// What the editor shows is asked for again when the index changes: a code lens computed while the folder was being
// indexed, or before an edit, must not keep counting what is no longer so.
import { afterAll, beforeAll, expect, test } from "vitest";
import { CodeLensRequest, DidChangeTextDocumentNotification } from "vscode-languageserver-protocol/node";
import { eventually, SEEDS, startServer, type TestServer } from "./lspClient";

const S003 = SEEDS[3]!;
let server: TestServer;

beforeAll(async () => {
  server = await startServer(undefined, undefined, { refreshSupport: true });
});
afterAll(() => server.stop());

const lens = async () => (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: server.uri(S003) } }))?.[0]?.command?.title ?? "";

test("the server asks for lenses, hints and colours again once the folder's identities settle, and the lens then counts the links", async () => {
  await server.open(S003);
  await server.status((s) => s.state === "ready" && s.articles === 5);
  const ready = server.statuses.findIndex((s) => s.state === "ready" && s.articles === 5);
  await eventually(async () => {
    const after = server.refreshes.filter((r) => r.afterStatuses > ready).map((r) => r.method);
    expect(after).toEqual(expect.arrayContaining(["workspace/codeLens/refresh", "workspace/inlayHint/refresh", "workspace/semanticTokens/refresh"]));
  });
  expect(await lens()).toMatch(/· linked to 4 articles$/);
});

test("an edit that drops every shared name asks for the lens again, which then says so", async () => {
  const before = server.refreshes.length;
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: server.uri(S003), version: 2 },
    contentChanges: [{ text: "A quiet day\n\nNothing happened in Zorbaxia on Tuesday, said Lumo Vask.\n" }],
  });
  await eventually(async () => expect(server.refreshes.slice(before).map((r) => r.method)).toContain("workspace/codeLens/refresh"));
  await eventually(async () => expect(await lens()).toMatch(/· linked to 0 articles$/));
  // With the refresh comes a status (what the VS Code client's connections view asks again on), counting the entities now.
  const refreshed = server.refreshes.slice(before).find((r) => r.method === "workspace/codeLens/refresh")!;
  await eventually(async () => expect(server.statuses.length).toBeGreaterThan(refreshed.afterStatuses));
  expect(server.statuses.at(-1)).toMatchObject({ state: "ready", articles: 5 });
});
