// Fuzzing the engine: thousands of articles made of real sentences, unicode and junk, with fixed seeds. Whatever
// the input, the engine must not throw, and every span it reports must point at exactly the text it claims.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rng } from "../../bench/corpus";
import type { ArticleAnalysis } from "../../server/src/engine";
import { analyzeArticle } from "../../server/src/engine/analyze";

const SAMPLES = join(__dirname, "../../samples");
const sentences = readdirSync(SAMPLES)
  .flatMap((f) => readFileSync(join(SAMPLES, f), "utf8").split(/(?<=[.!?”])\s+|\n+/))
  .filter((s) => s.trim().length > 0);

const JUNK = [
  "😀", "𝒳", "👩‍👩‍👧", "\u200b", "\u00a0", "\u200f", "שלום עולם", "مرحبا", "\ufeff", "\r", "\r\n", "\n", "\t", "\ufffd",
  "—", "“", "’s", "U.S.-", "-", ".", "...", "(", ")", "$", "%", "Mr.", "on Sunday", "June 18-19", "2023-06-16",
  "ÉMILE Zola’s", "Ωmega Corp.", "\u0301", "x".repeat(300), "A".repeat(50), " ".repeat(40), "---\ndate: 2023-06-16\n---\n",
];

function fuzzArticle(random: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.55) parts.push(sentences[Math.floor(random() * sentences.length)]!);
    else if (r < 0.9) parts.push(JUNK[Math.floor(random() * JUNK.length)]!);
    else {
      // Random code units, lone surrogates included: the worst a decoder can hand over.
      let s = "";
      for (let k = Math.floor(random() * 20); k > 0; k--) s += String.fromCharCode(Math.floor(random() * 0xffff));
      parts.push(s);
    }
    parts.push(random() < 0.7 ? " " : random() < 0.5 ? "\n" : "");
  }
  // Names and dates right next to astral characters: the classic source of shifted highlights.
  if (random() < 0.3) parts.splice(Math.floor(random() * parts.length), 0, "𝒳Antony Blinken😀 met Wang Yi on Sunday😀");
  return parts.join("");
}

/** Every invariant a client relies on; returns the broken ones. */
function violations(text: string, a: ArticleAnalysis): string[] {
  const bad: string[] = [];
  for (const m of a.mentions) {
    if (!(m.start >= 0 && m.start < m.end && m.end <= text.length)) bad.push(`mention out of range ${m.start}-${m.end}`);
    if (text.slice(m.start, m.end) !== m.text) bad.push(`mention text ${JSON.stringify(m.text)} ≠ ${JSON.stringify(text.slice(m.start, m.end))}`);
    if (!a.entities[m.entity]) bad.push(`mention of missing entity ${m.entity}`);
    if (/^[\udc00-\udfff]/.test(m.text) || /[\ud800-\udbff]$/.test(m.text)) bad.push(`mention splits a surrogate pair: ${JSON.stringify(m.text)}`);
  }
  for (let i = 1; i < a.mentions.length; i++) {
    if (a.mentions[i]!.start < a.mentions[i - 1]!.end) bad.push(`overlapping mentions at ${a.mentions[i]!.start}`);
  }
  for (const t of a.timexes) {
    if (!(t.start >= 0 && t.start < t.end && t.end <= text.length)) bad.push(`timex out of range ${t.start}-${t.end}`);
    if (text.slice(t.start, t.end) !== t.text) bad.push(`timex text ${JSON.stringify(t.text)} ≠ ${JSON.stringify(text.slice(t.start, t.end))}`);
    if (!t.value) bad.push(`timex without value: ${t.text}`);
  }
  return bad;
}

describe("engine fuzz", () => {
  for (const seed of [1, 2, 3]) {
    it(`keeps every span exact on 700 random articles (seed ${seed})`, () => {
      const random = rng(seed);
      let cases = 0;
      const failures: string[] = [];
      for (let i = 0; i < 700; i++) {
        const text = fuzzArticle(random);
        const depth = i % 10 === 0 ? "full" : "quick";
        let analysis: ArticleAnalysis;
        try {
          analysis = analyzeArticle(text, { depth, date: "2023-06-16" });
        } catch (error) {
          failures.push(`seed ${seed} case ${i}: threw ${error}`);
          continue;
        }
        cases++;
        for (const v of violations(text, analysis)) failures.push(`seed ${seed} case ${i}: ${v}`);
      }
      expect(failures.slice(0, 10)).toEqual([]);
      expect(cases).toBe(700);
    });
  }

  it("finds the same names after astral characters as without them", () => {
    const plain = analyzeArticle("Headline\nAntony Blinken met Wang Yi on Sunday.", { date: "2023-06-16" });
    const astral = analyzeArticle("Headline😀\n𝒳 Antony Blinken met Wang Yi on Sunday.", { date: "2023-06-16" });
    expect(astral.mentions.map((m) => m.text)).toEqual(plain.mentions.map((m) => m.text));
    expect(astral.timexes.map((t) => [t.text, t.value])).toEqual(plain.timexes.map((t) => [t.text, t.value]));
  });
});
