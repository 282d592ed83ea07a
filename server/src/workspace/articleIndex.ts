// Keeps the corpus equal to the workspace: every article file in the workspace folders, with an open document's
// unsaved text in place of the file's. Requests are answered from what is indexed while a large folder is read.
//
// Order of work: articles the user has open (and edits, once typing pauses) first, in full. Then the folder, in
// two passes when analysis runs on worker threads: a first pass that takes each article from the cache or finds its
// names quickly (the lexicon tagger, no dates: ~10× faster than compromise), so links across the whole folder answer
// early; then a full pass that replaces each quick analysis with the full one (dates included) and caches it.
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Corpus } from "../corpus";
import { DEFAULT_SETTINGS, LANGUAGE_ID, type Settings } from "../protocol";
import type { ArticleFiles } from "./files";
import type { ArticleRecord } from "../corpus";
import type { AnalyzeOptions } from "../engine";
import { passOptions, type Pass } from "../analysis/pass";
import { articleMatcher, dateFor } from "./settings";
import { filePath, fileUri, settingsPath } from "./uris";
import { collectGarbage } from "./heap";

/** What the index analyses with (analysis/analyzer.ts: cache, then worker pool or this thread). */
export interface Indexer {
  /** How many analyses can run at once. */
  readonly parallel: number;
  /** The cached full analysis of this text; given the file it was read from, the file's stamp is noted with it. */
  cached(text: string, options: AnalyzeOptions, file?: { path: string; stamp: string; problem?: string }): ArticleRecord | undefined;
  /** The cached full analysis of a file unchanged since its stamp was noted, and the notice its reading gave. */
  cachedFile(path: string, stamp: string, options: AnalyzeOptions): { record: ArticleRecord; problem?: string } | undefined;
  analyze(text: string, options: AnalyzeOptions, pass: Pass): Promise<ArticleRecord>;
}

export interface IndexState {
  /** True while articles are queued or being analysed. */
  running: boolean;
  /** Steps done in this run, and the run's size so far (it grows when files change meanwhile). */
  done: number;
  total: number;
  /** "first" while some article has no analysis yet; "full" while quick analyses are being replaced. */
  pass: Exclude<Pass, "urgent">;
  /**
   * This run lists the workspace folders (the start, new folders or settings). Only such a run ends with identities
   * resolved again and the cache written. An article being typed in, or a few files changed on disk (a save, a
   * small pull), cost their own analyses and nothing more: at 10,000 articles a resolution takes seconds and the
   * cache file is 170 MB. Identities then settle once changes pause, and the cache is written within minutes.
   */
  listed: boolean;
}

/** The longest the indexer keeps the thread before letting requests through. */
const TURN_MS = 8;

export interface IndexListener {
  /** The run started, advanced by one article, or finished. */
  progress(state: IndexState): void;
  /**
   * The corpus changed (an article was added, re-analysed or removed); `analysed` when an analysis was computed for
   * it, not taken from the cache (only those leave garbage worth collecting).
   */
  changed(analysed: boolean): void;
  log(message: string): void;
}

export type FileChange = { uri: string; kind: "created" | "changed" | "deleted" };

/** What an article was last analysed from: the option date used, and the open document's version (null = disk). */
interface Analysed {
  date: string | undefined;
  version: number | null;
}

export class ArticleIndex {
  readonly corpus = new Corpus(undefined, undefined, collectGarbage);
  private settings: Settings = DEFAULT_SETTINGS;
  private folders: string[] = [];
  private isArticlePath = articleMatcher(DEFAULT_SETTINGS);
  private readonly analysed = new Map<string, Analysed>();
  /** Each article's date from the settings (see `dateOf`). */
  private readonly dates = new Map<string, string | undefined>();
  /** Open documents go first; each set keeps insertion order, so the folder is read in listing order. */
  private readonly urgent = new Set<string>();
  private readonly queue = new Set<string>();
  /** Articles with a quick analysis, waiting for the full one. */
  private readonly deepen = new Set<string>();
  private readonly debounces = new Map<string, NodeJS.Timeout>();
  /** Bumped on every analysis start: a slower, older analysis of the same article must not win. */
  private readonly generation = new Map<string, number>();
  /** Analyses under way: the open document's version each reads (null = the file on disk), their date and pass. */
  private readonly analysing = new Map<string, Analysed & { pass: Pass }>();
  /** Requests waiting for an article's next analysis. */
  private readonly waiters = new Map<string, (() => void)[]>();
  private running = false;
  private done = 0;
  private listed = false;
  /**
   * Nothing is analysed before the first `configure`: an article opened while the client's settings are still on
   * their way would be analysed with the defaults (no article dates), shown, cached, then analysed again.
   */
  private configured = false;

