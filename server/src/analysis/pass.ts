// The order of work, in one vocabulary for the index (what to analyse next), the pool (which job a worker takes)
// and the status (what the user is told). Three kinds of analysis, in this order:
//   urgent  an article the user has open or is asking about: in full, ahead of everything;
//   first   the folder's first pass: names only, quickly (the lexicon tagger, no dates), so every article links early;
//   full    the folder's full pass: each quick analysis replaced by the full one, dates included, and cached.
import type { AnalyzeOptions } from "../engine";

export type Pass = "urgent" | "first" | "full";

/** Passes in the order their work is taken. */
export const PASSES: readonly Pass[] = ["urgent", "first", "full"];

/** What the engine is asked for in a pass: the first pass over a folder wants names only, quickly. */
export function passOptions(pass: Pass): Pick<AnalyzeOptions, "depth" | "namesOnly"> {
  return pass === "first" ? { depth: "quick", namesOnly: true } : {};
}
