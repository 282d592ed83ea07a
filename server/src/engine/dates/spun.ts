// "Spun" text: articles machine-rewritten by swapping words for dictionary synonyms, so that
// "last month" reads "final month", "this year" reads "this 12 months" and "in May" reads
// "in Could". The swaps follow from the synonym sense of each word, so they are listed here
// by sense rather than by sample: any rule that accepts "last" accepts its spins too.

/** Spins of "last"/"previous" (the one before). "past" is genuine English and listed with it. */
export const SPUN_LAST = ["final", "previous", "past", "preceding", "prior"];

/** Spins of "next" (the one after). A bare "following" is the preposition ("following November's elections"). */
export const SPUN_NEXT = ["subsequent", "the following", "coming", "upcoming", "forthcoming", "succeeding"];

/** Spins of "year": "yr" (abbreviation swap) and "12 months" (definition swap: "this 12 months"). */
export const SPUN_YEAR = ["yrs?", "12 months"];

/** Spins of the preposition "in" that a time phrase may follow: "earlier within the week". */
export const SPUN_IN = ["within"];

/**
 * Spins of the month name "May": the modal verb sense swapped for its synonyms. They are read as
 * a month only where a modal cannot stand (after "in", before a day number or a year).
 */
export const SPUN_MAY = ["Could", "Might"];

/** Spins of "season" names: "the summer season" for "the summer" (a gloss added by the spinner). */
export const SEASON_GLOSS = "(?:\\s+season)?";

/** Spins of "planned"/"plans" in "planned to leave on Friday": forward-looking like the original. */
export const SPUN_PLANNED = ["deliberate", "deliberates", "intend", "meant"];
