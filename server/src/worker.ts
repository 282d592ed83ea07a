// A worker thread of the analysis pool (indexing/pool.ts): text in, analysis out. Nothing else runs here.
import { parentPort } from "node:worker_threads";
import { analyzeArticle } from "./engine";
import type { FromWorker, ToWorker } from "./indexing/pool";

parentPort?.on("message", (job: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { id: job.id, analysis: analyzeArticle(job.text, job.options) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error) };
  }
  parentPort!.postMessage(reply);
});
