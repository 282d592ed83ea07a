// Scores the CLI on the shared gold sets (needs `npm run build`):
//   node scripts/eval.mjs [seeds|meantime|uner|sec|wnut|wikigold|all] [--errors] [CLI options, e.g. --quick]
// seeds and meantime are the hand-made gold of ../shared/eval; uner, sec, wnut and wikigold are held-out NER data
// from ../shared/ner-data, converted to articles in a temp folder on each run (scripts/nerdata.mjs). Those have no
// coreference or timex gold, so only their entity figures are printed. dates-probe, dates-a and dates-b are the
// project's own news passages with TimeML values (eval/dates, see its README): only their timex figures are printed. --errors lists each set's most frequent
// false positives, false negatives, type confusions and boundary mismatches.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { writeDateArticles } from "./datesets.mjs";
import { buildArticles, NER_SETS, readBio, writeArticles } from "./nerdata.mjs";

const root = join(import.meta.dirname, "..");
const shared = process.env.ARTICLE_LENS_SHARED ?? join(root, "..", "shared");
const cli = join(root, "dist", "cli.js");
const scorer = join(shared, "eval", "score.mjs");
const SEED_DATES = {
  "000_522416522264bb26.txt": "2023-02-03",
  "001_ab59fed4580a61f8.txt": "2023-06-15",
  "002_1194d7b2bb6911ef.txt": "2023-06-17",
  "003_81d969409292dfb7.txt": "2023-06-18",
  "004_7f26f9b57fc7a2c5.txt": "2023-06-14",
};
const sets = {
  seeds: {
    gold: join(shared, "eval/seeds.gold.json"),
    input: join(shared, "corpus/seeds"),
    args: Object.entries(SEED_DATES).flatMap(([f, d]) => ["--date", `${f}=${d}`]),
  },
  meantime: { gold: join(shared, "eval/meantime-dev/gold.json"), input: join(shared, "eval/meantime-dev"), args: [] },
  ...Object.fromEntries(Object.entries(NER_SETS).map(([name, set]) => [name, { ner: set, tsv: join(shared, "ner-data", set.file) }])),
  ...Object.fromEntries(["probe", "a", "b"].map((k) => [`dates-${k}`, { dates: join(root, "eval", "dates", k === "probe" ? "probe.jsonl" : `passages-${k}.jsonl`) }])),
};

// The scorer's view of types and spans, repeated so that the listings count what the figures count.
const SCORED = new Set(["person", "place", "organization"]);
const normType = (t) => String(t ?? "").toLowerCase().replace(/^org$/, "organization").replace(/^(location|loc|gpe)$/, "place").replace(/^per$/, "person");
const spanKey = (m) => `${m.start}:${m.end}`;
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const quoted = (text) => `“${String(text).replace(/\s+/g, " ")}”`;

