// The seam where text becomes analysis. Today it runs the engine on the server's own thread; a later issue puts
// a pool of worker threads and an on-disk cache behind the same interface, so nothing else changes.
import { analyzeArticle, type AnalyzeOptions, type ArticleAnalysis } from "../engine";

export interface Indexer {
  analyze(text: string, options: AnalyzeOptions): Promise<ArticleAnalysis>;
  dispose(): void;
}

export const inlineIndexer: Indexer = {
  async analyze(text, options) {
    return analyzeArticle(text, options);
  },
  dispose() {},
};
