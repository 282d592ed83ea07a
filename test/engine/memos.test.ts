// The engine's memos (names' keys, gazetteer answers, words) live as long as a worker does: what they keep must be
// the strings themselves, not the articles those were sliced from.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { nameKey, placeFacts } from "../../server/src/engine";
import { wordOf } from "../../server/src/engine/entities/words";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const liveHeapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

describe("memos across articles", () => {
  it("keep no article's text alive through the names and words they remember", () => {
    const before = liveHeapMb();
    for (let i = 0; i < 40; i++) {
      // A 1 MB "article"; the name is a slice of it, as the recognisers' names and words are.
      const article = `${"lorem ipsum ".repeat(90_000)}Ingrid Vaszarykowska${i} of Gdanskport said.`;
      const at = article.indexOf("Ingrid");
      const name = article.slice(at, article.indexOf(" of", at));
      nameKey(name);
      placeFacts(name);
      wordOf(name.slice(7));
    }
    // Forty articles of 1 MB each stay alive if any memo keeps a slice of them.
    expect(liveHeapMb() - before).toBeLessThan(10);
  });
});
