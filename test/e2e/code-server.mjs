#!/usr/bin/env node
// The extension as a user meets it: packaged (.vsix), installed into a fresh profile of code-server (the real VS Code
// 1.100 with its real extension host, served to a browser), a copy of samples/ opened, driven through Debian's Chromium
// with a real mouse and keyboard (playwright-core, never `playwright`). Each step saves screenshots to
// test-results/screenshots/ (ignored by git, so a test run leaves the checkout clean: 1-hover, 2-hover-link,
// 3-link-opened, 4-definition, 5-inlay-hint, 6-outline, 7-timeline, 8-connections); `npm run screenshots` saves them to docs/screenshots/ for the
// README instead. A failed step saves the screen to test-results/code-server/.
//
//   node test/e2e/code-server.mjs            # packages, installs code-server if needed, runs every step
//   node test/e2e/code-server.mjs --screenshots DIR   # where the steps' screenshots go
//   E2E_VSIX=path.vsix node test/e2e/...     # use this .vsix instead of `npm run package`
//   E2E_KEEP=1                               # keep the per-run folder (profile, logs) for a look afterwards
//   E2E_HEADED=1                             # show the browser (needs a display)
//
// Everything the run writes (HOME, TMPDIR, XDG_*, code-server profile, Chromium profile, the articles) is in one
// per-run temp folder; code-server runs in its own session (setsid) and its whole process group is killed at the end,
// also on failure or Ctrl-C. Prints the standard `N passed, N failed`; exits non-zero on any failure.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CODE_SERVER_VERSION = "4.100.3";
const CODE_SERVER = join(ROOT, ".cache/code-server/node_modules/.bin/code-server");
const CHROMIUM = process.env.CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const SHOTS_FLAG = process.argv.indexOf("--screenshots");
const SHOTS = resolve(ROOT, SHOTS_FLAG > 0 ? process.argv[SHOTS_FLAG + 1] : "test-results/screenshots");
const FAILURES = join(ROOT, "test-results/code-server");
const VIEWPORT = { width: 1280, height: 760 };

const S000 = "000_522416522264bb26.txt";
const S001 = "001_ab59fed4580a61f8.txt";
const S002 = "002_1194d7b2bb6911ef.txt";
const S003 = "003_81d969409292dfb7.txt";
const S004 = "004_7f26f9b57fc7a2c5.txt";
const DATES = { [S000]: "2023-02-03", [S001]: "2023-06-15", [S002]: "2023-06-17", [S003]: "2023-06-18", [S004]: "2023-06-14" };
const HEADLINES = {
  [S000]: "Blinken’s Assembly With Xi Jinping",
  [S001]: "Blinken visits Beijing to soothe",
  [S002]: "Blinken set for high-stakes China",
  [S003]: "Blinken in China for rare trip",
  [S004]: "Blinken Plans to Meet With Top",
};
/** The hover card's “Also in” section (up to “Often with”), or "" when it has none. */
function alsoIn(card) {
  const at = card.indexOf("Also in");
  if (at < 0) return "";
  const end = card.indexOf("Often with", at);
  return card.slice(at, end < 0 ? undefined : end);
}
/** The card on Blinken in 003 lists all four other articles (until indexing reaches them, it lists fewer). */
const listsOtherArticles = (card) => [S000, S001, S002, S004].every((a) => alsoIn(card).includes(HEADLINES[a]));
/** A Blinken mention starts here (a position the editor reports, 1-based line/column, on the text of that line). */
const BLINKEN_AT = /^(Antony (J\. )?|Secretary |Mr\. )?Blinken/;

let passed = 0;
let failed = 0;
const log = (s) => console.log(s);

