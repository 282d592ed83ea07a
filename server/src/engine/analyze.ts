import { findTimexes } from "./dates";
import { findEntities } from "./entities";
import { readArticleDate } from "./read/articleDate";
import { readLayout } from "./read/layout";
import type { AnalyzeOptions, ArticleAnalysis } from "./types";

/** Bumped whenever the same text may analyse differently: cached analyses of another version are ignored. */
export const ENGINE_VERSION = "0.1.0";

/** Text → analysis. Pure and deterministic, so its result can be cached by content hash. */
export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const layout = readLayout(text);
  const dct = readArticleDate(text, layout, options);
  const depth = options.depth ?? "full";
  const { entities, mentions } = findEntities(text, layout, depth === "full" ? "compromise" : "lexicon");
  const timexes = findTimexes(text, layout, dct);
  return { engineVersion: ENGINE_VERSION, depth, layout, dct, entities, mentions, timexes, notices: [] };
}
