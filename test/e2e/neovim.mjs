#!/usr/bin/env node
// Runs test/e2e/neovim.lua: Neovim (headless, no config) as an LSP client of dist/server.js --stdio, on a temp copy
// of samples/, with HOME, TMPDIR and XDG_* in a per-run folder (Neovim writes its LSP log under XDG_CACHE_HOME).
// Needs `nvim` (scripts/install-e2e.sh) and a built dist/ (npm run build). Prints `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const fail = (message) => {
  console.log(`neovim: ${message}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
};
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
if (nvim.status !== 0) fail("nvim not found — run scripts/install-e2e.sh (apt: neovim)");
if (!existsSync(join(ROOT, "dist/server.js"))) fail("dist/server.js missing — run npm run build");

const run = mkdtempSync(join(tmpdir(), "article-lens-nvim-"));
const keep = process.env.E2E_KEEP === "1";
try {
  const folder = join(run, "articles");
  mkdirSync(folder);
  for (const f of readdirSync(join(ROOT, "samples"))) cpSync(join(ROOT, "samples", f), join(folder, f));
  const env = { ...process.env, ARTICLE_LENS_ROOT: ROOT, ARTICLE_LENS_FOLDER: folder };
  for (const k of ["HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"]) {
    env[k] = join(run, k.toLowerCase());
    mkdirSync(env[k], { recursive: true, mode: 0o700 });
  }
  console.log(`== ${nvim.stdout.split("\n")[0]}, server ${join(ROOT, "dist/server.js")} --stdio`);
  const r = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(ROOT, "test/e2e/neovim.lua")}`], {
    env,
    cwd: folder,
    encoding: "utf8",
    timeout: 120_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  process.stdout.write(r.stdout ?? "");
  const counted = /^\d+ passed, \d+ failed$/m.test(r.stdout ?? "");
  if (r.status !== 0 || !counted) {
    if (r.stderr) process.stdout.write(`-- nvim stderr --\n${r.stderr}\n`);
    if (r.error) console.log(`neovim: ${r.error.message}`);
    if (!counted) console.log("0 passed, 1 failed");
    process.exitCode = 1;
  }
} finally {
  if (!keep) rmSync(run, { recursive: true, force: true });
}
