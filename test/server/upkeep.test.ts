import { afterEach, describe, expect, it, vi } from "vitest";

// The full collection is what is counted here: replaced by a spy.
const collectGarbage = vi.fn();
vi.mock("../../server/src/workspace/heap", () => ({ collectGarbage, collectGarbageIfGrown: () => false }));

const { COLLECT_EVERY, Upkeep } = await import("../../server/src/workspace/upkeep");
const { Corpus } = await import("../../server/src/corpus");

describe("upkeep: collections during a run", () => {
  const made: InstanceType<typeof Upkeep>[] = [];
  const upkeep = () => {
    const u = new Upkeep({ corpus: new Corpus(), analyzer: () => undefined, indexing: () => true, refresh: () => {}, log: () => {} });
    made.push(u);
    return u;
  };
  afterEach(() => {
    for (const u of made.splice(0)) u.dispose();
    collectGarbage.mockClear();
  });

  it("collects after every COLLECT_EVERY analyses computed", () => {
    const u = upkeep();
    for (let i = 0; i < 2 * COLLECT_EVERY; i++) u.changed(true);
    expect(collectGarbage).toHaveBeenCalledTimes(2);
  });

  it("does not count analyses taken from the cache, nor removals: a warm start leaves no garbage to collect", () => {
    const u = upkeep();
    for (let i = 0; i < 3 * COLLECT_EVERY; i++) u.changed(false);
    expect(collectGarbage).not.toHaveBeenCalled();
    for (let i = 0; i < COLLECT_EVERY; i++) u.changed(i % 2 === 0);
    expect(collectGarbage).not.toHaveBeenCalled(); // half of them computed: not yet
    for (let i = 0; i < COLLECT_EVERY / 2; i++) u.changed(true);
    expect(collectGarbage).toHaveBeenCalledTimes(1);
  });
});
