// The corpus's record of an analysis (corpus/record.ts): what workers send and the cache stores. It must give back
// exactly the analysis it was made from, and refuse bytes that are not a record rather than answer wrong.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { analysisOf, decodeRecord, encodeRecord, mentionCount, mentionOf, recordOf } from "../../server/src/corpus";
import { entitiesUnread, entityBytes, Slab, type ArticleRecord } from "../../server/src/corpus/record";
import type { ArticleAnalysis } from "../../server/src/engine";
import { analyzeArticle } from "../../server/src/engine/analyze";
import { SEED_DATES } from "../server/lspClient";
import { collectGarbage } from "../../server/src/workspace/heap";

const seed = (name: string) => readFileSync(join(__dirname, "../../samples", name), "utf8");
const withoutVersion = (a: ArticleAnalysis) => ({ ...a, engineVersion: "" });

test("every seed's analysis comes back whole from its record and from the record's bytes", () => {
  for (const [name, date] of Object.entries(SEED_DATES)) {
    const analysis = analyzeArticle(seed(name), { date, path: name });
    const record = recordOf(analysis);
    expect(analysisOf(record)).toEqual(withoutVersion(analysis));
    const decoded = decodeRecord(encodeRecord(record));
    expect(analysisOf(decoded)).toEqual(withoutVersion(analysis));
    expect(mentionCount(decoded)).toBe(analysis.mentions.length);
    expect(mentionOf(decoded, 3)).toEqual(analysis.mentions[3]);
  }
});

test("quick analyses, CRLF and front matter, an empty file, and a surface form that is no alias of its entity", () => {
  const texts = ["---\ndate: 2023-06-16\n---\r\nBlinken in Beijing\r\n\r\nAntony Blinken met Wang Yi on Sunday.\r\n", "", "\ufeffA headline only"];
  for (const text of texts) {
    for (const depth of ["full", "quick"] as const) {
      const analysis = analyzeArticle(text, { depth });
      expect(analysisOf(decodeRecord(encodeRecord(recordOf(analysis))))).toEqual(withoutVersion(analysis));
    }
  }
  const analysis = analyzeArticle("Blinken in Beijing\n\nAntony Blinken met Wang Yi on Sunday.\n", {});
  const odd = { ...analysis, mentions: analysis.mentions.map((m, i) => (i === 0 ? { ...m, text: "BLINKEN" } : m)) };
  expect(analysisOf(decodeRecord(encodeRecord(recordOf(odd))))).toEqual(withoutVersion(odd));
});

test("bytes that are not a record are refused: truncated, garbage, or a mention of no entity", () => {
  const bytes = encodeRecord(recordOf(analyzeArticle(seed("001_ab59fed4580a61f8.txt"), {})));
  for (const cut of [0, 3, 10, bytes.length >> 1, bytes.length - 1]) expect(() => decodeRecord(bytes.subarray(0, cut))).toThrow();
  expect(() => decodeRecord(new TextEncoder().encode("not a record at all, just words"))).toThrow();
  const record = recordOf(analyzeArticle("Talks in Beijing\n\nAntony Blinken met Wang Yi on Sunday.\n", {}));
  expect(mentionCount(record)).toBeGreaterThan(0);
  record.mentions[2] = 99; // the first mention's entity
  expect(() => decodeRecord(encodeRecord(record))).toThrow(/no entity/);
});

test("a decoded record parses its entities when first read; damaged entity bytes are refused when decoded, not then", () => {
  const record = recordOf(analyzeArticle(seed("001_ab59fed4580a61f8.txt"), {}));
  const bytes = encodeRecord(record);
  const decoded = decodeRecord(bytes);
  expect(entitiesUnread(decoded)).toBe(true);
  // The bytes identity's fingerprint hashes are the same before and after the parse.
  const before = Buffer.from(entityBytes(decoded));
  expect(decoded.entities).toEqual(record.entities);
  expect(entitiesUnread(decoded)).toBe(false);
  expect(Buffer.from(entityBytes(decoded)).equals(before)).toBe(true);
  // A copy with other notices (as the index makes) keeps the entities.
  expect({ ...decodeRecord(bytes), notices: ["x"] }.entities).toEqual(record.entities);
  // One byte changed inside an alias: the checksum refuses the record at once.
  const text = Buffer.from(bytes).toString("latin1");
  const at = text.indexOf('"aliases":["') + 12;
  const damaged = Uint8Array.from(bytes);
  damaged[at] = damaged[at]! ^ 0x20;
  expect(() => decodeRecord(damaged)).toThrow(/checksum/);
});