  constructor(
    private readonly files: ArticleFiles,
    private readonly indexer: Indexer,
    /** Documents open in the editor, by normalised uri. */
    private readonly openDocument: (uri: string) => TextDocument | undefined,
    private readonly listener: IndexListener,
  ) {}

  state(): IndexState {
    const pass = this.urgent.size + this.queue.size > 0 || [...this.analysing.values()].some((a) => a.pass !== "full") ? "first" : "full";
    return { running: this.running || this.pending() > 0, done: this.done, total: this.done + this.pending(), pass, listed: this.listed };
  }

  /** New workspace folders or settings: list the folders again and (re)analyse whatever differs. */
  async configure(folders: string[], settings: Settings): Promise<void> {
    this.folders = folders;
    this.settings = settings;
    this.dates.clear();
    this.isArticlePath = articleMatcher(settings);
    if (!this.configured) {
      this.configured = true;
      void this.pump(); // the articles opened meanwhile, before the folders are listed
    }
    const listed = await Promise.all(folders.map((f) => this.files.list(f, (path) => this.isArticlePath(settingsPath(path, folders)))));
    const wanted = new Set(listed.flat().map(fileUri));
    for (const uri of [...this.corpus.uris(), ...this.urgent, ...this.queue, ...this.deepen]) {
      if (!wanted.has(uri) && !this.isOpenArticle(uri)) this.drop(uri);
    }
    for (const uri of this.corpus.uris()) if (this.isOpenArticle(uri)) wanted.add(uri);
    for (const uri of wanted) {
      // An analysis under way with today's date counts as done: an article opened at start is in flight here.
      const before = this.analysing.get(uri) ?? this.analysed.get(uri);
      if (!before || before.date !== this.dateOf(uri)) {
        this.listed = true;
        this.enqueue(uri, this.openDocument(uri) !== undefined);
      }
    }
    this.listener.progress(this.state());
  }

  /** Settings that change no file's analysis (the debounce delay): pending edits are rescheduled with them. */
  updateSettings(settings: Settings): void {
    this.settings = settings;
    for (const uri of [...this.debounces.keys()]) this.schedule(uri);
  }

  /** Whether a document is an article: the `article` language, or a file the settings select. */
  isArticle(uri: string, languageId?: string): boolean {
    if (languageId === LANGUAGE_ID) return true;
    const path = filePath(uri);
    return path !== undefined && this.isArticlePath(settingsPath(path, this.folders));
  }

  /** An article was opened in the editor (`uri` normalised): its text is now the document's. */
  didOpen(uri: string): void {
    if (this.isOpenArticle(uri)) this.enqueue(uri, true);
  }

  /** Typing: analyse again once the edits pause. */
  didChange(uri: string): void {
    if (!this.isOpenArticle(uri)) return;
    // Opening a document also reports its content as changed: nothing to wait for when that text is (or is about
    // to be) analysed already.
    const version = this.openDocument(uri)?.version;
    if (this.urgent.has(uri) || this.analysing.get(uri)?.version === version || this.analysed.get(uri)?.version === version) return;
    this.schedule(uri);
  }

  /** (Re)starts the pause after which an edited article is analysed. */
  private schedule(uri: string): void {
    clearTimeout(this.debounces.get(uri));
    this.debounces.set(
      uri,
      setTimeout(() => {
        this.debounces.delete(uri);
        this.enqueue(uri, true);
      }, this.settings.debounceMs),
    );
  }

