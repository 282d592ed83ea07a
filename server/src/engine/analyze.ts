import { findTimexes } from "./dates";
import { findEntities } from "./entities";
import { readArticleDate } from "./read/articleDate";
import { readLayout } from "./read/layout";
import type { AnalyzeOptions, ArticleAnalysis } from "./types";

declare const __ENGINE_HASH__: string | undefined;

/**
 * Differs whenever the same text may analyse differently: cached analyses of another version are ignored. The build
 * appends a hash of the engine's sources and libraries, so no one has to remember to bump it.
 */
export const ENGINE_VERSION = `0.1.0+${typeof __ENGINE_HASH__ === "string" ? __ENGINE_HASH__ : "dev"}`;

/** Text → analysis. Pure and deterministic, so its result can be cached by content hash. */
export function analyzeArticle(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const layout = readLayout(text);
  const dct = readArticleDate(text, layout, options);
  const depth = options.depth ?? "full";
  const { entities, mentions } = findEntities(text, layout, depth === "full" ? "compromise" : "lexicon");
  const timexes = findTimexes(text, layout, dct);
  return { engineVersion: ENGINE_VERSION, depth, layout, dct, entities, mentions, timexes, notices: [] };
}
