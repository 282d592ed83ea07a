// Deictic references to the present, past or future as a whole: "now", "currently", "recently",
// "lately", "soon", "the future", "the past". TimeML values them PRESENT_REF / PAST_REF / FUTURE_REF.
import { WB, WE } from "./lexicon";
import { pattern, scan } from "./match";
import type { Candidate } from "./model";

const REFS: [RegExp, string, string][] = [
  [/^(?:right )?now$|^currently$|^nowadays$|^these days$|^at present$|^presently$/i, "PRESENT_REF", "the present, around the article's date"],
  [/recently$|^lately$|^the past$|^in the past$|^recent$/i, "PAST_REF", "some time before the article's date"],
  [/soon$|future$|term$/i, "FUTURE_REF", "some time after the article's date"],
];

/**
 * "the past" only when no length follows ("the past decade" is a duration, another rule's); the adjective "recent"
 * only after a determiner or "in" ("the recent talks", "in recent U.S. history"). "Current" and "ongoing" are left
 * out, as TimeBank and the seeds' gold leave them ("the current state", "an ongoing dispute"); MEANTIME's gold
 * marks them PRESENT_REF.
 */
const DEICTIC = pattern(
  `${WB}(?<t>(?:[Rr]ight\\s+)?[Nn]ow|[Cc]urrently|[Nn]owadays|[Tt]hese days|[Pp]resently|(?:(?:[Mm]ore|[Mm]ost|[Vv]ery|[Uu]ntil)\\s+)?[Rr]ecently|[Ll]ately|(?:[Vv]ery\\s+)?[Ss]oon|[Tt]he\\s+(?:near\\s+|distant\\s+)?(?:future|past)|(?<=(?:the|a|its|their|his|her|our|in)\\s+)[Rr]ecent(?=\\s+\\p{L})|[Ss]hort-term|[Ll]ong-term|[Tt]he\\s+(?:short|long)\\s+term)${WE}(?!\\s+(?:that|\\d|few|several|two|three|four|five|six|seven|eight|nine|ten|decades?|years?|months?|weeks?|days?|hours?)${WE})(?![-’'])`,
);

export function findDeictic(sentence: string): Candidate[] {
  return scan(
    sentence,
    DEICTIC,
    (g) => {
      const t = g.t!.replace(/\s+/g, " ").replace(/^(?:until|more|most|very) /i, "");
      const ref = REFS.find(([re]) => re.test(t));
      return ref ? { type: "DATE", value: ref[1], meaning: ref[2] } : null;
    },
  );
}
