// Pass 2: once the article has taught us its names, find every other occurrence of them by plain string search:
// "Blinken" at the start of a sentence, in a Title Case headline, in an ALL-CAPS dateline ("BEIJING —"), inside
// "Biden-Xi". This is what a tagger misses most, and it costs almost nothing.
import type { Span } from "../types";

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
  WORD_START.lastIndex = 0;
  for (let m = WORD_START.exec(slice); m; m = WORD_START.exec(slice)) {
    const at = m.index;
    const candidates = matcher.byFirstWord.get(firstWord(slice, at));
    const found = candidates?.find(({ spelling }) => slice.startsWith(spelling, at) && !continuesAt(slice, at + spelling.length));
    if (!found) continue;
    const end = at + found.spelling.length;
    hits.push({ start: span.start + at, end: span.start + end, text: found.spelling, form: found.form });
    WORD_START.lastIndex = end;
  }
  return hits;
}

function continuesAt(s: string, at: number): boolean {
  FORM_CONTINUES.lastIndex = at;
  return FORM_CONTINUES.test(s);
}
