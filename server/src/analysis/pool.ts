// Analysis on worker threads. compromise costs ~100 ms an article on one core: a pool puts every core on it and
// keeps the thread that answers requests free. Work is taken by pass (analysis/pass.ts: what the user looks at, then the fast
// first pass over the folder, then full analysis of the folder); work nobody waits for can be withdrawn.
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { decodeRecord, Slab, type ArticleRecord, type RecordCopies } from "../corpus/record";
import type { AnalyzeOptions } from "../engine";
import { PASSES, type Pass } from "./pass";

export interface AnalysisRequest {
  text: string;
  options: AnalyzeOptions;
}

/** Messages between the pool and its workers (see worker.ts). */
export type ToWorker = { id: number } & AnalysisRequest;
export type FromWorker = { id: number; record: Uint8Array } | { id: number; error: string };


interface Job extends AnalysisRequest {
  id: number;
  pass: Pass;
  resolve(record: ArticleRecord): void;
  reject(error: Error): void;
}

/** A worker ran out of its heap (WORKER_HEAP_MB) on this job. */
export class WorkerMemoryError extends Error {
  constructor(cause: Error) {
    super(`the analysis needed more than the worker's ${WORKER_HEAP_MB} MB: ${cause.message}`);
  }
}

export class WithdrawnError extends Error {
  constructor() {
    super("analysis withdrawn before it started");
  }
}

export class AnalysisPool {
  private readonly idle: Worker[] = [];
  /** Jobs sent to each busy worker, in the order it runs them (its message port queues them). */
  private readonly busy = new Map<Worker, Job[]>();
  /** One FIFO per pass, in PASSES order. */
  private readonly queues: Job[][] = PASSES.map(() => []);
  private nextId = 1;
  /** Set when `recycle` let workers go, until `warm`. */
  private recycled = false;
  /** Analyses each worker has sent back since it started. */
  private readonly jobsDone = new WeakMap<Worker, number>();
  private disposed = false;
  readonly size: number;
  /**
   * Where replies are copied (see `Slab`): the entities' JSON in slabs of their own, by pass (a resolution parses
   * a pass's entities and lets them go together), and the first pass's records too (the full pass replaces them).
   */
  private readonly copies: Record<"first" | "other", RecordCopies> = {
    first: { numbers: new Slab(), entities: new Slab() },
    other: { entities: new Slab() },
  };

  /** `workerPath`: the bundled worker script (dist/worker.js). */
  /** Set while every worker is idle: when it fires, all workers but one are let go. */
  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * `workerPath`: the bundled worker script (dist/worker.js). Workers start when there is work (a warm start from
   * the cache needs none), and when the pool has been idle for `idleMs` all but one stop: each holds compromise and
   * the garbage of its analyses (~100 MB). One stays, so an edit in the editor never waits for a worker to load.
   */
  constructor(private readonly workerPath: string, size = defaultPoolSize(), private readonly idleMs = IDLE_MS, private readonly recycleAfter = RECYCLE_AFTER) {
    this.size = Math.max(1, size);
  }

  /**
   * Lets go of idle workers that have analysed many articles since they started (their heaps hold the garbage of
   * those analyses, up to WORKER_HEAP_MB each): called when a folder's run ends, before the costly resolution across
   * articles, so the two peaks do not add up (`warm` starts a fresh one after it). A worker that only served a few
   * edits stays, warm.
   */
  recycle(): void {
    if (this.disposed) return;
    const worn = this.idle.filter((w) => (this.jobsDone.get(w) ?? 0) >= this.recycleAfter);
    for (const worker of worn) {
      this.idle.splice(this.idle.indexOf(worker), 1);
      void worker.terminate();
    }
    if (worn.length > 0) this.recycled = true;
  }

  /**
   * After `recycle` let every worker go, starts one again, so the next edit does not wait for one to load compromise
   * (called once the server is idle and its memory collected, so the new worker's load adds to no peak).
   */
  warm(): void {
    if (!this.recycled || this.disposed) return;
    this.recycled = false;
    if (this.running === 0) this.idle.push(this.spawn());
  }

  /**
   * Starts the workers now, if none runs: they load the engine (~0.5 s each) while the caller lists the folder it is
   * about to hand over, instead of after (a cold start's first pass waited for them; starting the second with the
   * first, not with the second article, linked 1,000 articles ~0.1 s sooner).
   */
  prestart(): void {
    if (this.running > 0 || this.disposed) return;
    while (this.running < this.size) this.idle.push(this.spawn());
  }

  /** Workers running now (started on demand, let go when idle). */
  get running(): number {
    return this.idle.length + this.busy.size;
  }