// ── processes: code-server in its own process group, killed whole at the end ──────────────────────────────────────
let serverGroup = 0;
let stopping = false;
function killGroup(signal) {
  if (!serverGroup) return;
  try {
    process.kill(-serverGroup, signal);
  } catch {
    /* already gone */
  }
}
function groupAlive() {
  try {
    process.kill(-serverGroup, 0);
    return true;
  } catch {
    return false;
  }
}
async function stopServer() {
  if (!serverGroup) return;
  stopping = true;
  killGroup("SIGTERM");
  for (let i = 0; i < 50 && groupAlive(); i++) await sleep(100);
  if (groupAlive()) killGroup("SIGKILL");
  serverGroup = 0;
}
process.on("exit", () => killGroup("SIGKILL"));
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    killGroup("SIGKILL");
    console.log(`interrupted (${sig})`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

// ── setup ─────────────────────────────────────────────────────────────────────────────────────────────────────────
function fatal(message) {
  log(`code-server e2e: ${message}`);
  log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}

function ensureCodeServer() {
  let version = "";
  try {
    version = JSON.parse(readFileSync(join(ROOT, ".cache/code-server/node_modules/code-server/package.json"), "utf8")).version;
  } catch {
    /* not installed */
  }
  if (version === CODE_SERVER_VERSION && existsSync(CODE_SERVER)) return;
  log(`== code-server ${CODE_SERVER_VERSION} not in .cache/: installing (scripts/install-e2e.sh --code-server-only)`);
  const r = spawnSync("bash", [join(ROOT, "scripts/install-e2e.sh"), "--code-server-only"], { stdio: "inherit" });
  if (r.status !== 0) fatal("could not install code-server (see above)");
}

/** Builds and packages the extension (`npm run package` writes <name>-<version>.vsix in the root) unless E2E_VSIX is set. */
function packageVsix() {
  if (process.env.E2E_VSIX) return resolve(process.env.E2E_VSIX);
  const { name, version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const vsix = join(ROOT, `${name}-${version}.vsix`);
  const started = Date.now() - 1000;
  log("== npm run package");
  const r = spawnSync("npm", ["run", "package", "--silent"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.status !== 0) fatal(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  if (!existsSync(vsix) || statSync(vsix).mtimeMs < started) fatal(`npm run package wrote no fresh ${vsix}:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

/**
 * What the extension page shows comes from the package: its README's images must be in it (relative links resolve
 * inside the .vsix), with the icon, the CHANGELOG and the notices; source maps and the sources stay out.
 */
function checkPackage(vsix) {
  const t0 = Date.now();
  const name = "the .vsix holds the README's images and linked files, the icon, the CHANGELOG and the notices, and no source maps";
  try {
    const list = spawnSync("python3", ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print('\\n'.join(z.namelist())); sys.stdout.write('\\0' + z.read('extension/readme.md').decode('utf8'))", vsix], { encoding: "utf8" });
    if (list.status !== 0) throw new Error(`could not read ${vsix}: ${list.stderr}`);
    const [names, readme] = list.stdout.split("\0");
    const files = new Set(names.split("\n").filter(Boolean));
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    if (images.length < 8) throw new Error(`the packaged README shows ${images.length} images, expected the eight screenshots`);
    // Every relative link (an image or a file, such as the Neovim snippet) must resolve inside the package.
    const linked = [...readme.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)].map((m) => m[1]).filter((src) => !/^[a-z][a-z0-9+.-]*:/i.test(src));
    const missing = [...new Set([...images, ...linked])].filter((src) => !/^https?:/.test(src) && !files.has(`extension/${src}`));
    if (missing.length) throw new Error(`files the packaged README links to are not in the package: ${missing.join(", ")}`);
    const manifest = JSON.parse(spawnSync("python3", ["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('extension/package.json').decode('utf8'))", vsix], { encoding: "utf8" }).stdout);
    for (const want of [`extension/${manifest.icon}`, "extension/changelog.md", "extension/dist/gazetteers/NOTICE.md", "extension/dist/typer-model.md"]) {
      if (!files.has(want)) throw new Error(`${want} is not in the package`);
    }
    const unwanted = [...files].filter((f) => f.endsWith(".map") || f.startsWith("extension/server/src/") || f.startsWith("extension/node_modules/"));
    if (unwanted.length) throw new Error(`the package holds files it should not: ${unwanted.slice(0, 5).join(", ")}`);
    passed++;
    log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    log(`FAIL ${name}\n     ${String(e?.message ?? e)}`);
  }
}

function isolatedEnv(run) {
  const env = { ...process.env };
  for (const k of ["HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"]) {
    env[k] = join(run, k.toLowerCase());
    mkdirSync(env[k], { recursive: true, mode: 0o700 });
  }
  // The extension host must not inherit a debugger or this runner's Node options.
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

function writeSettings(run, folder) {
  const user = {
    "workbench.startupEditor": "none",
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "security.workspace.trust.enabled": false,
    "chat.commandCenter.enabled": false,
    "window.commandCenter": false,
    "editor.hover.delay": 100,
    "editor.cursorBlinking": "solid",
    "editor.hover.sticky": true,
    "editor.minimap.enabled": false,
    "editor.wordWrap": "on",
    "editor.inlayHints.enabled": "on",
    "editor.gotoLocation.multipleDefinitions": "goto",
    "outline.collapseItems": "alwaysCollapse",
    "git.enabled": false,
  };
  mkdirSync(join(run, "user/User"), { recursive: true });
  writeFileSync(join(run, "user/User/settings.json"), JSON.stringify(user, null, 2));
  // The seed articles state no date: the workspace says which date each has. Timelines come 20 entries at a time, so
  // Blinken's (48) needs the panel's "Show the next" button.
  mkdirSync(join(folder, ".vscode"), { recursive: true });
  writeFileSync(join(folder, ".vscode/settings.json"), JSON.stringify({ "articleLens.dates": DATES, "articleLens.timeline.maxEntries": 20 }, null, 2));
}

// ── page helpers ──────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * Screen box of `phrase` (+ `shift` characters, `length` characters long) in the active editor's rendered lines.
 * Monaco splits a line into several spans and a wrapped line into several view lines: walk the text nodes of the
 * visible lines (top to bottom), find the phrase in their concatenation, and take a DOM Range's box at the offset.
 */
async function boxOf(page, phrase, shift = 0, length = 1) {
  return page.evaluate(
    ({ phrase, shift, length }) => {
      const editor = document.querySelector(".editor-group-container.active .monaco-editor") ?? document.querySelector(".monaco-editor");
      if (!editor) return null;
      const lines = [...editor.querySelectorAll(".view-lines .view-line")].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      const nodes = [];
      let text = "";
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n, start: text.length });
          text += n.nodeValue.replace(/\u00a0/g, " ");
        }
      }
      const at = text.indexOf(phrase);
      if (at < 0) return null;
      const from = at + shift;
      const to = from + length;
      const locate = (offset) => {
        for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i].start <= offset) return [nodes[i].node, Math.min(offset - nodes[i].start, nodes[i].node.nodeValue.length)];
        return null;
      };
      const [sn, so] = locate(from);
      const [en, eo] = locate(to - 1);
      const range = document.createRange();
      range.setStart(sn, so);
      range.setEnd(en, eo + 1);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    { phrase, shift, length },
  );
}

/** The rendered text of the active editor's visible lines, top to bottom (view lines joined). */
async function editorText(page) {
  return page.evaluate(() => {
    const editor = document.querySelector(".editor-group-container.active .monaco-editor") ?? document.querySelector(".monaco-editor");
    if (!editor) return "";
    return [...editor.querySelectorAll(".view-lines .view-line")]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => l.textContent.replace(/\u00a0/g, " "))
      .join("\n");
  });
}

async function openFile(page, name) {
  // A click on its row in the Explorer, as a user would.
  const tab = page.locator(".tabs-container .tab.active", { hasText: name });
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name });
  await row.first().click({ timeout: 30_000 });
  await tab.first().waitFor({ timeout: 30_000 });
  await page.locator(".editor-group-container.active .monaco-editor .view-line").first().waitFor({ timeout: 30_000 });
}

/** Moves the mouse onto `phrase`(+shift) until a hover appears whose text passes `ok`; retries while the server indexes. */
async function hoverUntil(page, phrase, shift, ok, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    const box = await boxOf(page, phrase, shift, 3);
    if (box) {
      const hover = page.locator(".monaco-editor .monaco-hover:visible, .monaco-hover.workbench-hover:visible").first();
      // Close the previous card first: VS Code keeps a card open (with its old text) while the mouse comes back to
      // the same word, so a card shown mid-indexing would never be asked for again.
      await page.mouse.move(VIEWPORT.width - 20, VIEWPORT.height - 60);
      await page.keyboard.press("Escape").catch(() => {});
      await hover.waitFor({ state: "hidden", timeout: 3000 }).catch(() => {});
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      try {
        await hover.waitFor({ state: "visible", timeout: 4000 });
        await sleep(300);
        last = (await hover.innerText()).trim();
        if (ok(last)) return { hover, text: last };
      } catch {
        /* no hover yet */
      }
    }
    await sleep(1000);
  }
  throw new Error(`no hover on “${phrase}” passing the check within ${timeoutMs / 1000} s; last hover text:\n${last || "(none)"}`);
}

/** Wheels a hover card (it scrolls) until `link` inside it is in view. */
async function scrollIntoCard(page, hover, link) {
  const card = await hover.boundingBox();
  await page.mouse.move(card.x + card.width / 2, card.y + 10);
  for (let i = 0; i < 30; i++) {
    const box = await link.boundingBox();
    if (box && box.y >= card.y && box.y + box.height <= card.y + card.height) return;
    await page.mouse.wheel(0, 60);
    await sleep(150);
  }
}

/** The pids of this run's Article Lens language servers (node …/ext/<extension>/dist/server.js), from /proc. */
function languageServers(run) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let args = "";
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    if (args.includes(join(run, "ext")) && args.includes("dist/server.js")) pids.push(Number(entry));
  }
  return pids;
}

/** Everything the "Article Lens" output channel logged in this run (VS Code writes each log channel to a file). */
function outputLog(run) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith("Article Lens.log")) found.push(path);
    }
  };
  walk(join(run, "user/logs"));
  return found.map((f) => readFileSync(f, "utf8")).join("\n");
}

async function waitFor(check, timeoutMs, why) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(why());
    await sleep(500);
  }
}

/** The cursor position the status bar shows ("Ln 3, Col 25") → { line, column }, 1-based. */
async function cursorPosition(page) {
  const text = await page.locator('[id="status.editor.selection"]').first().innerText({ timeout: 10_000 });
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  if (!m) throw new Error(`status bar shows no cursor position: “${text}”`);
  return { line: Number(m[1]), column: Number(m[2]) };
}

async function activeFileName(page) {
  const label = await page.locator(".tabs-container .tab.active").first().getAttribute("aria-label", { timeout: 10_000 });
  return (label ?? "").split(",")[0].trim();
}

/** The article text from the cursor on (1-based line/column, no tabs in the seeds). */
function textAtCursor(folder, name, { line, column }) {
  const lines = readFileSync(join(folder, name), "utf8").split("\n");
  return (lines[line - 1] ?? "").slice(column - 1);
}

/** Saves the screen to SHOTS once the active editor shows its code lens (the same picture every run). */
async function shot(page, file) {
  await page
    .locator(".editor-group-container.active .monaco-editor .codelens-decoration")
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, file), type: "png" });
}

// ── the run ───────────────────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  if (!CHROMIUM) fatal("no Chromium at /usr/bin/chromium — run scripts/install-e2e.sh (apt: chromium)");
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (e) {
    fatal(`playwright-core missing (npm ci): ${e.message}`);
  }
  ensureCodeServer();
  const vsix = packageVsix();
  log(`== vsix ${vsix}`);
  checkPackage(vsix);

  const run = mkdtempSync(join(tmpdir(), "article-lens-cs-"));
  const keep = process.env.E2E_KEEP === "1";
  const env = isolatedEnv(run);
  const folder = join(run, "articles");
  mkdirSync(folder);
  for (const f of readdirSync(join(ROOT, "samples"))) cpSync(join(ROOT, "samples", f), join(folder, f));
  writeSettings(run, folder);
  const profile = ["--user-data-dir", join(run, "user"), "--extensions-dir", join(run, "ext")];

  let context;
  try {
    const installed = spawnSync(CODE_SERVER, [...profile, "--install-extension", vsix], { env, encoding: "utf8", timeout: 120_000 });
    if (installed.status !== 0) throw new Error(`--install-extension failed:\n${installed.stdout}\n${installed.stderr}`);
    const listed = execFileSync(CODE_SERVER, [...profile, "--list-extensions", "--show-versions"], { env, encoding: "utf8" });
    log(`== installed: ${listed.trim().split("\n").join(", ")}`);

    const port = await freePort();
    const serverLog = join(run, "code-server.log");
    const out = openSync(serverLog, "a");
    // detached: the child calls setsid(), so it leads a new session and process group (its pid is the group id).
    const child = spawn(
      CODE_SERVER,
      [
        "--bind-addr", `127.0.0.1:${port}`,
        "--auth", "none",
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        "--disable-file-downloads",
        ...profile,
        folder,
      ],
      { env, cwd: run, detached: true, stdio: ["ignore", out, out] },
    );
    serverGroup = child.pid;
    child.on("exit", (code, signal) => {
      if (!stopping) log(`code-server exited early (${code ?? signal}); log: ${serverLog}`);
    });
    const healthDeadline = Date.now() + 60_000;
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > healthDeadline) throw new Error(`code-server did not answer /healthz in 60 s:\n${readFileSync(serverLog, "utf8")}`);
      await sleep(250);
    }
    log(`== code-server ${CODE_SERVER_VERSION} on 127.0.0.1:${port}, profile ${run}`);

    context = await chromium.launchPersistentContext(join(run, "chromium"), {
      executablePath: CHROMIUM,
      headless: process.env.E2E_HEADED !== "1",
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      env,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: S003 }).first().waitFor({ timeout: 60_000 });

    const step = async (name, file, fn) => {
      const t0 = Date.now();
      try {
        await fn();
        passed++;
        log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        log(`FAIL ${name}\n     ${String(e?.message ?? e).split("\n").slice(0, 80).join("\n     ")}`);
        mkdirSync(FAILURES, { recursive: true });
        await page.screenshot({ path: join(FAILURES, file) }).catch(() => {});
        log(`     screenshot: ${join(FAILURES, file)}`);
      }
      await page.keyboard.press("Escape").catch(() => {});
    };

    await step("hover on “Blinken” in 003 shows the card listing the four other articles", "1-hover.png", async () => {
      await openFile(page, S003);
      // The complete card: all four other articles listed and indexing over (no “Still indexing …” note).
      const done = (t) => listsOtherArticles(t) && !/Still indexing|full analysis under way/.test(t);
      const { text } = await hoverUntil(page, "Qin asking Blinken", "Qin asking ".length, done);
      if (!text.includes("Antony Blinken")) throw new Error(`hover names no Antony Blinken:\n${text}`);
      if (alsoIn(text).includes(HEADLINES[S003])) throw new Error(`“Also in” lists the article it is in:\n${alsoIn(text)}`);
      await shot(page, "1-hover.png");
    });

    await step("a link in the hover card opens another article at a Blinken mention", "2-hover-link.png", async () => {
      await openFile(page, S003);
      const { hover } = await hoverUntil(page, "Qin asking Blinken", "Qin asking ".length, listsOtherArticles);
      // The “Also in” link to 001 (the card's last link with its headline); the card scrolls: wheel it into view.
      const link = hover.locator("a", { hasText: HEADLINES[S001] }).last();
      await scrollIntoCard(page, hover, link);
      await shot(page, "2-hover-link.png");
      await link.click();
      await page.locator(".tabs-container .tab.active", { hasText: S001 }).first().waitFor({ timeout: 15_000 });
      await sleep(500);
      const pos = await cursorPosition(page);
      const here = textAtCursor(folder, S001, pos);
      if (!BLINKEN_AT.test(here)) throw new Error(`landed in ${S001} at Ln ${pos.line}, Col ${pos.column}: “${here.slice(0, 40)}”, not at Blinken`);
      await page.mouse.move(VIEWPORT.width - 20, VIEWPORT.height - 60);
      await shot(page, "3-link-opened.png");
    });

    await step("Go to Definition (F12) on “Blinken” in 004 lands in another article at a Blinken mention", "4-definition.png", async () => {
      await openFile(page, S004);
      const deadline = Date.now() + 60_000;
      let where = "";
      for (;;) {
        const box = await boxOf(page, "Mr. Blinken", "Mr. ".length, 3);
        if (!box) throw new Error("“Mr. Blinken” not on screen in 004");
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await page.keyboard.press("F12");
        await sleep(1500);
        const name = await activeFileName(page);
        if (name && name !== S004) {
          const pos = await cursorPosition(page);
          const here = textAtCursor(folder, name, pos);
          if (!Object.keys(DATES).includes(name)) throw new Error(`F12 opened ${name}, not an article`);
          if (!BLINKEN_AT.test(here)) throw new Error(`F12 landed in ${name} at Ln ${pos.line}, Col ${pos.column}: “${here.slice(0, 40)}”`);
          break;
        }
        where = name;
        if (Date.now() > deadline) throw new Error(`F12 did not leave ${where || "004"} within 60 s`);
        await page.keyboard.press("Escape");
      }
      await shot(page, "4-definition.png");
    });

    await step("inlay hint 2023-06-18 right after “Sunday” in 003", "5-inlay-hint.png", async () => {
      await openFile(page, S003);
      await page.mouse.move(VIEWPORT.width - 20, VIEWPORT.height - 60);
      const deadline = Date.now() + 60_000;
      let text = "";
      while (Date.now() < deadline) {
        text = await editorText(page);
        if (/Beijing on Sunday\s*2023-06-18/.test(text)) break;
        await sleep(500);
      }
      if (!/Beijing on Sunday\s*2023-06-18/.test(text)) {
        const near = text.slice(Math.max(0, text.indexOf("on Sunday") - 20), text.indexOf("on Sunday") + 60);
        throw new Error(`no inlay hint 2023-06-18 after “Sunday”; editor shows: “${near}”`);
      }
      // The hint is drawn by the editor (an injected text decoration), not part of the file.
      if (readFileSync(join(folder, S003), "utf8").includes("2023-06-18")) throw new Error("the file itself contains 2023-06-18");
      const hint = page.locator(".editor-group-container.active .view-line span", { hasText: /^\s*2023-06-18\s*$/ }).first();
      await hint.waitFor({ timeout: 5000 });
      await shot(page, "5-inlay-hint.png");
    });

    await step("the Outline view shows the article's entity groups (People, Places, Organisations, Dates)", "6-outline.png", async () => {
      await openFile(page, S003);
      await page.keyboard.press("F1");
      await page.locator(".quick-input-widget input").first().waitFor({ state: "visible" });
      await page.keyboard.type("Explorer: Focus on Outline View");
      await page.locator(".quick-input-list .monaco-list-row", { hasText: "Focus on Outline View" }).first().waitFor();
      await page.keyboard.press("Enter");
      const pane = page.locator(".pane", { has: page.locator(".pane-header", { hasText: /outline/i }) }).first();
      const rows = pane.locator(".monaco-list-row");
      const want = ["People", "Places", "Organisations", "Dates"];
      const deadline = Date.now() + 60_000;
      let labels = [];
      while (Date.now() < deadline) {
        labels = (await rows.allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, " ").trim());
        if (want.every((g) => labels.some((l) => new RegExp(`^${g} \\(\\d+\\)`).test(l)))) break;
        await sleep(500);
      }
      const missing = want.filter((g) => !labels.some((l) => new RegExp(`^${g} \\(\\d+\\)`).test(l)));
      if (missing.length) throw new Error(`Outline lacks ${missing.join(", ")}; rows: ${labels.join(" | ") || "(none)"}`);
      // Open the People group: Antony Blinken is one of them. Collapse the file list first so the Outline has room.
      await page.locator(".pane-header", { hasText: /^\s*articles\s*$/i }).first().click();
      await rows.filter({ hasText: /^People \(/ }).first().click();
      await page.keyboard.press("ArrowRight");
      await pane.locator(".monaco-list-row", { hasText: "Antony Blinken" }).first().waitFor({ timeout: 10_000 });
      await page.mouse.move(VIEWPORT.width - 20, VIEWPORT.height - 60);
      await shot(page, "6-outline.png");
    });

    await step("the hover card's Timeline link opens the timeline panel; an entry opens its article at that sentence", "7-timeline.png", async () => {
      // The Outline step folded the file list away: unfold it to open 003 from it again.
      const files = page.locator(".pane-header", { hasText: /^\s*articles\s*$/i }).first();
      if ((await files.getAttribute("aria-expanded")) === "false") await files.click();
      await openFile(page, S003);
      const { hover } = await hoverUntil(page, "Qin asking Blinken", "Qin asking ".length, (t) => listsOtherArticles(t) && /Timeline/.test(t));
      const link = hover.locator("a", { hasText: /^Timeline$/ }).last();
      await scrollIntoCard(page, hover, link);
      await link.click();
      await page.locator(".tabs-container .tab", { hasText: "Timeline: Antony Blinken" }).first().waitFor({ timeout: 15_000 });
      // A webview is a frame in a frame; the entries are buttons (the keyboard reaches them too).
      const view = page.frameLocator("iframe.webview.ready").frameLocator("#active-frame");
      const entries = view.locator("button.entry");
      await entries.first().waitFor({ timeout: 15_000 });
      // The hover card the link was clicked in stays (sticky hovers) over the panel: closed first.
      await page.mouse.move(VIEWPORT.width - 200, 110);
      await page.keyboard.press("Escape");
      await page.locator(".monaco-editor .monaco-hover:visible").first().waitFor({ state: "hidden", timeout: 5000 }).catch(() => {});
      await entries.first().waitFor({ timeout: 15_000 });
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, "7-timeline.png"), type: "png" });
      // 20 at a time (the workspace's setting): the button shows the next 20.
      if ((await entries.count()) !== 20) throw new Error(`the panel shows ${await entries.count()} entries, not the first 20`);
      const next = view.locator("button#more");
      if (!/^Show the next 20 \(\d+ not shown\)$/.test(await next.innerText())) throw new Error(`the paging button says “${await next.innerText()}”`);
      await next.click();
      for (let waited = 0; (await entries.count()) !== 40; waited += 250) {
        if (waited > 15_000) throw new Error(`after “Show the next 20” the panel shows ${await entries.count()} entries`);
        await sleep(250);
      }
      const months = await view.locator("h2").allInnerTexts();
      if (!months.includes("2023-02") || !months.includes("2023-06")) throw new Error(`the timeline's months: ${months.join(", ")}`);
      const entry = entries.filter({ hasText: HEADLINES[S001] }).first();
      const sentence = (await entry.locator(".sentence").innerText()).trim();
      if (!/Blinken/.test(await entry.locator(".sentence strong").first().innerText())) throw new Error(`the entry's bold name is not Blinken: ${sentence}`);
      await entry.click();
      await page.locator(".tabs-container .tab.active", { hasText: S001 }).first().waitFor({ timeout: 15_000 });
      await sleep(500);
      const pos = await cursorPosition(page);
      const here = textAtCursor(folder, S001, pos).replace(/\s+/g, " ");
      if (!here.startsWith(sentence.slice(0, 40))) throw new Error(`landed in ${S001} at Ln ${pos.line}, Col ${pos.column}: “${here.slice(0, 60)}”, not at “${sentence.slice(0, 60)}”`);
    });

    await step("the Article Connections view lists the active article's people; a name unfolds the other articles naming it", "8-connections.png", async () => {
      // 001 in front (the timeline step opened it). Fold the file list and the Outline to make room.
      await page.locator(".tabs-container .tab", { hasText: S001 }).first().click();
      await page.locator(".tabs-container .tab.active", { hasText: S001 }).first().waitFor({ timeout: 15_000 });
      for (const name of [/^\s*articles\s*$/i, /^\s*outline\s*$/i]) {
        const header = page.locator(".pane-header", { hasText: name }).first();
        if ((await header.getAttribute("aria-expanded").catch(() => null)) === "true") await header.click();
      }
      const header = page.locator(".pane-header", { hasText: /article connections/i }).first();
      if ((await header.getAttribute("aria-expanded")) === "false") await header.click();
      const pane = page.locator(".pane", { has: page.locator(".pane-header", { hasText: /article connections/i }) }).first();
      const rows = pane.locator(".monaco-list-row");
      // The view follows the active editor: 001's related articles include 003 (003's do not). Then let it settle.
      await rows.filter({ hasText: /^Related articles \(4\)/ }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: HEADLINES[S003] }).first().waitFor({ timeout: 30_000 });
      await sleep(1000);
      // By its label: a related article's description also names him ("4 shared: Antony Blinken, …").
      const blinken = rows.filter({ has: page.locator(".label-name", { hasText: /^\s*Antony Blinken\s*$/ }) }).first();
      await blinken.waitFor({ timeout: 30_000 });
      await blinken.click();
      await page.keyboard.press("ArrowRight");
      // 003 is listed twice now: among the related articles, and last, under Antony Blinken with its sentence.
      const other = rows.filter({ hasText: HEADLINES[S003] });
      for (let waited = 0; (await other.count()) < 2; waited += 250) {
        if (waited > 15_000) throw new Error("Antony Blinken did not unfold to the articles naming him");
        await sleep(250);
      }
      const sentence = (await other.last().locator(".label-description").innerText()).trim();
      if (!/Blinken/.test(sentence)) throw new Error(`the row under Antony Blinken shows no sentence naming him: “${sentence}”`);
      await page.mouse.move(VIEWPORT.width - 20, VIEWPORT.height - 60);
      await shot(page, "8-connections.png");
      await other.last().click();
      await page.locator(".tabs-container .tab.active", { hasText: S003 }).first().waitFor({ timeout: 15_000 });
    });

    await step("the language server killed mid-session (SIGKILL) is restarted by the client; the index comes back from the cache and the hover answers", "7-server-restart.png", async () => {
      const [first, ...more] = languageServers(run);
      if (!first || more.length) throw new Error(`expected one Article Lens server process in this run, found ${more.length + (first ? 1 : 0)}`);
      const logsBefore = outputLog(run);
      process.kill(first, "SIGKILL");
      const deadline = Date.now() + 60_000;
      let next = [];
      while (Date.now() < deadline && !(next = languageServers(run).filter((pid) => pid !== first)).length) await sleep(250);
      if (!next.length) throw new Error(`no new server process within 60 s of killing ${first}`);
      // 003 is the active editor (the connections step opened it).
      const done = (t) => listsOtherArticles(t) && !/Still indexing|full analysis under way/.test(t);
      const { text } = await hoverUntil(page, "Qin asking Blinken", "Qin asking ".length, done);
      if (!text.includes("Antony Blinken")) throw new Error(`hover after the restart names no Antony Blinken:\n${text}`);
      // What the restarted server wrote to the Article Lens output: the restart, and every analysis from the cache.
      const logsAfter = await waitFor(() => {
        const after = outputLog(run).slice(logsBefore.length);
        return /indexed: /.test(after) ? after : undefined;
      }, 30_000, () => `no indexing summary in the Article Lens output after the restart:\n${outputLog(run).slice(-3000)}`);
      if (!/The Article Lens server stopped; restarting \(1\/\d\)/.test(logsAfter)) throw new Error(`the output does not say the server was restarted:\n${logsAfter.slice(0, 3000)}`);
      if (!/indexed: 5 analyses from the cache, 0 quick, 0 full; 5 articles/.test(logsAfter)) throw new Error(`the restarted server did not take its analyses from the cache:\n${logsAfter.slice(0, 3000)}`);
    });
  } catch (e) {
    failed++;
    log(`FAIL setup: ${e?.message ?? e}`);
  } finally {
    await context?.close().catch(() => {});
    await stopServer();
    if (keep || failed) log(`== run folder kept: ${run}`);
    if (!keep && !failed) rmSync(run, { recursive: true, force: true });
  }
}

await main();
log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
