// A worker thread of the analysis pool (analysis/pool.ts): text in, analysis out, as the bytes of the corpus's
// record (corpus/record.ts), transferred rather than copied: the main thread decodes them without rebuilding
// thousands of objects from a structured clone. Nothing else runs here.
import { parentPort } from "node:worker_threads";
import { encodeRecord, recordOf } from "./corpus/record";
import { analyzeArticle } from "./engine/analyze";
import type { FromWorker, ToWorker } from "./analysis/pool";

parentPort?.on("message", (job: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { id: job.id, record: encodeRecord(recordOf(analyzeArticle(job.text, job.options))) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error) };
  }
  parentPort!.postMessage(reply, "record" in reply ? [reply.record.buffer as ArrayBuffer] : []);
});
