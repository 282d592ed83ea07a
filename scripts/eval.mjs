// Scores the CLI on the shared gold sets: node scripts/eval.mjs [seeds|meantime|all] (needs `npm run build`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const shared = process.env.ARTICLE_LENS_SHARED ?? join(import.meta.dirname, "..", "..", "shared");
const SEED_DATES = {
  "000_522416522264bb26.txt": "2023-02-03",
  "001_ab59fed4580a61f8.txt": "2023-06-15",
  "002_1194d7b2bb6911ef.txt": "2023-06-17",
  "003_81d969409292dfb7.txt": "2023-06-18",
  "004_7f26f9b57fc7a2c5.txt": "2023-06-14",
};
const sets = {
  seeds: { gold: join(shared, "eval/seeds.gold.json"), args: [join(shared, "corpus/seeds"), ...Object.entries(SEED_DATES).flatMap(([f, d]) => ["--date", `${f}=${d}`])] },
  meantime: { gold: join(shared, "eval/meantime-dev/gold.json"), args: [join(shared, "eval/meantime-dev")] },
};
const which = process.argv[2] ?? "all";
const extra = process.argv.slice(3); // e.g. --quick
const dir = mkdtempSync(join(tmpdir(), "article-lens-eval-"));
for (const [name, set] of Object.entries(sets)) {
  if (which !== "all" && which !== name) continue;
  const out = join(dir, `${name}.json`);
  writeFileSync(out, execFileSync("node", ["dist/cli.js", "analyze", "--json", ...extra, ...set.args], { maxBuffer: 1 << 28 }));
  console.log(`── ${name}  (node ../shared/eval/score.mjs ${set.gold} ${out})`);
  console.log(execFileSync("node", [join(shared, "eval/score.mjs"), set.gold, out]).toString());
}
