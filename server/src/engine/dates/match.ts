// Turning regular-expression hits into candidates. Patterns are compiled once, Unicode-aware and
// with match indices, so a rule can mark the time expression inside a wider context match with a
// group named `t` (or `t2` in a second alternative) (context such as a preposition stays outside the extent: "in Could" → "Could").
import type { Candidate, Reading, Scope } from "./model";

export type Groups = Record<string, string | undefined>;

/**
 * A compiled rule pattern; `flags` adds to "gdu" (use "i" where capitalisation carries no meaning). `hint`, a cheap
 * test every match must pass somewhere in the sentence (a keyword), lets a sentence without it skip the pattern:
 * most sentences name no holiday, weekend or trading session, and each pattern costs a pass over each sentence.
 */
export function pattern(source: string, flags = "", hint?: RegExp): RegExp & { hint?: RegExp } {
  const re: RegExp & { hint?: RegExp } = new RegExp(source, `gdu${flags}`);
  if (hint) re.hint = hint;
  return re;
}

/** What a hit reads as, given its groups, the hit's sentence-local extent and the scope. */
export type Reader = (g: Groups, scope: Scope, at: { start: number; end: number }) => Reading | null;

/** Candidates of every hit of `re` in `sentence`; the extent is group `t` when the pattern has one. */
export function scan(sentence: string, re: RegExp & { hint?: RegExp }, read: Reader, keep: (g: Groups, start: number, end: number) => boolean = () => true): Candidate[] {
  const out: Candidate[] = [];
  if (re.hint && !re.hint.test(sentence)) return out;
  // An exec loop, not matchAll: matchAll copies the pattern on every call, which was a third of the dates' time.
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m[0].length === 0) re.lastIndex += (sentence.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
    const span = m.indices?.groups?.t ?? m.indices?.groups?.t2 ?? m.indices?.[0];
    if (!span || span[1] <= span[0]) continue;
    const [start, end] = span;
    const g: Groups = { ...m.groups };
    if (!keep(g, start, end)) continue;
    out.push({ start, end, read: (scope) => read(g, scope, { start, end }) });
  }
  return out;
}