  analyze(request: AnalysisRequest, pass: Pass = "full"): { promise: Promise<ArticleRecord>; withdraw(): void } {
    let job!: Job;
    const promise = new Promise<ArticleRecord>((resolve, reject) => {
      job = { ...request, id: this.nextId++, pass, resolve, reject };
    });
    if (this.disposed) job.reject(new Error("the analysis pool is shut down"));
    else this.queues[PASSES.indexOf(pass)]!.push(job);
    this.dispatch();
    return {
      promise,
      withdraw: () => {
        for (const queue of this.queues) {
          const i = queue.indexOf(job);
          if (i >= 0) {
            queue.splice(i, 1);
            job.reject(new WithdrawnError());
          }
        }
      },
    };
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queues.reduce((n, q) => n + q.length, 0) + [...this.busy.values()].reduce((n, jobs) => n + jobs.length, 0);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    for (const job of [...this.queues.flat(), ...[...this.busy.values()].flat()]) job.reject(new Error("the analysis pool is shut down"));
    for (const queue of this.queues) queue.length = 0;
    for (const w of [...this.idle, ...this.busy.keys()]) void w.terminate();
    this.idle.length = 0;
    this.busy.clear();
  }

  /**
   * Hands queued jobs to workers: an idle one first; otherwise a job of a folder pass goes to a worker that runs one
   * such job already, queued behind it, so a worker never waits for this thread between two short analyses (the
   * names-only pass takes a few milliseconds per article). The user's article (the urgent pass) is never queued behind
   * one, and nothing is queued behind it.
   */
  private dispatch(): void {
    for (;;) {
      const queue = this.queues.find((q) => q.length > 0);
      if (!queue) return this.whenIdle();
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
      let worker = this.idle.pop();
      if (!worker && this.running < this.size) worker = this.spawn();
      if (!worker && queue[0]!.pass !== "urgent") {
        worker = [...this.busy].find(([, jobs]) => jobs.length < PIPELINE && jobs.every((j) => j.pass !== "urgent"))?.[0];
      }
      if (!worker) return;
      const job = queue.shift()!;
      const jobs = this.busy.get(worker) ?? [];
      jobs.push(job);
      this.busy.set(worker, jobs);
      const message: ToWorker = { id: job.id, text: job.text, options: job.options };
      worker.postMessage(message);
    }
  }

  /** With no job queued or running, the workers beyond the first are let go after a while. */
  private whenIdle(): void {
    if (this.busy.size > 0 || this.idle.length <= 1 || this.idleTimer || this.disposed) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.busy.size > 0) return;
      for (const worker of this.idle.splice(1)) void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private spawn(): Worker {
    // A worker's heap is capped: left alone, V8 let each grow to 350 MB of mostly garbage over a 10,000-article
    // run. The engine reads at most 1 MB of an article, which fits; anything bigger fails with WorkerMemoryError
    // and the caller may analyse it elsewhere.
    // A worker's young generation follows the process's flag, not its resource limits: set back to V8's own size
    // for workers whatever the server was started with (SERVER_EXEC_ARGV makes the server's small).
    setFlagsFromString(`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
    const worker = new Worker(this.workerPath, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on("message", (message: FromWorker) => {
      this.jobsDone.set(worker, (this.jobsDone.get(worker) ?? 0) + 1);
      const jobs = this.busy.get(worker) ?? [];
      const job = jobs.shift();
      if (jobs.length === 0) {
        this.busy.delete(worker);
        this.idle.push(worker);
      }
      if (job && job.id === message.id) {
        if ("error" in message) job.reject(new Error(message.error));
        else {
          try {
            job.resolve(decodeRecord(message.record, this.copies[job.pass === "first" ? "first" : "other"]));
          } catch (error) {
            job.reject(error instanceof Error ? error : new Error(String(error)));
          }
        }
      }
      this.dispatch();
    });
    // A worker that dies takes its job with it; a new one starts when work is waiting.
    worker.on("error", (error) => this.replace(worker, (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY" ? new WorkerMemoryError(error) : error));
    worker.on("exit", (code) => {
      if (!this.disposed && (this.busy.has(worker) || this.idle.includes(worker))) this.replace(worker, new Error(`analysis worker exited with code ${code}`));
    });
    return worker;
  }

  private replace(worker: Worker, error: Error): void {
    if (this.disposed) return;
    const jobs = this.busy.get(worker) ?? [];
    this.busy.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    for (const job of jobs) job.reject(error);
    void worker.terminate();
    this.dispatch(); // a new worker starts if work is waiting
  }
}

/**
 * Each worker's heap (old generation), in MB: enough for the engine's largest input (1 MB of text) with room. What
 * is alive in a worker is compromise, one analysis and the engine's memos (~30 MB after 5,000 articles, since the memos
 * stopped keeping the articles their strings were sliced from: 80 MB before), but a tighter cap did not pay: at 64 or
 * 96 MB the 10,000-article run took 1.4–2 times as long, V8's helper threads collecting all the time. An article too
 * big for it is analysed on the main thread (WorkerMemoryError).
 */
const WORKER_HEAP_MB = 160;
/** V8's semi-space size on 64 bits: analysis makes garbage fast, and 4 MB ones made it a quarter slower. */
const WORKER_SEMI_SPACE_MB = 16;

/** Analyses after which an idle worker is let go at the end of a run (see `recycle`). */
const RECYCLE_AFTER = 200;

/** How long the pool waits, idle, before letting its extra workers go. */
const IDLE_MS = 5_000;

/** Jobs a worker holds at most: the one it runs and the next. */
const PIPELINE = 2;

/** Every core but none to spare on a 2-core machine: the main thread mostly waits while workers run. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}
