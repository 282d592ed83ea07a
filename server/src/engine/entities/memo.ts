// Answers remembered across articles, by the string they were asked of: names' keys, gazetteer answers, words. One
// mechanism for all three, because each needs the same two things: a bound, and keys that are copies of their own.
// In V8 a slice of a long string is a view that keeps the whole of it alive: a name sliced from an article kept that
// article's text for as long as the memo kept the name — 11 MB of texts for every 1,000 articles a worker analysed
// (live heap 15 → 80 MB over 5,000; a worker's heap, and the cold run's peak RSS, grew with it).

/**
 * A string with the same characters that holds no other string alive. (Joined to a character and cut again: the
 * join is made flat first, a new string of its own; a string too short to be a view is copied anyway.)
 */
export function detached(s: string): string {
  return `${s}\u0000`.slice(0, -1);
}

/**
 * `compute`, remembered for up to `limit` strings (then forgotten all at once: the frequent ones come back first),
 * misses (undefined) included. `compute` is given the memo's own copy of the string, so what it keeps of it keeps
 * nothing else alive either.
 */
export function remembered<V>(limit: number, compute: (own: string) => V): (s: string) => V {
  // A miss is remembered as NOT_KNOWN, so a remembered answer is one look-up, not a has() and a get().
  const memo = new Map<string, V | typeof NOT_KNOWN>();
  return (s) => {
    const seen = memo.get(s);
    if (seen !== undefined) return seen === NOT_KNOWN ? (undefined as V) : seen;
    const own = detached(s);
    const answer = compute(own);
    if (memo.size >= limit) memo.clear();
    memo.set(own, answer === undefined ? NOT_KNOWN : answer);
    return answer;
  };
}
const NOT_KNOWN = Symbol("not known");
