// Strings kept across articles (the memos of names' keys, of gazetteer answers, of words) are kept as copies of their
// own. In V8 a slice of a long string is a view that keeps the whole of it alive: a name sliced from an article kept
// that article's text for as long as the memo kept the name — 11 MB of texts for every 1,000 articles a worker analysed
// (live heap 15 → 80 MB over 5,000; a worker's heap, and the cold run's peak RSS, grew with it).

/**
 * A string with the same characters that holds no other string alive. (Joined to a character and cut again: the
 * join is made flat first, a new string of its own; a string too short to be a view is copied anyway.)
 */
export function detached(s: string): string {
  return `${s}\u0000`.slice(0, -1);
}
