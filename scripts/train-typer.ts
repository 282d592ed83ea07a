// Trains the learned weighing of a name's weak evidence (server/src/engine/entities/typer.ts): a multinomial logistic
// regression over the features each name shows where no strong cue decides its type, fitted to the openly licensed
// NER data in ../shared/ner-data, and written to server/src/engine/entities/typer-model.json.
//
//   npm run train-typer            (needs ../shared/ner-data; about a minute)
//
// Trained on the training and development splits only: the held-out splits that `npm run eval` scores (UNER EWT
// test, SEC test, WNUT17 test), WikiGold (scored as encyclopedic prose), the seeds and meantime-dev never are. SEC's
// training split (loan agreements, where every defined term is capitalised) is left out too: it taught the model that
// capitalised runs are seldom names, which is not so in news (measured: MEANTIME 0.902 either way, but "Barack Obama"
// was lost). Half of WikiGold in training raised UNER by a point and cost MEANTIME one: it stays out.
// The engine runs on each article as it does for a user; every weak decision it meets is labelled from the gold: the
// gold name with exactly that span gives its type (MISC: "other"), a span no gold name touches is "none", and a span
// that overlaps a gold name differently is left out (a boundary error, not a typing one).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeArticle } from "../server/src/engine/analyze";
import { observeWeakDecisions, VERDICTS, type Verdict } from "../server/src/engine/entities/typer";
// @ts-expect-error: a plain ES module of the eval scripts, without types
import { buildArticles, readBio } from "./nerdata.mjs";

const ROOT = join(__dirname, "..");
const DATA = join(process.env.ARTICLE_LENS_SHARED ?? join(ROOT, "..", "shared"), "ner-data");
const OUT = join(ROOT, "server/src/engine/entities/typer-model.json");

/** The training files, with how nerdata.mjs rebuilds their text (see NER_SETS there). */
const TRAIN = [
  { file: "uner-ewt.dev.tsv", hyphens: true },
  { file: "wnut17.train.tsv", social: true, perArticle: 25, onePerLine: true },
  { file: "wnut17.dev.tsv", social: true, perArticle: 25, onePerLine: true },
  { file: "re3d.tsv" },
];
/** A feature seen fewer times than this in training gets no weight. */
const MIN_COUNT = 3;
const EPOCHS = 12;
const RATE = 0.1;
const L2 = 1e-5;

interface Example {
  features: string[];
  label: number;
}

interface Span {
  start: number;
  end: number;
}

function examples(): Example[] {
  const out: Example[] = [];
  let current: { gold: (Span & { type: Verdict })[] } | undefined;
  observeWeakDecisions((span, features) => {
    if (!current) return;
    const same = current.gold.find((g) => g.start === span.start && g.end === span.end);
    const touches = current.gold.some((g) => g.start < span.end && span.start < g.end);
    const label: Verdict | undefined = same ? same.type : touches ? undefined : "none";
    if (label) out.push({ features, label: VERDICTS.indexOf(label) });
  });
  for (const set of TRAIN) {
    const path = join(DATA, set.file);
    if (!existsSync(path)) throw new Error(`${path} not found: the training data lives in ../shared/ner-data`);
    const articles = buildArticles(readBio(readFileSync(path, "utf8")), set) as {
      text: string;
      mentions: (Span & { type: Verdict })[];
      misc: Span[];
    }[];
    for (const a of articles) {
      current = { gold: [...a.mentions, ...a.misc.map((m) => ({ ...m, type: "other" as const }))] };
      analyzeArticle(a.text, { date: "2020-01-01" });
    }
    console.log(`${set.file}: ${articles.length} articles, ${out.length} weak decisions so far`);
  }
  observeWeakDecisions(undefined);
  return out;
}

/** Multinomial logistic regression by AdaGrad, L2-regularised; features are binary. */
function train(data: Example[]): { weights: Record<string, number[]>; bias: number[] } {
  const counts = new Map<string, number>();
  for (const x of data) for (const f of x.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= MIN_COUNT).map(([f]) => f).sort();
  const index = new Map(kept.map((f, i) => [f, i]));
  const K = VERDICTS.length;
  const W = new Float64Array(kept.length * K);
  const G = new Float64Array(kept.length * K).fill(1e-8);
  const b = new Float64Array(K);
  const Gb = new Float64Array(K).fill(1e-8);
  const rows = data.map((x) => ({ ids: x.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined), label: x.label }));
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    let loss = 0;
    for (const { ids, label } of rows) {
      const scores = Array.from(b);
      for (const i of ids) for (let k = 0; k < K; k++) scores[k]! += W[i * K + k]!;
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const sum = exp.reduce((x, y) => x + y, 0);
      loss -= Math.log(exp[label]! / sum);
      for (let k = 0; k < K; k++) {
        const g = exp[k]! / sum - (k === label ? 1 : 0);
        Gb[k]! += g * g;
        b[k]! -= (RATE * g) / Math.sqrt(Gb[k]!);
        for (const i of ids) {
          const at = i * K + k;
          const gw = g + L2 * W[at]!;
          G[at]! += gw * gw;
          W[at]! -= (RATE * gw) / Math.sqrt(G[at]!);
        }
      }
    }
    console.log(`epoch ${epoch + 1}: mean loss ${(loss / rows.length).toFixed(4)}`);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const weights: Record<string, number[]> = {};
  kept.forEach((f, i) => {
    const w = Array.from(W.subarray(i * K, i * K + K), round);
    if (w.some((x) => x !== 0)) weights[f] = w;
  });
  return { weights, bias: Array.from(b, round) };
}

const data = examples();
const byLabel = VERDICTS.map((v, k) => `${v} ${data.filter((x) => x.label === k).length}`).join(", ");
console.log(`${data.length} weak decisions: ${byLabel}`);
const model = train(data);
writeFileSync(OUT, `${JSON.stringify({ trainedOn: TRAIN.map((s) => s.file), examples: data.length, ...model })}\n`);
console.log(`written: ${OUT} (${Object.keys(model.weights).length} features)`);
