// Pass 2: once the article has taught us its names, find every other occurrence of them by plain string search:
// "Blinken" at the start of a sentence, in a Title Case headline, in an ALL-CAPS dateline ("BEIJING —"), inside
// "Biden-Xi". This is what a tagger misses most, and it costs almost nothing.
import type { EntityType, Span } from "../types";

export interface KnownForm {
  type: EntityType;
  canonical?: string;
}

export interface Hit extends Span {
  text: string;
  form: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One regex over every form (and its ALL-CAPS spelling), longest first, matched as whole words. */
export function formMatcher(forms: Iterable<string>): RegExp | null {
  const variants = new Map<string, string>();
  for (const form of forms) {
    if (form.length < 2) continue;
    variants.set(form, form);
    const upper = form.toUpperCase();
    if (!variants.has(upper)) variants.set(upper, form);
  }
  if (variants.size === 0) return null;
  const alternatives = [...variants.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Hyphens and apostrophes are boundaries ("Biden-Xi", "Blinken’s"); letters and digits are not.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}$]|[.][\\p{L}])`, "gu");
  (re as RegExp & { variants?: Map<string, string> }).variants = variants;
  return re;
}

/** Occurrences of the matcher's forms in `text` within `span`, with the form each spelling belongs to. */
export function scanForms(matcher: RegExp, text: string, span: Span): Hit[] {
  const variants = (matcher as RegExp & { variants?: Map<string, string> }).variants!;
  const hits: Hit[] = [];
  const slice = text.slice(span.start, span.end);
  matcher.lastIndex = 0;
  for (let m = matcher.exec(slice); m; m = matcher.exec(slice)) {
    hits.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0], form: variants.get(m[0])! });
  }
  return hits;
}
