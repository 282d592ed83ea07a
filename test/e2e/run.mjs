#!/usr/bin/env node
// `npm run test:e2e`: the real-editor tests. Installs what they need (scripts/install-e2e.sh: Debian packages and
// code-server in .cache/, nothing when all is there), builds, then runs the Neovim test and the code-server test —
// both, even when the first fails — and fails if either failed.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const run = (cmd, args) => spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit" }).status ?? 1;

if (run("bash", ["scripts/install-e2e.sh"]) !== 0) {
  console.log("test:e2e: scripts/install-e2e.sh failed: the real-editor tests could not run");
  process.exit(1);
}
if (run("npm", ["run", "build", "--silent"]) !== 0) {
  console.log("test:e2e: npm run build failed");
  process.exit(1);
}

const results = [];
for (const test of ["neovim", "code-server"]) {
  console.log(`\n== test/e2e/${test}.mjs`);
  const t0 = Date.now();
  const status = run(process.execPath, [join(ROOT, "test/e2e", `${test}.mjs`)]);
  results.push({ test, status, seconds: (Date.now() - t0) / 1000 });
}
console.log("");
for (const r of results) console.log(`test:e2e: ${r.test} ${r.status === 0 ? "passed" : `FAILED (exit ${r.status})`} in ${r.seconds.toFixed(0)} s`);
process.exitCode = results.every((r) => r.status === 0) ? 0 : 1;
