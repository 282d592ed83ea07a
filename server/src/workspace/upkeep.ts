// Everything the server does to keep its index healthy between answers, in one place: resolving identities across
// articles once changes pause, writing the cache, asking the editor to refresh what it shows, and giving memory
// back. The server tells it what happened (a run ended, the corpus changed, a request was answered); it decides
// when the work is worth doing. Timers are unref'd: none of them keeps a process alive.
import type { Corpus } from "../corpus";
import type { Analyzer } from "../analysis/analyzer";
import { collectGarbage, collectGarbageIfGrown } from "./heap";

export interface UpkeepHooks {
  corpus: Corpus;
  /** Created once the client has said where the cache goes. */
  analyzer(): Analyzer | undefined;
  /** Whether articles are being analysed now (identities then wait for the run's end). */
  indexing(): boolean;
  /** Ask the editor to fetch code lenses, inlay hints and semantic tokens again. */
  refresh(): void;
  log(message: string): void;
}

/** At most one refresh a second while a folder is indexed; the last change always gets one. */
const REFRESH_INTERVAL_MS = 1000;
/** Identities are looked at again this long after a change (and then as often as their cost allows). */
const SETTLE_DELAY_MS = 1000;
/** The cache is written at the end of a run, at shutdown, and otherwise this often if it changed. */
const CACHE_SAVE_INTERVAL_MS = 5 * 60_000;
/**
 * V8 collects garbage once its heap has grown well past what is alive: a 10,000-article run or a burst of requests
 * left 300–500 MB of heap for 150 MB of index. The heap is collected when the server has been idle this long after
 * work that left garbage worth a blocking collection (heap.ts), and every COLLECT_EVERY analyses during a run, so it
 * stays near what the index needs.
 */
const IDLE_COLLECT_MS = 2000;
export const COLLECT_EVERY = 1000;
/** Work done ahead of questions (entities read, large entities described) runs in slices this long, answers between them. */
const AHEAD_SLICE_MS = 15;

export class Upkeep {
  private refreshTimer: NodeJS.Timeout | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private aheadTimer: NodeJS.Timeout | undefined;
  private readonly saveTimer: NodeJS.Timeout;
  private lastSave = Date.now();
  private analysedSinceCollect = 0;

  constructor(private readonly hooks: UpkeepHooks) {
    this.saveTimer = setInterval(() => {
      if (Date.now() - this.lastSave >= CACHE_SAVE_INTERVAL_MS) this.save(); // nothing is written when nothing changed
    }, 30_000);
    this.saveTimer.unref();
  }

  /**
   * A run over the listed folders is about to report its end: identities are settled first (from the stored ones
   * when the folder is unchanged), so the "ready" status counts what every answer will say.
   */
  runEnding(): void {
    const analyzer = this.hooks.analyzer();
    if (analyzer) analyzer.settle(this.hooks.corpus);
    else this.hooks.corpus.settle(true);
  }

  /** The run's end was reported: say where the analyses came from, write the cache, refresh the editor. */
  runEnded(): void {
    const counts = this.hooks.analyzer()?.takeCounts();
    if (counts && counts.cached + counts.quick + counts.full > 0) {
      this.hooks.log(`indexed: ${counts.cached} analyses from the cache, ${counts.quick} quick, ${counts.full} full; ${this.hooks.corpus.size} articles`);
    }
    this.save(true);
    // Identities just settled: lenses, hints and colours computed during the run may count what is now wrong.
    this.scheduleRefresh();
    this.workAhead();
    this.whenIdle();
  }

  /**
   * An article was added, analysed again or removed; `analysed` when its analysis was computed. Only those count
   * towards a collection: a warm start takes 10,000 analyses from the cache and leaves next to no garbage, and a full
   * collection every 1,000 of them was a tenth of its time.
   */
  changed(analysed: boolean): void {
    this.scheduleRefresh();
    this.scheduleSettle();
    if (analysed && ++this.analysedSinceCollect >= COLLECT_EVERY) {
      this.analysedSinceCollect = 0;
      collectGarbage();
    }
  }

  /** A request was answered (or settings changed): the editor may show something else now. */
  answered(): void {
    this.whenIdle();
  }

  /** Settings changed what the editor shows. */
  settingsChanged(): void {
    this.scheduleRefresh();
  }

  shutdown(): void {
    this.save();
    this.dispose();
  }

  dispose(): void {
    for (const timer of [this.refreshTimer, this.settleTimer, this.idleTimer, this.aheadTimer]) clearTimeout(timer);
    clearInterval(this.saveTimer);
  }

  /** `prune` once the whole workspace has been looked up: entries of texts that are gone are dropped then. */
  private save(prune = false): void {
    this.lastSave = Date.now();
    this.hooks.analyzer()?.save(prune);
  }

  private scheduleRefresh(): void {
    this.refreshTimer ??= unref(
      setTimeout(() => {
        this.refreshTimer = undefined;
        this.hooks.refresh();
      }, REFRESH_INTERVAL_MS),
    );
  }

  /**
   * Identities across articles are resolved again once changes pause, as often as their cost allows
   * (corpus/index.ts); meanwhile a changed article is already attached by its names' keys.
   */
  private scheduleSettle(): void {
    this.settleTimer ??= unref(
      setTimeout(() => {
        this.settleTimer = undefined;
        const { corpus } = this.hooks;
        // Not while a folder is indexed: each resolution would hold this thread (seconds, at 10,000 articles) while
        // the workers wait for their next article. The run's end settles, and attached articles link meanwhile.
        if (!corpus.stale || this.hooks.indexing()) return;
        corpus.settle();
        if (corpus.stale) this.scheduleSettle();
        else {
          this.scheduleRefresh();
          this.workAhead();
        }
      }, SETTLE_DELAY_MS),
    );
  }

  /**
   * What a first question would otherwise build, built now, a slice at a time: the entities a warm start left unparsed
   * (corpus.readEntities), then the descriptions of the entities in the most articles (corpus.prepare), so that the
   * first hover on a name in thousands of articles costs what any other does.
   */
  private workAhead(): void {
    this.aheadTimer ??= unref(
      setTimeout(() => {
        this.aheadTimer = undefined;
        const { corpus } = this.hooks;
        if (corpus.readEntities(AHEAD_SLICE_MS) || corpus.prepare(AHEAD_SLICE_MS)) this.workAhead();
      }, 0),
    );
  }

  private whenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = unref(
      setTimeout(() => {
        this.idleTimer = undefined;
        if (this.hooks.indexing()) return; // the run collects as it goes, and again at its end
        if (collectGarbageIfGrown()) this.analysedSinceCollect = 0;
        // Workers let go at the end of a long run start again only now, after the collection: no peak to add to.
        this.hooks.analyzer()?.warmWorkers();
      }, IDLE_COLLECT_MS),
    );
  }
}

function unref(timer: NodeJS.Timeout): NodeJS.Timeout {
  timer.unref();
  return timer;
}
