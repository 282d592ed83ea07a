// Deterministic newsroom-sized corpora for the benchmark: real paragraphs from the sample and dev articles,
// recombined, with every person, place and organisation name swapped for one drawn from large generated pools with a
// long-tailed (Zipf) frequency, so thousands of distinct entities recur the way names in an archive do. Spun text,
// dates and boilerplate come along with the paragraphs. Same seed, same corpus.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeArticle } from "../server/src/engine/analyze";
import type { EntityType } from "../server/src/engine";

export const GENERATOR_VERSION = 2;

/** mulberry32: small, fast, good enough for reproducible sampling. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Index in [0, n) with P(i) ∝ 1/(i+1)^s: a few names everywhere, most names rare. */
function zipf(random: () => number, n: number, s = 1.1): number {
  // Inverse-CDF on the continuous approximation; exact enough for a benchmark.
  const u = random();
  const h = (x: number) => (Math.pow(x, 1 - s) - 1) / (1 - s);
  const x = Math.pow(u * h(n + 1) * (1 - s) + 1, 1 / (1 - s));
  return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
}

const FIRST = "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Sandra Paul Ashley Steven Emily Andrew Donna Kenneth Michelle Joshua Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Sharon Edward Laura Jeffrey Cynthia Ryan Kathleen Jacob Amy Gary Angela Nicholas Shirley Eric Anna Jonathan Brenda Stephen Pamela Larry Emma Justin Nicole Scott Helen Brandon Samantha Benjamin Katherine Samuel Christine Gregory Debra Alexander Rachel Frank Carolyn Patrick Janet Raymond Maria Jack Olivia Dennis Heather Jerry Diane Tyler Julie Aaron Joyce Jose Victoria Adam Kelly Nathan Christina Henry Lauren Douglas Joan Zachary Evelyn Peter Judith Kyle Megan Ethan Andrea Walter Cheryl Noah Hannah Jeremy Jacqueline Christian Martha Keith Gloria Roger Teresa Terry Ann Gerald Sara Harold Madison Sean Frances Austin Kathryn Carl Janice Arthur Jean Lawrence Abigail Dylan Alice".split(" ");
const SYLLABLES = "ka lo ven mar ti sen dor bel an ri ko vas nel ter os quin ha mi ru len bor sta fi gan pe zo chen lin wu yam ada ru ne vik hol mer zan tor ela gri pol dun".split(" ");
const ORG_HEADS = ["Institute", "Group", "Corp.", "Council", "Foundation", "Bank", "Holdings", "Ministry of Trade", "University", "Agency", "Motors", "Partners"];
const PLACE_SUFFIXES = ["", "", "ville", "burg", "port", "stad", " City", " Bay"];

function syllableName(random: () => number, min = 2, max = 3): string {
  const n = min + Math.floor(random() * (max - min + 1));
  let s = "";
  for (let i = 0; i < n; i++) s += pick(random, SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

interface Pools {
  people: string[];
  places: string[];
  organizations: string[];
}

function makePools(random: () => number, scale: number): Pools {
  const unique = (make: () => string, n: number) => {
    const set = new Set<string>();
    while (set.size < n) set.add(make());
    return [...set];
  };
  return {
    people: unique(() => `${pick(random, FIRST)} ${syllableName(random)}`, 3000 * scale),
    places: unique(() => syllableName(random, 2, 2) + pick(random, PLACE_SUFFIXES), 800 * scale),
    organizations: unique(() => `${syllableName(random)} ${pick(random, ORG_HEADS)}`, 1200 * scale),
  };
}

interface Paragraph {
  text: string;
  /** Name spans to replace, by the entity (within the source article) they belong to. */
  names: { start: number; end: number; type: EntityType; entity: string }[];
}

/** Source paragraphs: every line of the bundled samples and (when present) the dev set, with their names found. */
export function sourceParagraphs(roots: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const file of readdirSync(root).filter((f) => f.endsWith(".txt")).sort()) {
      const text = readFileSync(join(root, file), "utf8");
      const a = analyzeArticle(text, { depth: "quick" });
      for (const s of a.layout.sentences.length ? lineSpans(text, a.layout.bodyStart) : []) {
        const names = a.mentions
          .filter((m) => m.start >= s.start && m.end <= s.end && m.type !== "other")
          .map((m) => ({ start: m.start - s.start, end: m.end - s.start, type: m.type, entity: `${file}#${m.entity}` }));
        const line = text.slice(s.start, s.end);
        if (line.length > 40) out.push({ text: line, names });
      }
    }
  }
  return out;
}

function lineSpans(text: string, from: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[^\r\n]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** One generated article: front matter with its date, a headline, 3–8 KB of paragraphs with names swapped. */
function article(random: () => number, paragraphs: Paragraph[], pools: Pools, index: number): string {
  const target = 3000 + Math.floor(random() * 5000);
  const chosen = new Map<string, string>(); // source entity → generated name, consistent within the article
  const nameFor = (type: Paragraph["names"][number]["type"], entity: string, original: string) => {
    if (!chosen.has(entity)) {
      const pool = type === "person" ? pools.people : type === "place" ? pools.places : pools.organizations;
      // Real country and capital names stay (every archive has them); others become archive names.
      const keep = type === "place" && random() < 0.5;
      chosen.set(entity, keep ? original : pool[zipf(random, pool.length)]!);
    }
    return chosen.get(entity)!;
  };
  const body: string[] = [];
  let size = 0;
  while (size < target) {
    const p = pick(random, paragraphs);
    let text = "";
    let at = 0;
    for (const n of p.names) {
      const original = p.text.slice(n.start, n.end);
      let name = nameFor(n.type, n.entity, original);
      // A short form stays short: "Blinken" → the family name of the generated full name.
      if (n.type === "person" && !original.includes(" ")) name = name.split(" ").at(-1)!;
      text += p.text.slice(at, n.start) + name;
      at = n.end;
    }
    text += p.text.slice(at);
    body.push(text);
    size += text.length + 2;
  }
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1500) * 86_400_000).toISOString().slice(0, 10);
  const headline = body[0]!.split(/(?<=[.!?])\s/)[0]!.slice(0, 110);
  return `---\ndate: ${day}\ntitle: Article ${index}\n---\n${headline}\n\n${body.join("\n\n")}\n`;
}

/** Writes (once) and returns the folder of a corpus of `count` articles. */
export function ensureCorpus(dir: string, count: number, seed: number, sourceRoots: string[]): string {
  const folder = join(dir, `corpus-${count}-s${seed}-g${GENERATOR_VERSION}`);
  const marker = join(folder, ".complete");
  if (existsSync(marker)) return folder;
  mkdirSync(folder, { recursive: true });
  const random = rng(seed);
  const paragraphs = sourceParagraphs(sourceRoots);
  const pools = makePools(random, Math.max(1, Math.round(count / 1000)));
  for (let i = 0; i < count; i++) {
    const name = `${String(i).padStart(5, "0")}.txt`;
    writeFileSync(join(folder, name), article(random, paragraphs, pools, i));
  }
  writeFileSync(marker, `${count}\n`);
  return folder;
}
