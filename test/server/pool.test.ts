// The worker pool's order of work (dist/worker.js, as the server runs it): a worker holds a folder pass's next job
// behind the one it runs, so it never waits between two short analyses, but the user's article is never queued
// behind another job, and nothing is queued behind it. Workers start on demand, and an idle pool keeps one; at the end
// of a long run worn workers are let go, and one starts again when asked to warm up.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Pass } from "../../server/src/analysis/pass";
import { AnalysisPool } from "../../server/src/analysis/pool";

const pool = new AnalysisPool(join(__dirname, "../../dist/worker.js"), 1);
afterAll(() => pool.dispose());

test("the user's article runs right after the job under way and the one queued behind it", async () => {
  const text = readFileSync(join(__dirname, "../../samples/003_81d969409292dfb7.txt"), "utf8");
  const finished: string[] = [];
  const run = (name: string, pass: Pass) => pool.analyze({ text, options: {} }, pass).promise.then(() => void finished.push(name));
  const jobs = [run("folder 1", "full"), run("folder 2", "full"), run("folder 3", "full"), run("open article", "urgent"), run("folder 4", "first")];
  expect(pool.pending).toBe(5);
  await Promise.all(jobs);
  expect(finished).toEqual(["folder 1", "folder 2", "open article", "folder 4", "folder 3"]);
});

test("workers start when there is work, and an idle pool lets all but one go", async () => {
  const text = readFileSync(join(__dirname, "../../samples/001_ab59fed4580a61f8.txt"), "utf8");
  const idle = new AnalysisPool(join(__dirname, "../../dist/worker.js"), 2, 300);
  try {
    expect(idle.running).toBe(0); // a warm start from the cache loads no worker
    const analyses = await Promise.all([1, 2, 3, 4].map((n) => idle.analyze({ text: `${text}\n${n}`, options: {} }, "full").promise));
    expect(analyses.every((a) => a.mentions.length > 0)).toBe(true);
    expect(idle.running).toBe(2);
    await new Promise((r) => setTimeout(r, 800));
    expect(idle.running).toBe(1);
    // The one left answers at once; more work starts the second again.
    await Promise.all([5, 6, 7].map((n) => idle.analyze({ text: `${text}\n${n}`, options: {} }, "full").promise));
    expect(idle.running).toBe(2);
  } finally {
    idle.dispose();
  }
});

test("a pool asked to prestart loads its workers at once, and only once", async () => {
  const early = new AnalysisPool(join(__dirname, "../../dist/worker.js"), 2, 300);
  try {
    early.prestart();
    expect(early.running).toBe(2);
    early.prestart();
    expect(early.running).toBe(2);
    const text = readFileSync(join(__dirname, "../../samples/001_ab59fed4580a61f8.txt"), "utf8");
    expect((await early.analyze({ text, options: {} }, "first").promise).mentions.length).toBeGreaterThan(0);
  } finally {
    early.dispose();
  }
});

test("worn workers are let go at the end of a run, and one starts again only after that", async () => {
  const text = readFileSync(join(__dirname, "../../samples/002_1194d7b2bb6911ef.txt"), "utf8");
  const worn = new AnalysisPool(join(__dirname, "../../dist/worker.js"), 2, 60_000, 1);
  try {
    worn.recycle();
    worn.warm(); // nothing was let go: no worker starts (a warm start from the cache loads none)
    expect(worn.running).toBe(0);
    await Promise.all([1, 2].map((n) => worn.analyze({ text: `${text}\n${n}`, options: {} }, "full").promise));
    expect(worn.running).toBe(2);
    worn.recycle();
    expect(worn.running).toBe(0);
    worn.warm();
    expect(worn.running).toBe(1);
    const again = await worn.analyze({ text, options: {} }, "urgent").promise;
    expect(again.mentions.length).toBeGreaterThan(0);
    worn.warm(); // once only
    expect(worn.running).toBe(1);
  } finally {
    worn.dispose();
  }
});
