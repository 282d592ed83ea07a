import { findTimexes } from "./dates";
import { findEntities } from "./entities";
import { readArticleDate } from "./read/articleDate";
import { readLayout } from "./read/layout";
import type { AnalyzeOptions, ArticleAnalysis } from "./types";

import { ENGINE_VERSION } from "./version";

export { ENGINE_VERSION };

/**
 * How much of a file is analysed. News articles are a few KB; a multi-megabyte .txt is a dump, and tagging all of it
 * would hold a worker for minutes. Its first part is analysed and the user is told.
 */
export const ANALYSIS_LIMIT = 1_000_000;

/** Text → analysis. Pure and deterministic, so its result can be cached by content hash. */
export function analyzeArticle(fullText: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const notices: string[] = [];
  const text = analysedPart(fullText);
  if (text.length < fullText.length) {
    const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
    notices.push(`This file is ${mb(fullText.length)} long; only its first ${mb(text.length)} were analysed.`);
  }
  // An empty or blank file is listed like any other, with a word on why nothing is in it.
  if (!/[\p{L}\p{N}]/u.test(text)) notices.push(text.trim() === "" ? "This file is empty: there is nothing to analyse." : "This file holds no words: there is nothing to analyse.");
  const layout = readLayout(text);
  const dct = readArticleDate(text, layout, options);
  const depth = options.depth ?? "full";
  const { entities, mentions } = findEntities(text, layout, depth === "full" ? "compromise" : "lexicon", options.weighing ?? "learned");
  const timexes = options.namesOnly ? [] : findTimexes(text, layout, dct);
  return { engineVersion: ENGINE_VERSION, depth, layout, dct, entities, mentions, timexes, notices };
}

/** The analysed prefix: up to the limit, ended at a line break (or a space) so no word or name is cut. */
function analysedPart(text: string): string {
  if (text.length <= ANALYSIS_LIMIT) return text;
  const head = text.slice(0, ANALYSIS_LIMIT);
  const cut = Math.max(head.lastIndexOf("\n"), head.lastIndexOf(" "));
  // Never split a surrogate pair: offsets past the cut are simply not annotated.
  let end = cut > ANALYSIS_LIMIT / 2 ? cut : ANALYSIS_LIMIT;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? "")) end--;
  return text.slice(0, end);
}
