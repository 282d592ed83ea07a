// Tells the user how indexing goes, two ways: LSP work-done progress ("Indexing articles 312/1000", any editor)
// and the `articleLens/status` notification (the VS Code client's status bar item).
import type { Connection, WorkDoneProgressServerReporter } from "vscode-languageserver";
import { STATUS_NOTIFICATION, type StatusParams } from "../protocol";
import type { Corpus } from "../corpus";
import type { IndexState } from "./articleIndex";

/** Status updates while indexing, at most this often (the last one is never dropped). */
const STATUS_INTERVAL_MS = 250;

export class IndexingProgress {
  private progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private lastSent = 0;
  private trailing: NodeJS.Timeout | undefined;
  private wasRunning = false;
  private wasPass: IndexState["pass"] = "first";

  constructor(
    private readonly connection: Connection,
    private readonly corpus: Corpus,
    private readonly workDoneProgress: boolean,
  ) {}

  update(state: IndexState): void {
    // Start, end and the end of the first pass are sent at once; the steps in between are sampled.
    const transition = state.running !== this.wasRunning || state.pass !== this.wasPass;
    this.wasRunning = state.running;
    this.wasPass = state.pass;
    clearTimeout(this.trailing);
    const wait = STATUS_INTERVAL_MS - (Date.now() - this.lastSent);
    if (transition || wait <= 0) this.sendStatus(state);
    else this.trailing = setTimeout(() => this.sendStatus(state), wait);
  }

  dispose(): void {
    clearTimeout(this.trailing);
  }

  /** Both reports at once: one message per article of a 10,000-article run would cost the indexing itself. */
  private sendStatus(state: IndexState): void {
    this.lastSent = Date.now();
    this.workDone(state);
    const params: StatusParams = {
      state: state.running ? "indexing" : "ready",
      done: state.done,
      total: state.total,
      pass: state.pass,
      articles: this.corpus.size,
      entities: state.running ? 0 : this.corpus.entityCount(), // resolving identities mid-run would cost each step
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }

  /** A progress bar for runs of more than one article (re-analysing the article being typed in needs none). */
  private workDone(state: IndexState): void {
    if (!this.workDoneProgress) return;
    if (state.running && state.total > 1) {
      this.progress ??= this.connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin("Article Lens", 0, "Indexing articles", false);
          return reporter;
        },
        () => undefined,
      );
      const message = `${state.pass === "first" ? "Indexing articles" : "Full analysis"} ${state.done}/${state.total}`;
      const percentage = Math.floor((100 * state.done) / state.total);
      void this.progress.then((reporter) => reporter?.report(percentage, message));
    } else if (!state.running && this.progress) {
      const finished = this.progress;
      this.progress = undefined;
      void finished.then((reporter) => reporter?.done());
    }
  }
}
