// Collections on request. The server's idle collection blocks it (~160 ms at 10,000 articles): it is made only when
// the heap has grown enough since the last one to be worth it, never for the little garbage a few hovers leave.
import { expect, test } from "vitest";
import { collectGarbage, collectGarbageIfGrown, IDLE_GROWTH_BYTES } from "../../server/src/workspace/heap";

test("an idle collection happens once the heap has grown by IDLE_GROWTH_BYTES since the last, and not before", () => {
  collectGarbage();
  expect(collectGarbageIfGrown()).toBe(false); // nothing has grown since
  // Long-lived enough to reach the old generation (young collections copy it out), then dropped: garbage that only a
  // full collection takes.
  let kept: string[] | undefined = Array.from({ length: (2 * IDLE_GROWTH_BYTES) / 64 }, (_, i) => `garbage ${i} `.repeat(3));
  expect(kept.length).toBeGreaterThan(0);
  kept = undefined;
  expect(collectGarbageIfGrown()).toBe(true);
  expect(collectGarbageIfGrown()).toBe(false); // the collection just made is the new mark
});
