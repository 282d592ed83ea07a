// References streamed in batches over each transport the server speaks: stdio (other editors) and Node IPC (VS Code's
// client). Each batch is made once the one before has been written (server/src/transport.ts): the answer must come
// whole and in order all the same, and a cancelled request must still stop.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ReferencesRequest, type Location } from "vscode-languageserver-protocol/node";
import { REFERENCE_BATCH } from "../../server/src/handlers/references";
import { SEEDS, startServer, type TestServer } from "./lspClient";

/** Copies of the seed articles, so that "Blinken" has well over two batches of mentions. */
const COPIES = 30;
const started: TestServer[] = [];
afterAll(async () => {
  for (const server of started) await server.stop();
});

describe.each(["stdio", "ipc"] as const)("references over %s", (transport) => {
  test("come in batches of at least REFERENCE_BATCH, together the whole answer, in order", async () => {
    const server = await startServer(undefined, undefined, {
      transport,
      prepare: (folder) => {
        for (let i = 0; i < COPIES; i++) for (const name of SEEDS) cpSync(join(folder, name), join(folder, `copy${i}-${name}`));
      },
    });
    started.push(server);
    const articles = SEEDS.length * (COPIES + 1);
    await server.status((s) => s.state === "ready" && s.articles === articles);
    const name = SEEDS[3]!;
    const params = { textDocument: { uri: server.uri(name) }, position: server.positionOf(name, "Blinken in English", 0, 2), context: { includeDeclaration: true } };

    const whole = (await server.connection.sendRequest(ReferencesRequest.type, params))!;
    expect(whole.length).toBeGreaterThan(2 * REFERENCE_BATCH);
    const before = server.progress.length;
    const final = await server.connection.sendRequest(ReferencesRequest.type, { ...params, partialResultToken: `refs-${transport}` });
    expect(final).toEqual([]);
    const parts = (server.progress.slice(before) as { token: string; value: Location[] }[]).filter((p) => p.token === `refs-${transport}`);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts.slice(0, -1)) expect(part.value.length).toBeGreaterThanOrEqual(REFERENCE_BATCH);
    expect(parts.flatMap((p) => p.value)).toEqual(whole);
  }, 120_000);
});
