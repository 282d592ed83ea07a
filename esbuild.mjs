// Bundles the three entry points into dist/. The server and the CLI are self-contained
// (compromise, chrono-node and the LSP libraries inside), so the .vsix ships no node_modules.
import * as esbuild from "esbuild";

const watch = process.argv.includes("--watch");
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
};

const builds = [
  { ...common, entryPoints: { cli: "server/src/cli.ts" }, outdir: "dist", banner: { js: "#!/usr/bin/env node" } },
  { ...common, entryPoints: { server: "server/src/server.ts", worker: "server/src/worker.ts" }, outdir: "dist" },
  { ...common, entryPoints: { client: "client/src/extension.ts" }, outdir: "dist", external: ["vscode"] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