test("a cache entry lends its entities' bytes until they are parsed; a worker's reply is copied out whole", () => {
  const bytes = encodeRecord(recordOf(analyzeArticle(seed("002_1194d7b2bb6911ef.txt"), {})));
  const file = new Uint8Array(bytes.length + 8);
  file.set(bytes, 8);
  const borrowed = decodeRecord(file.subarray(8), { entities: "borrow" });
  expect(entityBytes(borrowed).buffer).toBe(file.buffer);
  expect(borrowed.mentions.buffer).not.toBe(file.buffer);
  const copied = decodeRecord(file.subarray(8));
  expect(entityBytes(copied).buffer).not.toBe(file.buffer);
  expect(borrowed.entities).toEqual(copied.entities);
  expect(entitiesUnread(borrowed)).toBe(false);
});

test("records decoded into slabs share large buffers, come back whole, and a part too big for a slab gets its own", () => {
  const numbers = new Slab(1 << 20);
  const entities = new Slab(1 << 20);
  const analyses = Object.entries(SEED_DATES).map(([name, date]) => analyzeArticle(seed(name), { date, path: name }));
  const decoded = analyses.map((a) => decodeRecord(encodeRecord(recordOf(a)), { numbers, entities }));
  const [first, second] = decoded as [ArticleRecord, ArticleRecord];
  expect(second.mentions.buffer).toBe(first.mentions.buffer);
  expect(first.mentions.buffer.byteLength).toBe(1 << 20);
  expect(entityBytes(second).buffer).toBe(entityBytes(first).buffer);
  expect(entityBytes(first).buffer).not.toBe(first.mentions.buffer);
  for (const record of decoded) expect(record.lineStarts.byteOffset % 4).toBe(0);
  decoded.forEach((record, i) => expect(analysisOf(record)).toEqual(withoutVersion(analyses[i]!)));
  const tiny = new Slab(64);
  const alone = decodeRecord(encodeRecord(recordOf(analyses[0]!)), { numbers: tiny });
  expect(alone.mentions.buffer.byteLength).toBeLessThan(1 << 20);
  expect(analysisOf(alone)).toEqual(withoutVersion(analyses[0]!));
});

test("a slab is held while copies keep coming; released, it goes with its last copy, and the next copy begins another", async () => {
  const slab = new Slab(1 << 20, 60_000);
  let copy: Uint8Array | undefined = slab.copy(new Uint8Array([1, 2, 3]));
  const first = new WeakRef(copy.buffer);
  expect(slab.copy(new Uint8Array([4])).buffer).toBe(copy.buffer); // filled while a copy lives
  copy = undefined;
  await new Promise((r) => setTimeout(r, 0)); // a WeakRef keeps its target until the current job ends
  collectGarbage();
  expect(first.deref()).toBeDefined(); // held while copies keep coming: no new slab for each
  slab.release();
  await new Promise((r) => setTimeout(r, 0));
  collectGarbage();
  expect(first.deref()).toBeUndefined();
  expect([...slab.copy(new Uint8Array([5, 6]))]).toEqual([5, 6]);
});

test("a slab no copy was made into for a while is let go with its last copy", async () => {
  const slab = new Slab(1 << 20, 20);
  let copy: Uint8Array | undefined = slab.copy(new Uint8Array([1]));
  const first = new WeakRef(copy.buffer);
  copy = undefined;
  await new Promise((r) => setTimeout(r, 80));
  collectGarbage();
  expect(first.deref()).toBeUndefined();
});
