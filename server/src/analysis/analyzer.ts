// Text in, analysis out, as cheaply as possible: from the on-disk cache when this exact text was analysed before
// (same engine, same options), otherwise on the pool's worker threads, or on this thread when there is no pool.
// The CLI and the language server both analyse through this one class.
import type { AnalyzeOptions } from "../engine";
import { recordOf, type ArticleRecord, type Corpus } from "../corpus";
import { AnalysisCache, cacheKey, keyInputs, readIdentities, writeIdentities } from "./cache";
import type { Pass } from "./pass";
import { AnalysisPool, WorkerMemoryError } from "./pool";
import { FileStamps } from "./stamps";

export interface AnalyzerOptions {
  /** The bundled worker script (dist/worker.js); without it, or with `jobs` ≤ 1, analysis runs on this thread. */
  workerPath?: string;
  jobs?: number;
  /** Folder of the on-disk cache; none when undefined. */
  cacheDir?: string;
  log?: (message: string) => void;
}

/** How analyses were obtained since the last `takeCounts()`. */
export interface AnalyzerCounts {
  cached: number;
  quick: number;
  full: number;
}

const fullOptions = (options: AnalyzeOptions): AnalyzeOptions => ({ ...options, depth: "full", namesOnly: false });

/** Analyses on this thread; the engine's analysis (compromise, word lists) is loaded by the first call, not before. */
async function analyzeHere(text: string, options: AnalyzeOptions): Promise<ArticleRecord> {
  const { analyzeArticle } = await import("../engine/analyze");
  return recordOf(analyzeArticle(text, options));
}

export class Analyzer {
  private readonly pool: AnalysisPool | undefined;
  private readonly cache: AnalysisCache | undefined;
  private counts: AnalyzerCounts = { cached: 0, quick: 0, full: 0 };
  private readonly cacheDir: string | undefined;
  private readonly stamps: FileStamps;

  constructor(options: AnalyzerOptions) {
    this.cacheDir = options.cacheDir;
    const jobs = options.jobs ?? 1;
    this.pool = options.workerPath && jobs > 1 ? new AnalysisPool(options.workerPath, jobs) : undefined;
    this.cache = options.cacheDir ? new AnalysisCache(options.cacheDir, options.log) : undefined;
    this.cache?.load();
    this.stamps = new FileStamps(this.cache ? options.cacheDir : undefined);
  }

  /**
   * With nothing in the cache, every article of a folder will be analysed: the workers start loading now. (With a
   * cache, a warm start may need none, and loading them would only add to its memory.)
   */
  prepareForFolder(): void {
    if ((this.cache?.size ?? 0) === 0) this.pool?.prestart();
  }

  /** How many analyses can run at once (the pool's threads; 1 on this thread). */
  get parallel(): number {
    return this.pool?.size ?? 1;
  }

  /**
   * The cached full analysis of this text, if there is one (counted as taken from the cache). Given the file it was
   * read from, notes the file's stamp with the key, so a next start can skip reading it (`cachedFile`).
   */
  cached(text: string, options: AnalyzeOptions, file?: { path: string; stamp: string; problem?: string }): ArticleRecord | undefined {
    if (!this.cache) return undefined;
    const full = fullOptions(options);
    const key = cacheKey(text, full);
    if (file) this.stamps.set(file.path, { stamp: file.stamp, options: keyInputs(full), key, ...(file.problem ? { problem: file.problem } : {}) });
    return this.hit(key);
  }

  /** The cache's entry for `key`, counted as taken from the cache. */
  private hit(key: string): ArticleRecord | undefined {
    const record = this.cache?.get(key);
    if (record) this.counts.cached++;
    return record;
  }

  /** The cached full analysis of a file whose stamp is the one noted with it (unchanged since), without its text. */
  cachedFile(path: string, stamp: string, options: AnalyzeOptions): { record: ArticleRecord; problem?: string } | undefined {
    const note = this.cache && this.stamps.get(path, stamp, keyInputs(fullOptions(options)));
    const record = note && this.hit(note.key);
    return record && { record, problem: note.problem };
  }

  async analyze(text: string, options: AnalyzeOptions, pass: Pass = "urgent"): Promise<ArticleRecord> {
    const full = (options.depth ?? "full") === "full" && !options.namesOnly;
    // One hash for both the lookup and the store.
    const key = full && this.cache ? cacheKey(text, fullOptions(options)) : undefined;
    const hit = key === undefined ? undefined : this.hit(key);
    if (hit) return hit;
    const analysis = this.pool ? await this.pool.analyze({ text, options }, pass).promise.catch((error) => this.outOfWorker(error, text, options)) : await analyzeHere(text, options);
    if (key !== undefined) this.cache!.set(key, analysis);
    this.counts[full ? "full" : "quick"]++;
    return analysis;
  }

  /** An article too big for a worker's heap is analysed on this thread, which has no such cap. */
  private outOfWorker(error: unknown, text: string, options: AnalyzeOptions): Promise<ArticleRecord> {
    if (!(error instanceof WorkerMemoryError)) throw error;
    return analyzeHere(text, options);
  }

  /** The counts since the last call, for a line in the log. */
  takeCounts(): AnalyzerCounts {
    const counts = this.counts;
    this.counts = { cached: 0, quick: 0, full: 0 };
    return counts;
  }

  /**
   * Resolves the corpus's identities across articles if anything changed: from the identities stored with the cache
   * when they were made from the very entities the corpus holds (a folder reopened unchanged), else computed, and
   * then stored for the next start.
   */
  settle(corpus: Corpus): void {
    // A long run is over: its workers' heaps are let go before the resolution builds its own (the two made the peak).
    this.pool?.recycle();
    this.resolve(corpus);
  }

  private resolve(corpus: Corpus): void {
    if (!corpus.stale) return;
    const dir = this.cacheDir;
    const stored = dir ? readIdentities(dir) : undefined;
    if (stored && corpus.restore(stored)) return;
    corpus.settle(true);
    const fresh = dir ? corpus.storedIdentities() : undefined;
    if (dir && fresh) writeIdentities(dir, fresh);
  }

  /** Starts a worker again if the end of a run let them all go (see AnalysisPool.warm). */
  warmWorkers(): void {
    this.pool?.warm();
  }

  /** Writes the cache (atomically) if it changed; `prune` drops what was not used since loading. */
  save(prune = false): boolean {
    const saved = this.cache?.save(prune) ?? true;
    if (saved) this.stamps.save(prune);
    return saved;
  }

  dispose(): void {
    this.pool?.dispose();
  }
}
