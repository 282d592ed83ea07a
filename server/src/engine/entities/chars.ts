// Letters and digits by UTF-16 code unit, each told once by Unicode's classes and then read from a table: pass 2
// (scan.ts) asks this of every character of an article, and its look-behind expression with \p{…} classes cost more
// than the rest of the scan. Only for code units outside the surrogates: a line with an astral character takes the
// regular expressions. (The tokenizer's expression was measured against a walk like this one: no faster.)

const UNKNOWN = 0;
const LETTER_OR_DIGIT = 1;
const OTHER = 2;
const KINDS = new Uint8Array(0x10000);

export function isLetterOrDigit(code: number): boolean {
  let k = KINDS[code]!;
  if (k === UNKNOWN) k = KINDS[code] = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? LETTER_OR_DIGIT : OTHER;
  return k === LETTER_OR_DIGIT;
}

/** Has a surrogate (a character beyond the Basic Multilingual Plane): the table does not speak for it. */
export const hasAstral = (s: string): boolean => /[\ud800-\udfff]/.test(s);
