#!/usr/bin/env node
// `npm run test:vscode`: the mocha suite in test/vscode/suite/ inside desktop VS Code's extension host, with the
// extension loaded from this folder (--extensionDevelopmentPath) on a copy of samples/. @vscode/test-electron
// downloads VS Code into .cache/vscode-test/ (once per version; VSCODE_VERSION=1.91.1 tests the oldest supported
// VS Code, default: the latest stable).
//
// Exit codes: 0 all passed; 1 a test failed; 2 the suite could not run (VS Code could not be downloaded — offline,
// as on the CI machines — or no display): that is said plainly and is never a pass. On Linux without a display it
// reruns itself under `xvfb-run` when that is installed (apt-get install xvfb).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { downloadAndUnzipVSCode, runTests } from "@vscode/test-electron";
import * as esbuild from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const VERSION = process.env.VSCODE_VERSION || "stable";
const OUT = join(ROOT, "out/vscode-test");
const DATES = {
  "000_522416522264bb26.txt": "2023-02-03",
  "001_ab59fed4580a61f8.txt": "2023-06-15",
  "002_1194d7b2bb6911ef.txt": "2023-06-17",
  "003_81d969409292dfb7.txt": "2023-06-18",
  "004_7f26f9b57fc7a2c5.txt": "2023-06-14",
};

function couldNotRun(why) {
  console.log(`test:vscode could not run: ${why} — this is not a pass`);
  process.exit(2);
}
const oneLine = (e) => String(e?.message ?? e).replace(/\s+/g, " ").trim();

// 1. VS Code itself (first, so that an offline machine learns it at once).
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, cachePath: join(ROOT, ".cache/vscode-test"), timeout: 30_000 });
} catch (e) {
  couldNotRun(`VS Code could not be downloaded (${oneLine(e)})`);
}

// 2. A display: Electron needs one.
if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (spawnSync("xvfb-run", ["--help"], { stdio: "ignore" }).error) couldNotRun("no display (set DISPLAY, or apt-get install xvfb)");
  const again = spawnSync("xvfb-run", ["-a", process.execPath, fileURLToPath(import.meta.url)], { stdio: "inherit" });
  process.exit(again.status ?? 1);
}

// 3. The extension (dist/) and the suite (out/vscode-test/index.js + features.js; mocha and vscode stay external).
if (spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" }).status !== 0) {
  console.log("test:vscode: npm run build failed");
  process.exit(1);
}
rmSync(OUT, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { index: join(ROOT, "test/vscode/suite/index.ts"), features: join(ROOT, "test/vscode/suite/features.ts") },
  outdir: OUT,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  external: ["vscode", "mocha"],
  logLevel: "warning",
});

// 4. A per-run folder: the articles (with their dates as workspace settings), VS Code's profile, HOME/TMPDIR/XDG_*.
const run = mkdtempSync(join(tmpdir(), "article-lens-vscode-"));
const folder = join(run, "articles");
mkdirSync(join(folder, ".vscode"), { recursive: true });
for (const f of readdirSync(join(ROOT, "samples"))) cpSync(join(ROOT, "samples", f), join(folder, f));
writeFileSync(join(folder, ".vscode/settings.json"), JSON.stringify({ "articleLens.dates": DATES }, null, 2));
mkdirSync(join(run, "user/User"), { recursive: true });
writeFileSync(
  join(run, "user/User/settings.json"),
  JSON.stringify({ "telemetry.telemetryLevel": "off", "update.mode": "none", "workbench.startupEditor": "none", "extensions.autoUpdate": false }, null, 2),
);
for (const k of ["HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"]) {
  process.env[k] = join(run, k.toLowerCase());
  mkdirSync(process.env[k], { recursive: true, mode: 0o700 });
}
delete process.env.NODE_OPTIONS;

// 5. Run: VS Code exits with the suite's result.
let status = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(OUT, "index.js"),
    launchArgs: [folder, "--disable-extensions", "--user-data-dir", join(run, "user"), "--extensions-dir", join(run, "ext")],
  });
} catch (e) {
  console.log(`test:vscode: FAILED (${oneLine(e)})`);
  status = 1;
}
if (process.env.E2E_KEEP === "1") console.log(`== run folder kept: ${run}`);
else rmSync(run, { recursive: true, force: true });
if (status === 0) console.log("test:vscode: passed");
process.exitCode = status;