  /** Closed without saving: the file on disk is the article again (or it is gone, for an untitled buffer). */
  didClose(uri: string): void {
    clearTimeout(this.debounces.get(uri));
    this.debounces.delete(uri);
    if (this.isArticle(uri)) this.enqueue(uri, true);
    else this.drop(uri);
  }

  /** `workspace/didChangeWatchedFiles`. A deleted folder arrives as one event for the folder. */
  filesChanged(changes: readonly FileChange[]): void {
    for (const { uri, kind } of changes) {
      if (kind === "deleted") {
        const below = uri.endsWith("/") ? uri : `${uri}/`;
        for (const known of this.corpus.uris()) {
          if ((known === uri || known.startsWith(below)) && !this.openDocument(known)) this.drop(known);
        }
      } else if (!this.openDocument(uri) && this.isArticle(uri)) {
        this.enqueue(uri, false);
      }
    }
    this.listener.progress(this.state()); // the article count changed even when nothing was queued
  }

  /**
   * Before answering about `uri`, so positions in the request match the analysis: an article still in the queue
   * is analysed now (one article, never the workspace); one being analysed is waited for; one being typed in is
   * answered once its debounced analysis has run, so the requests typing triggers do not analyse every keystroke.
   */
  async ensureFresh(uri: string): Promise<void> {
    const doc = this.openDocument(uri);
    const underway = this.analysing.get(uri);
    // An analysis for the user, or of the very text the editor has, is already under way: wait for it.
    if (this.debounces.has(uri) || underway?.pass === "urgent" || (underway && doc && underway.version === doc.version)) {
      return new Promise((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]));
    }
    const behind = doc !== undefined && this.isArticle(uri, doc.languageId) && this.analysed.get(uri)?.version !== doc.version;
    // An article with no analysis yet (queued, or in the background pass) is analysed now, ahead of the folder.
    const unanalysed = !this.corpus.has(uri) && (this.urgent.has(uri) || this.queue.has(uri) || this.analysing.has(uri));
    if (behind || unanalysed) await this.analyze(uri, "urgent");
  }

  dispose(): void {
    for (const timer of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    for (const uri of [...this.waiters.keys()]) this.wake(uri);
    this.urgent.clear();
    this.queue.clear();
    this.deepen.clear();
  }

  private isOpenArticle(uri: string): boolean {
    const doc = this.openDocument(uri);
    return doc !== undefined && this.isArticle(uri, doc.languageId);
  }

  /**
   * The article's date from the settings, remembered until the folders or settings change: asked two or three times
   * per article and pass (a relative path and glob matches each time: a quarter of a second over 10,000 articles).
   */
  private dateOf(uri: string): string | undefined {
    if (this.dates.has(uri)) return this.dates.get(uri);
    const path = filePath(uri);
    const date = path === undefined ? undefined : dateFor(this.settings, settingsPath(path, this.folders));
    this.dates.set(uri, date);
    return date;
  }

  private pending(): number {
    return this.urgent.size + this.queue.size + this.deepen.size + this.analysing.size;
  }

  private enqueue(uri: string, urgent: boolean): void {
    this.deepen.delete(uri);
    if (urgent) {
      this.queue.delete(uri);
      this.urgent.add(uri);
    } else if (!this.urgent.has(uri)) this.queue.add(uri);
    void this.pump();
  }

  /**
   * Keeps the analyzer busy: up to a few analyses in flight per thread it has, so its workers never wait for this
   * thread to read the next file, while requests still get through between steps.
   */
  private async pump(): Promise<void> {
    if (this.running || !this.configured) return;
    this.running = true;
    this.listener.progress(this.state());
    const limit = this.indexer.parallel > 1 ? 4 * this.indexer.parallel : 1;
    const inFlight = new Set<Promise<void>>();
    let turn = performance.now();
    try {
      for (;;) {
        const next = this.next();
        if (next === undefined) {
          if (inFlight.size === 0) break;
          await Promise.race(inFlight);
          continue;
        }
        const step: Promise<void> = this.analyze(next.uri, next.pass).finally(() => {
          inFlight.delete(step);
          this.done++;
          this.listener.progress(this.state());
        });
        inFlight.add(step);
        if (inFlight.size >= limit) await Promise.race(inFlight);
        // Let queued requests through every few milliseconds: never block them on the whole workspace (a turn of the
        // event loop per article was most of a warm start's time, when articles come from the cache).
        else if (performance.now() - turn >= TURN_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          turn = performance.now();
        }
      }
    } finally {
      this.running = false;
      const state = this.state();
      this.done = 0;
      this.listed = false;
      this.listener.progress(state);
    }
  }

  private next(): { uri: string; pass: Pass } | undefined {
    const take = (set: Set<string>, pass: Pass) => {
      const uri = set.values().next().value;
      if (uri === undefined) return undefined;
      set.delete(uri);
      return { uri, pass };
    };
    return take(this.urgent, "urgent") ?? take(this.queue, "first") ?? take(this.deepen, "full");
  }

  private async analyze(uri: string, pass: Pass): Promise<void> {
    // The entry is this analysis's own: a later one of the same article replaces it, and only its owner removes it
    // (removing another's made requests start yet another analysis, which discarded the one under way: a livelock
    // while an editor kept asking).
    const entry = { version: this.openDocument(uri)?.version ?? null, date: this.dateOf(uri), pass };
    this.analysing.set(uri, entry);
    try {
      await this.analyzeNow(uri, pass);
    } finally {
      if (this.analysing.get(uri) === entry) this.analysing.delete(uri);
      this.wake(uri);
    }
  }

  private wake(uri: string): void {
    const waiting = this.waiters.get(uri);
    this.waiters.delete(uri);
    for (const resolve of waiting ?? []) resolve();
  }

  private async analyzeNow(uri: string, pass: Pass): Promise<void> {
    this.urgent.delete(uri);
    this.queue.delete(uri);
    this.deepen.delete(uri);
    const generation = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, generation);

    const doc = this.openDocument(uri);
    const path = filePath(uri);
    const date = this.dateOf(uri);
    const options: AnalyzeOptions = { path: path ?? uri, date };
    // A file unchanged since its analysis was cached is not even read: a warm start is one pass of stats and lookups.
    const stamp = doc || path === undefined ? undefined : this.files.stamp(path);
    const known = stamp === undefined ? undefined : this.indexer.cachedFile(path!, stamp, options);
    let text: string | undefined;
    let problem = known?.problem;
    if (doc) text = doc.getText();
    else if (!known) {
      const decoded = path === undefined ? { text: null, problem: "not a file" } : this.files.read(path);
      if (decoded.text === null) {
        if (decoded.problem) this.listener.log(`${uri}: ${decoded.problem}`);
        if (this.generation.get(uri) === generation) this.drop(uri);
        return;
      }
      text = decoded.text;
      problem = decoded.problem;
    }
    // A full analysis from the cache is taken at once, with no step through the pool. Otherwise the first pass over a
    // folder is quick (names only) and the full one follows.
    let analysis = known?.record ?? this.indexer.cached(text!, options, stamp === undefined ? undefined : { path: path!, stamp, problem });
    const computed = !analysis;
    const quick = computed && pass === "first" && this.indexer.parallel > 1;
    try {
      analysis ??= await this.indexer.analyze(text!, quick ? { ...options, ...passOptions("first") } : options, pass);
    } catch (error) {
      this.listener.log(`${uri}: analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    if (this.generation.get(uri) !== generation) return; // a newer analysis of this article started meanwhile
    // The analysis may be the cache's own object: never change it in place.
    if (problem && !analysis.notices.includes(problem)) analysis = { ...analysis, notices: [...analysis.notices, problem] };
    this.corpus.upsert(uri, analysis);
    this.analysed.set(uri, { date, version: doc ? doc.version : null });
    if (quick) this.deepen.add(uri);
    this.listener.changed(computed);
  }

  private drop(uri: string): void {
    this.urgent.delete(uri);
    this.queue.delete(uri);
    this.deepen.delete(uri);
    this.analysed.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    if (this.corpus.remove(uri)) this.listener.changed(false);
    this.wake(uri);
  }
}
