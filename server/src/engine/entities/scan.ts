// Pass 2: once the article has taught us its names, find every other occurrence of them by plain string search:
// "Blinken" at the start of a sentence, in a Title Case headline, in an ALL-CAPS dateline ("BEIJING —"), inside
// "Biden-Xi". This is what a tagger misses most, and it costs almost nothing.
import type { Span } from "../types";
import { hasAstral, isLetterOrDigit } from "./chars";

export interface Hit extends Span {
  text: string;
  form: string;
}

/**
 * Every form (and its ALL-CAPS spelling), indexed by its first word, longest first. A lookup per word start, not one
 * regular expression of all the forms: that alternation was tried at every character and was a fifth of the
 * names-only pass.
 */
export interface FormMatcher {
  byFirstWord: Map<string, { spelling: string; form: string }[]>;
}

// A word here is a run of letters and digits: hyphens and apostrophes are boundaries ("Biden-Xi", "Blinken’s").
const WORD_RUN = /[\p{L}\p{N}]+/uy;
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;
// What may not follow a form: a letter, digit or "$" ("US$"), or a period and a letter ("U.S.A" is not "U.S").
const FORM_CONTINUES = /[\p{L}\p{N}$]|[.][\p{L}]/uy;

const firstWord = (s: string, at = 0): string => {
  WORD_RUN.lastIndex = at;
  return WORD_RUN.exec(s)?.[0] ?? "";
};

export function formMatcher(forms: Iterable<string>): FormMatcher | null {
  const byFirstWord = new Map<string, { spelling: string; form: string }[]>();
  const seen = new Set<string>();
  const add = (spelling: string, form: string) => {
    if (seen.has(spelling)) return;
    seen.add(spelling);
    const key = firstWord(spelling);
    // A form that does not start with a letter or digit could never follow a word boundary.
    if (!key || !spelling.startsWith(key)) return;
    const list = byFirstWord.get(key) ?? [];
    list.push({ spelling, form });
    byFirstWord.set(key, list);
  };
  for (const form of forms) {
    if (form.length < 2) continue;
    add(form, form);
    add(form.toUpperCase(), form);
  }
  if (byFirstWord.size === 0) return null;
  for (const list of byFirstWord.values()) list.sort((a, b) => b.spelling.length - a.spelling.length);
  return { byFirstWord };
}

/** Occurrences of the matcher's forms in `text` within `span` (whole words, longest form first, not overlapping). */
export function scanForms(matcher: FormMatcher, text: string, span: Span): Hit[] {
  const hits: Hit[] = [];
  const slice = text.slice(span.start, span.end);
  const found = (at: number, run: string) => {
    const candidates = matcher.byFirstWord.get(run);
    return candidates?.find(({ spelling }) => slice.startsWith(spelling, at) && !continuesAt(slice, at + spelling.length));
  };
  const hit = (at: number, form: { spelling: string; form: string }) =>
    hits.push({ start: span.start + at, end: span.start + at + form.spelling.length, text: form.spelling, form: form.form });
  // Astral characters (a surrogate pair is one letter or none) take the regular expressions; a line of the Basic
  // Multilingual Plane — nearly all prose — is walked a character at a time (chars.ts).
  if (hasAstral(slice)) {
    WORD_START.lastIndex = 0;
    for (let m = WORD_START.exec(slice); m; m = WORD_START.exec(slice)) {
      const form = found(m.index, firstWord(slice, m.index));
      if (!form) continue;
      hit(m.index, form);
      WORD_START.lastIndex = m.index + form.spelling.length;
    }
    return hits;
  }
  for (let at = 0; at < slice.length; ) {
    if (!isLetterOrDigit(slice.charCodeAt(at))) {
      at++;
      continue;
    }
    // A word starts here (what precedes is no letter or digit): its run of letters and digits is the key.
    let end = at + 1;
    while (end < slice.length && isLetterOrDigit(slice.charCodeAt(end))) end++;
    const form = found(at, slice.slice(at, end));
    if (form) {
      hit(at, form);
      at += form.spelling.length; // (no letter or digit follows a form found: see continuesAt)
    } else at = end;
  }
  return hits;
}

function continuesAt(s: string, at: number): boolean {
  FORM_CONTINUES.lastIndex = at;
  return FORM_CONTINUES.test(s);
}
