// A full garbage collection on request. V8 only collects when its heap has grown well past what is alive; a server
// that knows it is idle (a run just ended, no request for a while) collects then, so its memory falls back to what
// the index needs instead of staying at the high-water mark of the last burst of work. The collection blocks the
// thread (~160 ms at 10,000 articles, marking a 190 MB heap): a question asked meanwhile waits, so an idle server
// collects only when there is garbage worth it.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined | null;
/** The heap in use right after the last collection made here. */
let usedAfterCollect = 0;

/**
 * How much the heap must have grown since the last collection for an idle one: a run of analyses or a burst of
 * large answers leaves far more, a few hovers far less (their garbage dies young, and young collections take it).
 */
export const IDLE_GROWTH_BYTES = 32 * 1024 * 1024;

/** Collects garbage now, if this V8 lets us (it does from Node 12 on); otherwise does nothing. */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
  usedAfterCollect = getHeapStatistics().used_heap_size;
}

/** Collects garbage if the heap has grown by IDLE_GROWTH_BYTES since the last collection; says whether it did. */
export function collectGarbageIfGrown(): boolean {
  if (getHeapStatistics().used_heap_size - usedAfterCollect < IDLE_GROWTH_BYTES) return false;
  collectGarbage();
  return true;
}