const argv = process.argv.slice(2);
const which = argv[0] && !argv[0].startsWith("-") ? argv[0] : "all";
const showErrors = argv.includes("--errors");
const extra = argv.slice(which === argv[0] ? 1 : 0).filter((a) => a !== "--errors"); // passed on to the CLI
if (which !== "all" && !sets[which]) {
  console.error(`unknown set “${which}”\nusage: node scripts/eval.mjs [${Object.keys(sets).join("|")}|all] [--errors] [CLI options]`);
  process.exit(2);
}
for (const [path, hint] of [[cli, "run `npm run build` first"], [scorer, "the shared folder is ../shared next to the project, or ARTICLE_LENS_SHARED"]]) {
  if (!existsSync(path)) {
    console.error(`eval: ${path} not found: ${hint}`);
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), "article-lens-eval-"));
const started = performance.now();
const summary = [];
for (const [name, set] of Object.entries(sets)) {
  if (which !== "all" && which !== name) continue;
  const t0 = performance.now();
  try {
    const missing = [set.gold, set.input, set.tsv, set.dates].filter((p) => p && !existsSync(p));
    if (missing.length) {
      console.log(`── ${name}  skipped: ${missing.join(", ")} not found\n`);
      continue;
    }
    let goldPath = set.gold, args = [...set.args ?? [], set.input], note = "";
    if (set.ner) {
      const folder = join(dir, name);
      mkdirSync(folder);
      const sentences = readBio(readFileSync(set.tsv, "utf8"));
      const gold = writeArticles(buildArticles(sentences, set.ner), folder, set.ner.prefix);
      goldPath = join(dir, `${name}.gold.json`);
      writeFileSync(goldPath, JSON.stringify(gold));
      const docs = Object.values(gold.documents);
      const nMisc = docs.reduce((n, d) => n + d.misc.length, 0);
      note = `   ${set.ner.label}: ${docs.length} articles from ${set.ner.file} (${sentences.length} sentences), MISC spans not scored: ${nMisc}\n`;
      args = [folder];
    }
    if (set.dates) {
      const folder = join(dir, name);
      mkdirSync(folder);
      const gold = writeDateArticles(readFileSync(set.dates, "utf8"), folder);
      goldPath = join(dir, `${name}.gold.json`);
      writeFileSync(goldPath, JSON.stringify(gold));
      const docs = Object.values(gold.documents);
      note = `   ${docs.length} passages from ${set.dates}, ${docs.reduce((n, d) => n + d.timexes.length, 0)} time expressions\n`;
      args = [folder];
    }
    const out = join(dir, `${name}.json`);
    const sys = analyze(args);
    writeFileSync(out, sys.json);
    console.log(`── ${name}  (node ../shared/eval/score.mjs ${goldPath} ${out})`);
    if (note) process.stdout.write(note);
    if (sys.warnings.length) console.log(`   (the CLI wrote ${sys.warnings.length} line(s) on stderr, e.g. ${sys.warnings[0]})`);
    const report = run([scorer, goldPath, out]);
    // Without coreference or timex gold those figures would only be noise: keep the entity lines.
    const lines = report.split("\n");
    console.log(set.ner ? lines.filter((l) => !/^(coref|timex)/.test(l)).join("\n") : set.dates ? lines.filter((l) => /^timex/.test(l)).join("\n") + "\n" : report);
    const result = JSON.parse(run([scorer, goldPath, out, "--json"]));
    summary.push({ name, result, secs: (performance.now() - t0) / 1000, datesOnly: Boolean(set.dates) });
    if (showErrors) printErrors(JSON.parse(readFileSync(goldPath, "utf8")), JSON.parse(sys.json));
  } catch (error) {
    console.log(`── ${name}  failed: ${error.message}\n`);
  }
}
if (summary.length) printSummary();
process.exit(summary.length ? 0 : 1);

/** The CLI's JSON for `args`; its warnings (an unreadable file...) are collected, not mixed into the report. */
function analyze(args) {
  const r = spawnSync(process.execPath, [cli, "analyze", "--json", ...extra, ...args], { maxBuffer: 1 << 30, encoding: "utf8" });
  if (r.error) throw r.error;
  const warnings = r.stderr.split("\n").filter(Boolean);
  // Exit code 1 may only mean that some file was skipped: the JSON decides.
  try {
    JSON.parse(r.stdout);
  } catch {
    throw new Error(`the CLI gave no JSON (exit code ${r.status})${warnings.length ? `: ${warnings.slice(-3).join(" | ")}` : ""}`);
  }
  return { json: r.stdout, warnings };
}

