// The shape of the code, checked: the engine is reached only through its public face (server/src/engine/index.ts, and
// server/src/engine/analyze.ts for the analysis itself),
// so it stays a library the server, the CLI, the bench and the tests use alike, free to change inside. Its own unit
// tests (test/engine/) and its build tools (scripts/: gazetteers, the typer's training) are its inside.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";

const ROOT = join(__dirname, "..");
const OUTSIDE = ["server/src", "client/src", "bench", "test"];
const INSIDE = ["server/src/engine", "test/engine"];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (INSIDE.includes(path) || entry.name === "node_modules") return [];
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Module specifiers an import, export or require names that point inside the engine (not at its index or analyze). */
function deepEngineImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.filter((s) => /(^|\/)engine\/(?!(index|analyze)(\.ts)?$)[^/]/.test(s));
}

test("nothing outside the engine imports a module inside it: only server/src/engine/index.ts and analyze.ts", () => {
  const files = OUTSIDE.flatMap(sources);
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.flatMap((file) => deepEngineImports(file).map((s) => `${relative(ROOT, join(ROOT, file))}: ${s}`));
  expect(offenders).toEqual([]);
});

test("the check sees a deep import when there is one", () => {
  expect(deepEngineImports("test/engine/corpus.test.ts").length + deepEngineImports("scripts/train-typer.ts").length).toBeGreaterThan(0);
});
