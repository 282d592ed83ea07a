// A full garbage collection on request. V8 only collects when its heap has grown well past what is alive; a server
// that knows it is idle (a run just ended, no request for a while) collects then, so its memory falls back to what
// the index needs instead of staying at the high-water mark of the last burst of work. The collection itself takes
// tens of milliseconds at 10,000 articles, at a moment nobody waits.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined | null;

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
}