function run(args) {
  const r = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: "utf8" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${basename(args[0])} failed (exit code ${r.status}): ${r.stderr.trim()}`);
  return r.stdout;
}

function printSummary() {
  const f = (x) => (x == null ? "    -" : x.toFixed(3));
  if (summary.some((x) => !x.datesOnly)) {
    console.log("── summary (entities exact; per-type F1)");
    console.log(`${"set".padEnd(10)} ${"docs".padStart(5)} ${"gold".padStart(6)}  P      R      F1     person place  org     secs`);
  }
  for (const { name, result, secs } of summary.filter((x) => !x.datesOnly)) {
    const { exact, perType } = result.entities;
    console.log(
      `${name.padEnd(10)} ${String(result.documents.gold).padStart(5)} ${String(exact.gold).padStart(6)}  ${f(exact.p)}  ${f(exact.r)}  ${f(exact.f1)}  ` +
        `${f(perType.person?.f1)}  ${f(perType.place?.f1)}  ${f(perType.organization?.f1)}  ${secs.toFixed(1).padStart(5)}`,
    );
  }
  const dateSets = summary.filter((x) => x.datesOnly);
  if (dateSets.length) {
    console.log("── date sets (timex value F1, TempEval-3 style)");
    console.log(`${"set".padEnd(12)} ${"docs".padStart(5)} ${"gold".padStart(6)}  P      R      F1     secs`);
    for (const { name, result, secs } of dateSets) {
      const v = result.timex.value;
      console.log(`${name.padEnd(12)} ${String(result.documents.gold).padStart(5)} ${String(v.gold).padStart(6)}  ${f(v.p)}  ${f(v.r)}  ${f(v.f1)}  ${secs.toFixed(1).padStart(5)}`);
    }
  }
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s; files in ${dir}`);
}

/**
 * The most frequent errors, by text: a gold name no system mention touches (false negative), a system name that
 * touches no gold one (false positive; on a MISC span of the source it is marked, since the type there is the
 * annotators' call), the same span with another type (confusion), and overlapping but different spans (boundary).
 */
function printErrors(gold, sys, top = 40) {
  const lists = { "false positives": new Map(), "false negatives": new Map(), "type confusions (gold → system)": new Map(), "boundary mismatches (gold ~ system)": new Map() };
  const [fp, fn, confused, boundary] = Object.values(lists);
  const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  const sysDocs = new Map((sys.documents ?? []).map((d) => [basename(String(d.path)), d]));
  for (const [file, gd] of Object.entries(gold.documents)) {
    const sm = (sysDocs.get(file)?.mentions ?? []).map((m) => ({ ...m, type: normType(m.type) }));
    const bySpan = new Map(sm.filter((m) => SCORED.has(m.type)).map((m) => [spanKey(m), m]));
    const gm = gd.mentions.map((m) => ({ ...m, type: gold.entities[m.entity]?.type }));
    for (const g of gm) {
      const s = bySpan.get(spanKey(g)) ?? sm.find((m) => spanKey(m) === spanKey(g));
      if (s) {
        if (s.type !== g.type && !(g.alt_types ?? []).includes(s.type)) add(confused, `${quoted(g.text)}  ${g.type} → ${s.type}`);
        continue;
      }
      const near = sm.find((m) => overlaps(m, g));
      if (near) add(boundary, `${g.type} ${quoted(g.text)} ~ ${near.type} ${quoted(near.text)}`);
      else add(fn, `${g.type.padEnd(12)} ${quoted(g.text)}`);
    }
    for (const s of bySpan.values()) {
      if (gm.some((g) => overlaps(g, s))) continue;
      const misc = (gd.misc ?? []).some((m) => overlaps(m, s)) ? "  [MISC in source]" : "";
      add(fp, `${s.type.padEnd(12)} ${quoted(s.text)}${misc}`);
    }
  }
  const total = (map) => [...map.values()].reduce((a, b) => a + b, 0);
  console.log(`   errors: ${Object.entries(lists).map(([label, map]) => `${total(map)} ${label.replace(/ \(.*/, "")}`).join(", ")}`);
  for (const [label, map] of Object.entries(lists)) {
    if (!map.size) continue;
    console.log(`   ${label}, top ${Math.min(top, map.size)} of ${map.size} distinct:`);
    for (const [key, count] of [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top)) {
      console.log(`   ${String(count).padStart(5)}  ${key}`);
    }
  }
  console.log("");
}
