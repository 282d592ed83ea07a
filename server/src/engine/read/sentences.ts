import type { Span } from "../types";

// Words whose trailing period does not end a sentence. General English and news usage, not fitted to any text.
const ABBREVIATIONS = new Set(
  ("mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep rev sr jr st mt ft no vs etc inc corp ltd co dept " +
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c a.m p.m i.e e.g approx est fig").split(" "),
);

/** Lines of `text` between `from` and `to` that hold something other than white space. */
export function lines(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const re = /[^\r\n]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = Math.min(to, m.index + m[0].trimEnd().length);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * Splits one line (a paragraph: articles put each on one long line) into sentences.
 * A sentence ends at . ! ? (and any closing quotes or brackets) followed by white space and a capital,
 * digit or opening quote, unless the period belongs to an abbreviation or an initial ("Antony J. Blinken").
 */
export function splitSentences(text: string, line: Span): Span[] {
  const out: Span[] = [];
  let start = line.start;
  // Only at the start of a run of marks (the lookbehind): a long run of dots would otherwise be retried from each
  // of its marks, which is quadratic (100,000 dots took over a minute).
  const re = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])/gu;
  const chunk = text.slice(line.start, line.end);
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    const stop = line.start + m.index;
    if (m[0][0] === "." && !endsSentence(text, start, stop)) continue;
    const end = line.start + m.index + m[0].length;
    out.push({ start, end });
    start = end;
    while (start < line.end && /\s/.test(text[start]!)) start++;
  }
  if (start < line.end) out.push({ start, end: line.end });
  return out;
}

function endsSentence(text: string, sentenceStart: number, period: number): boolean {
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(sentenceStart, period - 12), period))?.[0] ?? "";
  if (!word) return true;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial
  return !ABBREVIATIONS.has(word.toLowerCase());
}
