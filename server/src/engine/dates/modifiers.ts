// Part-of-period modifiers in front of a date: "early February" (START), "mid-2011" (MID),
// "the end of last year" (END). "later"/"earlier" ("later this year", "earlier within the week")
// join the extent but add no mod: TimeML keeps them as relative signals, not parts of the period.
import type { Candidate } from "./model";

const PREFIX =
  /(?:(?<part>[Ee]arly|[Ll]ate|[Mm]id|[Tt]he\s+(?:very\s+)?(?:beginning|start|end|middle|close)\s+of)(?:\s+|-)|(?<drift>[Ll]ater|[Ee]arlier)\s+(?:(?:in|within)\s+)?)$/u;

const MOD_OF: Record<string, string> = { early: "START", beginning: "START", start: "START", mid: "MID", middle: "MID", late: "END", end: "END", close: "END" };
const PART_WORDS: Record<string, string> = { START: "the start of", MID: "the middle of", END: "the end of" };

/** The candidate widened over a modifier just before it, or null if it needs one and has none. */
export function withModifier(sentence: string, c: Candidate): Candidate | null {
  if (!c.modifiable) return c;
  const m = PREFIX.exec(sentence.slice(Math.max(0, c.start - 40), c.start));
  if (!m) return c.modifiable === "required" ? null : c;
  const start = c.start - m[0].length;
  const part = m.groups?.part?.toLowerCase().split(/\s+/).find((w) => MOD_OF[w]);
  const mod = part ? MOD_OF[part] : undefined;
  return {
    start,
    end: c.end,
    read: (scope) => {
      const r = c.read(scope);
      if (!r || !mod) return r;
      return { ...r, mod, meaning: `${PART_WORDS[mod]} ${r.meaning}` };
    },
  };
}
