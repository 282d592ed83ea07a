// The shapes the rule families share: a rule finds candidates in one sentence, and a candidate
// reads its own value once the sentence's context (article date, tense) is known.
import type { TimexBasis, TimexType } from "../types";
import type { Day } from "./calendar";

/** Which way a sentence looks from the article's date: decides "Friday", "November", "the spring". */
export type Tense = "past" | "future" | "unknown";

/** What a candidate may consult when it works out its value. */
export interface Scope {
  /** The article's date, or null: values then stay underspecified ("XXXX-11"), never the machine's clock. */
  dct: Day | null;
  /** Tense of the clause around a sentence-local offset. */
  tenseAt(index: number): Tense;
  /** The sentence's text just before a sentence-local offset (up to 40 characters). */
  textBefore(index: number): string;
  /** The same, with the words that decided it, for explanations: { tense: "future", cue: "will" }. */
  tenseCueAt(index: number): { tense: Tense; cue?: string };
  /** The last fully resolved calendar date before this candidate, for anaphora ("a month prior"). */
  previous: Reading | null;
  /** The last date of the text before this candidate that names a day ("Tuesday" → 2010-03-02), for "later in the day". */
  previousDay: string | null;
}

/** A candidate's value, TIMEX3-style, and a human account of it. */
export interface Reading {
  type: TimexType;
  value: string;
  endValue?: string;
  mod?: string;
  /** How the value was found, completing "<text> → …": "the Sunday after the article's date 2023-06-16". */
  meaning: string;
  /** A clock time read on the article's date for want of a day of its own ("T21:00"): a day said with it may take it. */
  clock?: string;
  /** What the value rests on beyond the words themselves, for a reader to check: a tense, or a year said before. */
  basis?: TimexBasis;
}

/** A time expression found in one sentence; offsets are sentence-local, end-exclusive. */
export interface Candidate {
  start: number;
  end: number;
  read(scope: Scope): Reading | null;
  /**
   * Whether a part-of-period modifier before it belongs to it ("early February", "the end of last
   * year", "later this year"); "required" for bare anchors that mean nothing alone ("the year").
   */
  modifiable?: boolean | "required";
}

/** A rule family: all its candidates in one sentence. */
export type Rule = (sentence: string) => Candidate[];
